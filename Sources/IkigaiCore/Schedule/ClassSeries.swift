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

/// A time of day as classes are timetabled (`10:00`).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init?(_ text: String) {
        let t = Text.cell(text)
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        minutes = h * 60 + m
    }

    /// For times valid by construction.
    init(hour: Int, minute: Int) { minutes = hour * 60 + minute }

    /// `10:00`.
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
