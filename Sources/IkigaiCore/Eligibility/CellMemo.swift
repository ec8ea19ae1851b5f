/// What the checks of one intake worker learned about the values of the
/// columns that repeat: a month's visits sheet holds a few dozen dates, a
/// handful of programs and events and the same ○ thousands of times, and
/// the next month's sheet the same again. Each distinct value of these is
/// normalised and parsed once per worker instead of once per row.
///
/// Only these columns: for names, readings, phones and addresses (mostly
/// distinct within a sheet) a memo look-up missed the cache more often than
/// it saved a parse. Measured at 10× with perf samples under the intake
/// step: 4.5 CPU-seconds with every column memoised, 3.3 to 3.7 with these
/// only. Birth dates are memoised in a table of their own: a sheet's people
/// were born on a few thousand days, which a 100× year repeats many times.
///
/// Results are pure functions of the text, so reuse cannot change a
/// finding. One memo per worker, never shared between threads; each table
/// is a bounded `TextMemo`.
final class CellMemo {
    var dates = TextMemo<Result<CivilDate, DateProblem>>()
    /// Birth dates apart from the visit dates, so that the few visit dates stay in a small table.
    var birthDates = TextMemo<Result<CivilDate, DateProblem>>()
    var idChecks = TextMemo<Bool>()
    /// 事業 cell → program: folding and lower-casing it on every row showed at 100×.
    var programs = TextMemo<Program?>()
    /// 行事 or 講座ID cell → the place in classes.csv of the class it names, or -1.
    var classIndexes = TextMemo<Int>()
    /// 年齢 cell → the age it states, nil when it is not one. A sheet holds a few dozen ages;
    /// the suffix test of `String` alone (`hasSuffix("歳")`) showed at 100×.
    var statedAges = TextMemo<Int?>()
    /// Raw cell → `Text.cell` (NFKC, trimmed), one table per column (by ordinal).
    var cells = Array(repeating: TextMemo<String>(), count: Column.allCases.count)

    static func repeats(_ column: Column) -> Bool {
        switch column {
        case .name, .kana, .phone, .address, .birthDate: return false
        default: return true
        }
    }

    func date(_ text: String, _ column: Column) -> Result<CivilDate, DateProblem> {
        if column == .birthDate {
            // A birth date in a common form (1948/3/2, S23.3.2, 昭和23年3月2日) is read from its bytes
            // faster than it is found in a table of all the year's birth dates, which no cache
            // holds at 100×; the table keeps the others (full-width digits, 生 after the date).
            if let read = DateParser.readFromBytes(text) { return read }
            return Text.isFoldedASCII(text) ? DateParser.parseByCharacter(text) : birthDates.value(text, DateParser.parseBirthDate)
        }
        return CellMemo.repeats(column) ? dates.value(text, DateParser.parse) : DateParser.parse(text)
    }

    func idChecked(_ text: String) -> Bool { idChecks.value(text, IDCheck.isChecked) }

    func program(_ text: String) -> Program? { programs.value(text, RowChecker.program) }

    func statedAge(_ text: String) -> Int? { statedAges.value(text, CellMemo.readAge) }

    static func readAge(_ text: String) -> Int? {
        guard let n = writtenNumber(ofAge: text), (0...130).contains(n) else { return nil }
        return n
    }

    /// The whole number an age cell holds, however large.
    static func writtenNumber(ofAge text: String) -> Int? {
        var t = Text.removingWhitespace(text)
        // 満70歳 as forms print it; 70.0 from an Excel cell formatted with a decimal place.
        if t.hasPrefix("満") { t.removeFirst() }
        if t.hasSuffix("歳") || t.hasSuffix("才") { t.removeLast() }
        while t.contains("."), t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix("."), t.count > 1 { t.removeLast() }
        return Int(t)
    }

    /// Whether an age cell gives an age only roughly (`70代`, `約70`, `70歳くらい`, `70?`). Only on
    /// the failure path.
    static func isApproximateAge(_ text: String) -> Bool {
        var t = Text.removingWhitespace(text)
        var hedged = false
        for prefix in ["約", "推定", "およそ", "だいたい"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count); hedged = true }
        for suffix in ["くらい", "ぐらい", "位", "頃", "?", "？", "前後", "代", "代前半", "代後半"] where t.hasSuffix(suffix) {
            t.removeLast(suffix.count)
            hedged = true
        }
        return hedged && writtenNumber(ofAge: t) != nil
    }

    /// Whether an age cell holds a year of birth instead (`1948`, `昭和23年`, `S23`, `昭和23年生まれ`).
    /// Only on the failure path.
    static func isBirthYear(writtenAsAge text: String) -> Bool {
        var t = Text.removingWhitespace(text)
        for suffix in ["生まれ", "生"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
        if t.hasSuffix("年") { t.removeLast() }
        if t.count == 4, let y = Int(t), (1868...2100).contains(y) { return true }
        for era in JapaneseEra.all {
            var rest = Substring(t)
            if rest.hasPrefix(era.name) {
                rest = rest.dropFirst(era.name.count)
            } else if let c = rest.first, c.uppercased() == String(era.letter) {
                rest = rest.dropFirst()
            } else {
                continue
            }
            if rest == "元" || (1...2).contains(rest.count) && rest.allSatisfy(\.isASCIIDigit) { return true }
        }
        return false
    }

    func cell(_ raw: String, _ column: Column) -> String {
        // Dates, ages and codes typed in plain ASCII are their own folded form: returned without
        // the hashing and probing of a look-up, which cost more than checking the bytes.
        if Text.isFoldedASCII(raw) { return raw }
        return CellMemo.repeats(column) ? cells[column.ordinal].value(raw, Text.cell) : Text.cell(raw)
    }
}
