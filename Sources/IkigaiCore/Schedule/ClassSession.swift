/// One planned (or not held) meeting of a class series.
public struct ClassSession: Sendable, Hashable {
    public let date: CivilDate
    public let series: ClassSeries
    public let status: Status

    /// Whether the session is held, moved a week later, skipped or dropped, with the reason.
    public enum Status: Sendable, Hashable {
        /// Held on its regular day.
        case regular
        /// Moved a week later from `from` (翌週), which was a holiday or closure.
        case moved(from: CivilDate, reason: String)
        /// Not held: the day is a holiday or closure and the rule is 休止.
        case skipped(reason: String)
        /// Not held: 翌週 could not move it (the later day is not free).
        case dropped(reason: String)
    }

    /// Whether the session takes place (regular or moved).
    public var isHeld: Bool {
        switch status {
        case .regular, .moved: return true
        case .skipped, .dropped: return false
        }
    }

    /// A stable identity for calendars: the class and the regular date it
    /// stands for, so that a re-import updates instead of duplicating.
    public var uid: String {
        let origin: CivilDate
        if case .moved(let from, _) = status { origin = from } else { origin = date }
        return "\(series.id)-\(origin.iso.replacingOccurrences(of: "-", with: ""))@ikigai"
    }
}
