/// The Japanese eras since the adoption of the Gregorian calendar, and the
/// single place that knows their first days (parsing and formatting both use it).
public struct JapaneseEra: Sendable, Hashable {
    public let name: String
    /// The romanised initial used in forms such as `H30.5.10`.
    public let letter: Character
    public let firstDay: CivilDate

    /// Oldest first. 明治's first day is the Gregorian date of its proclamation;
    /// dates before 1873-01-01 were lunisolar and are refused by the parser.
    public static let all: [JapaneseEra] = [
        JapaneseEra(name: "明治", letter: "M", firstDay: CivilDate(dayNumber: -36_959)),  // 1868-10-23
        JapaneseEra(name: "大正", letter: "T", firstDay: CivilDate(dayNumber: -20_974)),  // 1912-07-30
        JapaneseEra(name: "昭和", letter: "S", firstDay: CivilDate(dayNumber: -15_713)),  // 1926-12-25
        JapaneseEra(name: "平成", letter: "H", firstDay: CivilDate(dayNumber: 6_947)),    // 1989-01-08
        JapaneseEra(name: "令和", letter: "R", firstDay: CivilDate(dayNumber: 18_017)),   // 2019-05-01
    ]

    /// The first day Japan counted in the Gregorian calendar (明治6年1月1日).
    public static let gregorianAdoption = CivilDate(dayNumber: -35_428)  // 1873-01-01

    /// The day after the era's last day, or nil for the current era.
    public var nextEraFirstDay: CivilDate? {
        // Found by first day, which no two eras share: comparing whole eras compared their
        // names, Japanese strings compared by canonical equivalence, for every era date read.
        guard let i = JapaneseEra.all.firstIndex(where: { $0.firstDay == firstDay }), i + 1 < JapaneseEra.all.count else { return nil }
        return JapaneseEra.all[i + 1].firstDay
    }

    public var lastDay: CivilDate? { nextEraFirstDay?.adding(days: -1) }

    /// The era a Gregorian day belongs to, or nil before 明治.
    public static func era(of date: CivilDate) -> JapaneseEra? {
        all.last { $0.firstDay <= date }
    }

    /// Looks an era up by its kanji name (平成), one-kanji short form (平) or
    /// letter (H, h).
    public static func named(_ token: String) -> JapaneseEra? {
        if token.count == 1, let c = token.uppercased().first, let e = all.first(where: { $0.letter == c }) {
            return e
        }
        return all.first { $0.name == token || String($0.name.prefix(1)) == token }
    }
}
