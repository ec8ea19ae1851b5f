import TOMLKit

/// Typed look-ups of dotted keys in a TOML table, each failure a
/// `SettingsError` that names the key and the expected value.
struct TOMLReader {
    let root: TOMLTable
    let file: String
    /// The line of the first NUL escape in the file, for a key that holds one.
    var nulEscapeLine: Int? = nil

    private func value(_ key: String) -> TOMLValueConvertible? {
        var table: TOMLTable = root
        let parts = key.split(separator: ".").map(String.init)
        for p in parts.dropLast() {
            guard let t = table[p]?.table else { return nil }
            table = t
        }
        return parts.last.flatMap { table[$0] }
    }

    private func fail(_ key: String, _ ja: String, _ en: String) -> SettingsError {
        SettingsError(file: file, key: key, expected: ja, expectedEnglish: en)
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>, default def: Int? = nil) throws(SettingsError) -> Int {
        guard let v = value(key) else {
            if let def { return def }
            throw fail(key, "必須の設定がありません。\(range.lowerBound)〜\(range.upperBound) の整数を書いてください",
                       "missing; expected an integer \(range.lowerBound)…\(range.upperBound)")
        }
        guard let i = v.int, range.contains(i) else {
            throw fail(key, "\(range.lowerBound)〜\(range.upperBound) の整数（引用符なし）にしてください",
                       "expected an integer \(range.lowerBound)…\(range.upperBound) without quotes")
        }
        return i
    }

    func string(_ key: String) throws(SettingsError) -> String {
        guard let s = try optionalString(key) else {
            throw fail(key, "必須の設定がありません。\"…\" で囲んだ文字列を書いてください", "missing; expected a quoted string")
        }
        return s
    }

    func optionalString(_ key: String) throws(SettingsError) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string, !Text.isBlank(s) else {
            throw fail(key, "空でない文字列を \"…\" で囲んで書いてください", "expected a non-empty quoted string")
        }
        return Text.trimmed(s)
    }

    func strings(_ key: String, nonEmpty: Bool = false, default def: [String]? = nil) throws(SettingsError) -> [String] {
        guard let v = value(key) else {
            if let def { return def }
            throw fail(key, "必須の設定がありません。[\"…\", \"…\"] の形の文字列の配列を書いてください",
                       "missing; expected an array of strings")
        }
        guard let a = v.array else {
            throw fail(key, "[\"…\", \"…\"] の形の文字列の配列にしてください", "expected an array of strings")
        }
        var out: [String] = []
        for e in a {
            guard let s = e.string, !Text.isBlank(s) else {
                throw fail(key, "配列の要素はすべて空でない文字列にしてください", "every element must be a non-empty string")
            }
            out.append(Text.trimmed(s))
        }
        if nonEmpty && out.isEmpty {
            throw fail(key, "少なくとも1つ書いてください", "must not be empty")
        }
        return out
    }

    private func civil(_ v: TOMLValueConvertible) -> CivilDate? {
        if let d = v.date { return CivilDate(year: d.year, month: d.month, day: d.day) }
        // A date in quotes is read as the sheets' dates are (2018/8/15, H30.8.15, 平成30年8月15日):
        // the manager writes this file by hand, once a year, in the forms the desk uses.
        if let s = v.string, case .success(let d) = DateParser.parse(Text.cell(s)) { return d }
        return nil
    }

    func date(_ key: String) throws(SettingsError) -> CivilDate {
        guard let v = value(key) else {
            throw fail(key, "必須の設定がありません。2017-10-01 のような日付を書いてください", "missing; expected a date such as 2017-10-01")
        }
        guard let d = civil(v) else {
            throw fail(key, "2017-10-01 のような日付にしてください", "expected a date such as 2017-10-01")
        }
        return d
    }

    func dates(_ key: String) throws(SettingsError) -> [CivilDate] {
        guard let v = value(key) else { return [] }
        guard let a = v.array else {
            throw fail(key, "[2018-08-15] のような日付の配列にしてください", "expected an array of dates such as [2018-08-15]")
        }
        var out: [CivilDate] = []
        for e in a {
            guard let d = civil(e) else {
                // Named, so that the manager finds the one entry among a year's closures.
                let shown = e.string.map { "「\($0)」" } ?? "\(out.count + 1)番目"
                throw fail(key, "[2018-08-15] のような日付の配列にしてください（\(shown)が日付として読めません）",
                           "expected an array of dates such as [2018-08-15] (entry \(out.count + 1) is not a date)")
            }
            out.append(d)
        }
        return out
    }

    func handlers() throws(SettingsError) -> [Settings.Handler] {
        let key = "handlers"
        guard let a = value(key)?.array, !a.isEmpty else {
            throw fail(key, "[[handlers]] に取扱者を少なくとも1人（name と role）書いてください",
                       "at least one [[handlers]] entry with name and role is required")
        }
        var out: [Settings.Handler] = []
        for (i, e) in a.enumerated() {
            guard let t = e.table, let name = t["name"]?.string, !Text.isBlank(name) else {
                throw fail("handlers[\(i + 1)].name", "取扱者の氏名を書いてください", "the handler's name is required")
            }
            guard let r = t["role"]?.string, let role = Settings.Handler.Role(rawValue: Text.cell(r)) else {
                throw fail("handlers[\(i + 1)].role", "「取扱責任者」か「取扱者」にしてください",
                           "role must be 取扱責任者 or 取扱者")
            }
            out.append(Settings.Handler(name: Text.trimmed(name), role: role))
        }
        guard out.contains(where: { $0.role == .responsible }) else {
            throw fail(key, "取扱責任者（role = \"取扱責任者\"）を1人以上指定してください",
                       "at least one handler must have role 取扱責任者")
        }
        return out
    }

    /// Dotted keys present in the file but not in `Settings.knownKeys`.
    ///
    /// Walked by `keys` and look-ups, not by TOMLKit's iterator: a quoted key holding the escape
    /// of a NUL (`"a\u0000b" = 1`) comes back from `keys` cut at the NUL, the iterator then
    /// force-unwraps the look-up of the cut key, and the whole run stopped on SIGILL (found by
    /// fuzzing the settings). Such a key is refused here, as a cut key that names nothing or
    /// a key listed twice.
    func unknownKeys() throws(SettingsError) -> [String] {
        var found: [String] = []
        var unreadable: String?
        func walk(_ t: TOMLTable, _ prefix: String) {
            let keys = t.keys
            var seen = Set<String>()
            for k in keys {
                let full = prefix.isEmpty ? k : prefix + "." + k
                guard seen.insert(k).inserted, let v = t[k] else {
                    unreadable = unreadable ?? full
                    continue
                }
                if !Settings.knownKeys.contains(full) { found.append(full); continue }
                if let sub = v.table { walk(sub, full) }
                if let arr = v.array {
                    for e in arr { if let sub = e.table { walk(sub, full) } }
                }
            }
        }
        walk(root, "")
        if let key = unreadable {
            var e = fail(key, "キーに NUL 文字（\\u0000）があります。キーは半角英字と _ で書いてください",
                         "a key holds a NUL character (\\u0000); write keys in ASCII letters and _")
            e.line = nulEscapeLine
            throw e
        }
        return found.sorted()
    }
}
