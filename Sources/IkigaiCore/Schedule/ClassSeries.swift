/// One class series of program (3) from `classes.csv`: what, when, where,
/// and how places are given.
public struct ClassSeries: Sendable, Hashable {
    public let id: String
    public let title: String
    public let kind: Kind
    public let capacity: Int
    /// 0 = Sunday … 6 = Saturday.
    public let weekday: Int
    /// Ordinal weeks of the month (1…5); empty means every week.
    public let weeks: [Int]
    public let start: TimeOfDay
    public let end: TimeOfDay
    public let room: String
    public let from: CivilDate
    public let until: CivilDate
    public let onHoliday: HolidayRule
    /// Last day applications are received (lottery classes).
    public let deadline: CivilDate?
    public let source: SourceRow

    /// 抽選 (by application and lottery) or 自由 (anyone may come).
    public enum Kind: String, Sendable {
        case lottery = "抽選"
        case open = "自由"
    }

    /// What happens to a session that falls on a holiday or closure day.
    public enum HolidayRule: String, Sendable {
        /// 休止: the session is not held.
        case skip = "休止"
        /// 翌週: moved to the same weekday a week later when that day is free.
        case nextWeek = "翌週"
    }

    /// The form class IDs are compared in: NFKC, no spaces, upper case.
    public static func key(_ id: String) -> String {
        Text.removingWhitespace(Text.nfkc(id)).uppercased()
    }
}
