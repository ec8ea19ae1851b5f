import Foundation

/// `ikigai init`: a new input folder for the next fiscal year, from this
/// year's settings and classes, with empty sheets and a how-to page.
public enum NewYear {
    /// The files `ikigai init` wrote for the new year, and what the manager should look at.
    public struct Outcome: Sendable {
        public let files: [String]
        public let classes: Int
        public let notes: [String]
    }

    static let emptySheets: [(String, [String])] = [
        ("visits", ["日付", "事業", "行事", "氏名", "フリガナ", "電話番号", "生年月日", "住所", "本人確認"]),
        ("applications", ["申込日", "講座ID", "氏名", "フリガナ", "電話番号", "生年月日", "住所", "本人確認"]),
        ("groups", ["グループ名", "氏名", "フリガナ", "電話番号"]),
    ]

    public static func create(fiscalYear: Int, from: String?, input: String, templatesDir: String) throws(RunFailure) -> Outcome {
        let fm = FileManager.default
        func fail(_ file: String, _ ja: String, _ en: String) -> RunFailure { RunFailure(step: "init", file: file, japanese: ja, english: en) }
        // Never overwrite a folder that already holds sheets or settings.
        let existing = InputFolder(root: input)
        if !existing.sheets.isEmpty || fm.fileExists(atPath: input + "/settings.toml") {
            throw fail(input, "このフォルダにはすでに設定やシートがあります。上書きしないので、新しいフォルダ名を --input で指定してください。",
                       "the folder already holds settings or sheets; choose a new --input")
        }
        guard Settings.fiscalYears.contains(fiscalYear) else {
            throw fail("--fiscal-year", "年度 \(fiscalYear) は作れません。\(Settings.fiscalYears.lowerBound)〜\(Settings.fiscalYears.upperBound) の西暦で指定してください（例: 2019）。",
                       "fiscal year \(fiscalYear) is outside \(Settings.fiscalYears.lowerBound)–\(Settings.fiscalYears.upperBound)")
        }
        var notes: [String] = []
        var settingsText: String
        var classes: [ClassSeries] = []
        if let from {
            guard let data = fm.contents(atPath: from + "/settings.toml") else {
                throw fail(from + "/settings.toml", "前年度の settings.toml が見つかりません。", "settings.toml not found in --from")
            }
            let old: Settings, oldText: String
            do {
                oldText = try Settings.text(of: Array(data))
                old = try Settings.parse(oldText)
            } catch {
                throw fail(from + "/settings.toml" + error.lineSuffix, error.japaneseMessage, error.englishMessage)
            }
            // Written as UTF-8 whatever last year's file was.
            settingsText = carryOver(oldText, from: old.fiscalYear, to: fiscalYear)
            if !old.closedDates.isEmpty { notes.append("その年だけの休館日（closed_dates）は引き継がず空にしました。新年度の休館日を書いてください。") }
            if case .success(let sheet) = SheetReader.read(absolutePath: from + "/classes.csv", path: "classes.csv", kind: .classes, extraProhibited: []) {
                classes = ClassSeries.readAll(sheet).classes.map { $0.nextYear(fiscalYear: fiscalYear) }
            } else {
                notes.append("前年度の classes.csv を読めなかったため、見出しだけの classes.csv を作りました。")
            }
        } else {
            settingsText = defaultSettings(fiscalYear)
            notes.append("settings.toml は見本です。区・対象地域・取扱者を書き直してください。")
        }
        guard (try? Settings.parse(settingsText)) != nil else {
            throw fail("settings.toml", "新年度の設定を作れませんでした。前年度の settings.toml を確認してください。", "could not carry the settings over")
        }
        // The how-to page is made before anything is written: a missing template must not leave a
        // half-made folder, which a second `init` would then refuse as already holding settings.
        let templates: PageTemplates
        do { templates = try PageTemplates(directory: templatesDir) } catch {
            throw fail(error.file, error.reason, "templates could not be loaded")
        }
        let howto: String
        do {
            howto = try templates.page("howto", HowTo(fiscalYear: "\(fiscalYear)年度", input: input, first: "\(fiscalYear)-04",
                                                      notes: notes), output: "手順書.html")
        } catch { throw fail(error.file, error.reason, "the how-to page could not be rendered") }
        var written: [String] = []
        func write(_ rel: String, _ bytes: [UInt8]) throws(RunFailure) {
            let path = input + "/" + rel
            do {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch { throw fail(path, "フォルダを作れません", "cannot create the folder") }
            guard fm.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw fail(path, "書き込めません", "cannot write")
            }
            written.append(rel)
        }
        try write("settings.toml", Array(settingsText.utf8))
        try write("classes.csv", classesCSV(classes))
        // Empty sheets in UTF-8 with BOM and CRLF: Japanese Excel opens them without mojibake and
        // saves every character (髙, 𠮷 …) that CP932 cannot hold.
        for (folder, headers) in emptySheets {
            try write("\(folder)/\(fiscalYear)-04.csv", CSVTable(header: headers).bytes)
        }
        try write("手順書.html", Array(howto.utf8))
        return Outcome(files: written, classes: classes.count, notes: notes)
    }

    struct HowTo { let fiscalYear: String; let input: String; let first: String; let notes: [String] }

    /// Moves the year in settings: `fiscal_year`, the year inside the lottery
    /// seed, and empties this-year-only closures. Comments and other keys stay.
    /// Lines inside a value that spans lines are never taken for keys, and a `closed_dates`
    /// written over several lines is emptied whole (its first line alone left the dates and
    /// the closing bracket behind, settings that did not parse, and `init --from` refused).
    static func carryOver(_ text: String, from old: Int, to new: Int) -> String {
        var out: [String] = []
        var state = TOMLScanState()
        var dropping = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let atKey = state.atStatementStart
            _ = state.scan(Array(line.utf8))
            if dropping {
                dropping = !state.atStatementStart
                continue
            }
            guard atKey else {
                out.append(line)
                continue
            }
            let key = line.split(separator: "=").first.map { Text.trimmed(String($0)) } ?? ""
            switch key {
            case "fiscal_year": out.append("fiscal_year = \(new)")
            case "lottery_seed": out.append(line.replacingOccurrences(of: String(old), with: String(new)))
            case "closed_dates":
                out.append("closed_dates = []                        # \(new)年度だけの休館日を書く")
                dropping = !state.atStatementStart
            default: out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    static func classesCSV(_ classes: [ClassSeries]) -> [UInt8] {
        CSVTable(header: ["講座ID", "講座名", "区分", "定員", "曜日", "週", "開始", "終了", "会場", "期間開始", "期間終了", "祝日", "申込締切"],
                 rows: classes.map { c in
                     [c.id, c.title, c.kind.rawValue, String(c.capacity), CivilDate.weekdayKanji[c.weekday],
                      c.weeks.isEmpty ? "毎週" : c.weeks.map(String.init).joined(separator: ","), c.start.description, c.end.description,
                      c.room, c.from.iso, c.until.iso, c.onHoliday.rawValue, c.deadline?.iso ?? ""]
                 }).bytes
    }

    static func defaultSettings(_ y: Int) -> String {
        SettingsTemplate.text(fiscalYear: y, note: "見本の設定です。区・対象地域・人数・取扱者を書き直してください。",
                              wardTowns: ["大久保", "百人町", "北新宿"], closedDates: [])
    }
}
