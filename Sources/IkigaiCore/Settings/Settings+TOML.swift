import CIkigaiShims
import Foundation
import TOMLKit

extension Settings {
    /// The keys of the contract plus this project's own; anything else is
    /// reported as unknown.
    static let knownKeys: Set<String> = [
        "fiscal_year", "ward", "ward.prefecture", "ward.name", "ward.towns",
        "area", "area.name", "area.towns", "area.eligible_population", "area.eligible_as_of", "area.expected_users",
        "eligibility", "eligibility.min_age",
        "classes", "classes.target_sessions", "classes.lottery_seed", "classes.lottery_priority",
        "privacy", "privacy.min_cell", "privacy.prohibited_headers",
        "calendar", "calendar.closed", "calendar.closed_dates",
        "handlers", "handlers.name", "handlers.role",
    ]

    /// Reads and checks `settings.toml`. `file` is the name used in messages.
    public static func load(path: String, file: String = "settings.toml") throws(SettingsError) -> Settings {
        try loadWithBytes(path: path, file: file).settings
    }

    /// The settings and the bytes they were read from (the audit record digests those bytes).
    static func loadWithBytes(path: String, file: String = "settings.toml") throws(SettingsError) -> (settings: Settings, bytes: [UInt8]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(file: file, key: "", expected: "ファイルが見つからないか読めません。Input フォルダに settings.toml を置いてください",
                                expectedEnglish: "file missing or unreadable; put settings.toml in the input folder")
        }
        let bytes = Array(data)
        return (try read(bytes, file: file), bytes)
    }

    /// Reads and checks the bytes of a settings file, in whichever encoding `text(of:)` accepts.
    public static func read(_ bytes: [UInt8], file: String = "settings.toml") throws(SettingsError) -> Settings {
        try parse(try text(of: bytes, file: file), file: file)
    }

    /// The text of a settings file's bytes.
    static func text(of bytes: [UInt8], file: String = "settings.toml") throws(SettingsError) -> String {
        // TOML is UTF-8, but Notepad on a Japanese Windows long saved "ANSI" (Shift_JIS), and
        // the clerk who keeps the sheets keeps this file too. It is decoded as the sheets are
        // (a strict, all-or-nothing CP932 reading, never mojibake), BOM removed.
        switch bytes.isEmpty ? .success((bytes[...], .utf8)) : SheetDecoder.decode(bytes) {
        case .success(let decoded): return String(decoding: decoded.utf8, as: UTF8.self)
        case .failure:
            throw SettingsError(file: file, key: "",
                                expected: "文字コードが読めません。UTF-8 で保存し直してください（メモ帳なら「名前を付けて保存」の「エンコード」で UTF-8 を選びます）",
                                expectedEnglish: "cannot decode the file; save it as UTF-8")
        }
    }

    public static func parse(_ text: String, file: String = "settings.toml") throws(SettingsError) -> Settings {
        let root: TOMLTable
        if let (line, column, kind) = TOMLPrecheck.firstProblem(text) {
            var err: SettingsError
            switch kind {
            case .header:
                err = SettingsError(file: file, key: "",
                                    expected: "表の見出しの「[」の後ろが英字の名前になっていません。[ward] や [[handlers]] のように半角英字で書いてください（日本語の見出しは使えません）",
                                    expectedEnglish: "TOML syntax error: a table header must start with a bare or quoted key")
            case .braceInArray:
                err = SettingsError(file: file, key: "",
                                    expected: "配列 [ ] の中で、値のあるべき所に「}」があります。towns = [\"大久保\", \"百人町\"] のように書いてください",
                                    expectedEnglish: "TOML syntax error: '}' where an array expects a value")
            }
            err.line = line
            err.column = column
            throw err
        }
        // The TOML library asserts (aborts) on some malformed files that the check above
        // does not know; fuzzing keeps finding new shapes. Nothing is written yet, so such
        // a file ends the run as bad settings, exit 2, with this message instead of a crash.
        let message = strdup("ikigai: [settings] \(file): TOML の書き方に誤りがあり、読み込めませんでした。括弧 [ ] { }・引用符・日付の書き方を確かめてください。\n"
            + "  (bad settings: the TOML reader stopped on this file; nothing was written)\n")
        ikigai_abort_guard_arm(message)
        defer {
            ikigai_abort_guard_disarm()
            free(message)
        }
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            var err = SettingsError(file: file, key: "", expected: "TOML の書き方に誤りがあります（\(e.description)）",
                                    expectedEnglish: "TOML syntax error: \(e.description)")
            err.line = e.source.begin.line
            err.column = e.source.begin.column
            throw err
        } catch {
            throw SettingsError(file: file, key: "", expected: "TOML として読めません", expectedEnglish: "not readable as TOML")
        }
        // Value errors carry the line of their key, as syntax errors do.
        let keyLines = TOMLKeyLines(text)
        let nulLine = nulEscapeLine(in: text)
        if let line = nulLine {
            var err = SettingsError(file: file, key: "", expected: "NUL 文字（\\u0000）は設定に書けません。消してください",
                                    expectedEnglish: "a NUL character (\\u0000) cannot be part of a setting; remove it")
            err.line = line
            throw err
        }
        do throws(SettingsError) {
            // A NUL after a `#` inside a quoted key: the key is refused at the escape's first line.
            var settings = try read(root, file: file, nulEscapeLine: nulEscapeLine(in: text, inComments: true))
            for k in settings.unknownKeys { settings.unknownKeyLines[k] = keyLines.line(for: k) }
            return settings
        } catch {
            throw error.located(by: keyLines)
        }
    }

    /// The longest place name accepted, in characters: well past the longest name of a town with
    /// its 丁目 (a Kyoto street address such as 河原町通四条上る米屋町 is 11) or of an area
    /// (`大久保・百人町・北新宿地域高齢者総合相談センター担当地域` is 28).
    static let longestPlaceName = 64

    /// Each place name at most `longestPlaceName` characters. A value pasted into the wrong key
    /// (a list of towns as one string, a page of text) is asked again here rather than matched
    /// against every address, and printed at the head of every page.
    private static func checkPlaceNames(_ keyed: [(key: String, names: [String])], file: String) throws(SettingsError) {
        for (key, names) in keyed {
            for n in names where n.count > longestPlaceName {
                throw SettingsError(file: file, key: key,
                                    expected: "「\(n.prefix(12))…」は \(n.count) 文字あります。地名は1つずつ \(longestPlaceName) 文字までで書いてください",
                                    expectedEnglish: "a place name of \(n.count) characters; each is at most \(longestPlaceName)")
            }
        }
    }

    /// The first line that writes a NUL as an escape (`\u0000`, `\U00000000`) before any `#`.
    /// The TOML library hands strings over as C strings, cut at the NUL: a value came back
    /// shorter than written (`lottery_seed = "2018\u0000-seed"` drew with the seed "2018"), and
    /// a key cut so stopped the run (see `TOMLReader.unknownKeys`). A NUL means nothing in any
    /// setting, so the file is refused at that line. After a `#` it is taken for a comment's text,
    /// unless `inComments`.
    static func nulEscapeLine(in text: String, inComments: Bool = false) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { line in
            let looked = inComments ? line : line.prefix { $0 != "#" }
            return looked.contains("\\u0000") || looked.contains("\\U00000000")
        }.map { $0 + 1 }
    }

    private static func read(_ root: TOMLTable, file: String, nulEscapeLine: Int? = nil) throws(SettingsError) -> Settings {
        var r = TOMLReader(root: root, file: file, nulEscapeLine: nulEscapeLine)
        // Before the required keys are read: a misplaced fiscal_year is otherwise reported as missing.
        let unknownKeys = try r.unknownKeys()
        if let misplaced = misplacedKeyError(unknown: unknownKeys, file: file) { throw misplaced }
        let fiscalYear = try r.int("fiscal_year", in: Settings.fiscalYears)
        let prefecture = try r.string("ward.prefecture")
        let wardName = try r.string("ward.name")
        let wardTowns = try r.strings("ward.towns", nonEmpty: true)
        let areaName = try r.string("area.name")
        let areaTownTexts = try r.strings("area.towns", nonEmpty: true)
        try checkPlaceNames([("ward.prefecture", [prefecture]), ("ward.name", [wardName]), ("ward.towns", wardTowns),
                             ("area.name", [areaName]), ("area.towns", areaTownTexts)], file: file)
        var areaTowns: [AreaTown] = []
        let parser = AddressParser(prefecture: prefecture, ward: wardName, towns: wardTowns)
        for t in areaTownTexts {
            guard case .inWard(let town?, let chome) = parser.parse(t) else {
                throw SettingsError(file: file, key: "area.towns",
                                    expected: "「\(t)」は ward.towns の町名で始まる「町名+N丁目」（例: 大久保1丁目）にしてください",
                                    expectedEnglish: "'\(t)' must be a town from ward.towns, optionally with N丁目")
            }
            areaTowns.append(AreaTown(town: town, chome: chome))
        }
        let area = Area(
            name: areaName, towns: areaTowns,
            eligiblePopulation: try r.int("area.eligible_population", in: 1...10_000_000),
            eligibleAsOf: try r.date("area.eligible_as_of"),
            expectedUsers: try r.int("area.expected_users", in: 1...10_000_000))
        let minAge = try r.int("eligibility.min_age", in: 0...120, default: 60)
        let targetSessions = try r.int("classes.target_sessions", in: 0...10_000, default: 96)
        let seed = try r.optionalString("classes.lottery_seed")
        let priority = try r.optionalString("classes.lottery_priority") ?? "none"
        guard ["none", "first_time"].contains(priority) else {
            throw SettingsError(file: file, key: "classes.lottery_priority", expected: "\"none\"（優先なし）か \"first_time\"（今年度初めての人を先に抽選）にしてください",
                                expectedEnglish: "expected \"none\" or \"first_time\"")
        }
        let minCell = try r.int("privacy.min_cell", in: 2...1000, default: 10)
        let prohibited = try r.strings("privacy.prohibited_headers", default: [])
        let closedTexts = try r.strings("calendar.closed", default: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"])
        var closed: [MonthDay] = []
        for c in closedTexts {
            guard let day = MonthDay(text: c) else {
                throw SettingsError(file: file, key: "calendar.closed", expected: "「\(c)」は \"12-29\" のような 月-日 にしてください",
                                    expectedEnglish: "'\(c)' must be month-day such as \"12-29\"")
            }
            closed.append(day)
        }
        let closedDates = try r.dates("calendar.closed_dates")
        let handlers = try r.handlers()
        return Settings(
            fiscalYear: fiscalYear, prefecture: prefecture, wardName: wardName, wardTowns: wardTowns, area: area,
            minAge: minAge, targetSessions: targetSessions, lotterySeed: seed, lotteryPriority: priority, minCell: minCell,
            extraProhibitedHeaders: prohibited, closedEveryYear: closed, closedDates: closedDates,
            handlers: handlers, unknownKeys: unknownKeys)
    }
}
