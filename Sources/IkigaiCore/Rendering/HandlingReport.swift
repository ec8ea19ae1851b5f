import Foundation

/// 取扱状況報告書 (特記事項14): which personal data the office holds, where,
/// since when, who handled it and how (from the audit record), and the
/// permissions of the confidential files.
struct HandlingReport {
    let settings: Settings
    let inputDir: String
    let outputDir: String
    let operatorName: Settings.Handler
    let now: Date

    struct Sheet { let path: String; let items: String; let rows: String; let encoding: String; let since: String; let modified: String }
    /// A file that holds or may hold personal data: a confidential output, or a file someone saved
    /// in `Output/` that the runs kept (most likely a copy of a roster or a list).
    struct Confidential { let path: String; let kind: String; let mode: String; let ok: String }
    struct HandlerRow { let name: String; let role: String }
    /// One audit entry; its UTC time in two parts, so that a narrow column breaks between the day and the clock.
    struct EntryRow { let seq: String; let day: String; let clock: String; let `operator`: String; let command: String; let result: String }
    struct View {
        let ward: String; let created: String; let `operator`: String; let role: String; let fiscalYear: String
        let sheets: [Sheet]; let inputDir: String; let outputDir: String; let outputMode: String; let confidential: [Confidential]
        let handlers: [HandlerRow]; let chainStatus: String; let entries: [EntryRow]; let head: String; let refused: String
    }

    static let personalColumns: Set<Column> = [.name, .phone, .kana, .address, .birthDate, .age, .idChecked, .group]

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func modeString(_ m: Int) -> String {
        let bits = ["r", "w", "x"]
        return (0..<9).map { i in (m >> (8 - i)) & 1 == 1 ? bits[i % 3] : "-" }.joined() + " (\(String(m, radix: 8)))"
    }

    var view: View {
        let (log, broken) = AuditLog.read(outputDir: outputDir)
        let fm = FileManager.default
        let folder = InputFolder(root: inputDir)
        let dateFormat = ISO8601DateFormatter()
        dateFormat.formatOptions = [.withFullDate]
        var sheets: [Sheet] = []
        for (path, kind) in folder.sheets where kind != .classes {
            let full = inputDir + "/" + path
            let modified = ((try? fm.attributesOfItem(atPath: full))?[.modificationDate] as? Date).map { dateFormat.string(from: $0) } ?? ""
            let since = log.entries.first { e in e.inputs.contains { $0.path == path } }.map { String($0.time.prefix(10)) } ?? "（まだ処理していない）"
            switch SheetReader.read(absolutePath: full, path: path, kind: kind, extraProhibited: settings.extraProhibitedHeaders) {
            case .success(let sheet):
                let items = Column.allCases.filter { sheet.header.index[$0] != nil && HandlingReport.personalColumns.contains($0) }.map(\.japanese)
                sheets.append(Sheet(path: "Input/" + path, items: items.joined(separator: "・"),
                                    rows: String(sheet.records.filter { !sheet.isBlank($0) }.count),
                                    encoding: sheet.encoding.rawValue, since: since, modified: modified))
            case .failure(let f):
                sheets.append(Sheet(path: "Input/" + path, items: "読み込まない（\(f.code.rawValue) \(f.code.title)）", rows: "-",
                                    encoding: "-", since: since, modified: modified))
            }
        }
        var confidential: [Confidential] = []
        // Without a recorded run nothing tells a saved file from an output, so none is called saved.
        let written = PreviousRun.writtenFiles(outputDir: outputDir)
        let saved = written.isEmpty ? []
            : Set(OutputWriter(outputDir: outputDir).othersFiles(written: written, keep: PreviousRun.carriedFolders))
        for rel in (fm.subpaths(atPath: outputDir) ?? []).sorted() {
            let top = rel.split(separator: "/").first.map(String.init) ?? ""
            let isSaved = saved.contains(rel)
            guard ["people", "lottery", "rosters"].contains(top) || isSaved, let m = HandlingReport.mode(outputDir + "/" + rel) else { continue }
            confidential.append(Confidential(path: isSaved ? "Output/" + SavedFileName.shown(rel, written: written) : "Output/" + rel,
                                             kind: isSaved ? "ikigai 以外（Output に置かれていたもの）" : "ikigai の出力",
                                             mode: HandlingReport.modeString(m), ok: m & 0o077 == 0 ? "はい" : "いいえ（要修正）"))
        }
        let chain = broken.map { "監査記録が壊れています: \($0.description)。記録が書き換えられたか削除された可能性があります。" }
            ?? "監査記録 \(log.entries.count) 件のつながり（ハッシュの連鎖）を確認しました。書き換え・削除はありません。"
        let entries = log.entries.map { e in
            EntryRow(seq: String(e.seq), day: String(e.time.prefix(10)), clock: String(e.time.dropFirst(11)), operator: e.operatorName,
                     command: e.command,
                     result: e.facts.filter { ["rows_read", "rows_rejected", "people", "exit_status", "erased_files"].contains($0.0) }
                        .map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        }
        let refused = log.entries.last { $0.command.hasPrefix("ikigai run") }?.facts.first { $0.0 == "refused_sheets" }?.1 ?? ""
        let created = ISO8601DateFormatter().string(from: now)
        return View(
            ward: "\(settings.prefecture)\(settings.wardName)", created: created, operator: operatorName.name, role: operatorName.role.rawValue,
            fiscalYear: "\(settings.fiscalYear)年度", sheets: sheets, inputDir: inputDir, outputDir: outputDir,
            outputMode: HandlingReport.mode(outputDir).map(HandlingReport.modeString) ?? "なし",
            confidential: confidential, handlers: settings.handlers.map { HandlerRow(name: $0.name, role: $0.role.rawValue) },
            chainStatus: chain, entries: entries, head: log.head, refused: refused.isEmpty ? "ありません。" : refused)
    }
}
