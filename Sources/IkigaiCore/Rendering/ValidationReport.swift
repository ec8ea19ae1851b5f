/// `validation.html` and `validation.csv`: every refused sheet and every
/// rejected or held row, with what to fix.
struct ValidationReport {
    let intake: IntakeResult

    /// Findings that the contract puts in validation files (notices are not).
    var findings: [Finding] { ValidationReport.reported(intake.findings) }

    var csv: CSVTable { ValidationReport.table(findings) }

    static func reported(_ all: [Finding]) -> [Finding] { all.filter { $0.code.kind != .notice } }

    /// `file,row,column,code,message`: validation.csv, also printed by `ikigai check --format csv`.
    static func table(_ findings: [Finding]) -> CSVTable {
        CSVTable(header: ["file", "row", "column", "code", "message"],
                 rows: findings.map { [$0.file, $0.row.map(String.init) ?? "", $0.column, $0.code.rawValue, $0.message] })
    }

    struct Item { let row: String; let column: String; let code: String; let message: String }
    struct FileGroup { let file: String; let items: [Item] }
    struct Count { let code: String; let title: String; let treatment: String; let count: Int }

    struct View {
        let fiscalYearLabel: String
        let throughLabel: String
        let statusClass: String
        let statusHeadline: String
        let read: Int
        let accepted: Int
        let rejected: Int
        let held: Int
        let hasCounts: Bool
        let counts: [Count]
        let files: [FileGroup]
    }

    static func treatment(_ k: FindingCode.Kind) -> String {
        switch k {
        case .refusedSheet: return "シートごと読み込まない"
        case .rejected: return "行を受け付けない"
        case .held: return "保留（確認待ち）"
        case .notice: return "お知らせ"
        }
    }

    func view(status: RunStatus) -> View {
        // Findings are sorted by file: one group per run of the same file.
        let all = findings
        var groups: [FileGroup] = []
        var start = all.startIndex
        while start < all.endIndex {
            let file = all[start].file
            let end = all[start...].firstIndex { $0.file != file } ?? all.endIndex
            groups.append(FileGroup(file: file, items: ValidationReport.items(all[start..<end])))
            start = end
        }
        var counts: [FindingCode: Int] = [:]
        for f in all { counts[f.code, default: 0] += 1 }
        let countRows = counts.keys.sorted().map {
            Count(code: $0.rawValue, title: $0.title, treatment: ValidationReport.treatment($0.kind), count: counts[$0] ?? 0)
        }
        return View(
            fiscalYearLabel: "\(intake.settings.fiscalYear)年度", throughLabel: intake.through.japanese,
            statusClass: status.cssClass, statusHeadline: status.headline,
            read: intake.rowsRead, accepted: intake.rowsAccepted, rejected: intake.rowsRejected, held: intake.rowsHeld,
            hasCounts: !countRows.isEmpty, counts: countRows, files: groups)
    }
}
