/// A time of day as classes are timetabled (`10:00`).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int

    /// Reads `10:00`, what Excel writes for a time cell with seconds (`10:00:00`), and the
    /// forms a timetable is typed in by hand: `10時`, `10時30分`, `10時半`, `午後2時`, `午後2:00`.
    /// 午前・午後 take 0–11 only: `午後12時` is noon to some readers and midnight to others.
    public init?(_ text: String) {
        var t = Text.removingWhitespace(Text.cell(text))
        var afternoon: Bool?
        if t.hasPrefix("午前") { afternoon = false; t.removeFirst(2) } else if t.hasPrefix("午後") { afternoon = true; t.removeFirst(2) }
        guard let (h, m) = TimeOfDay.clock(t) ?? TimeOfDay.written(t), (0...59).contains(m) else { return nil }
        var hour = h
        if let pm = afternoon {
            guard (0...11).contains(h) else { return nil }
            if pm { hour += 12 }
        }
        guard (0...23).contains(hour) else { return nil }
        minutes = hour * 60 + m
    }

    /// `10:00`, or `10:00:00` with no seconds.
    private static func clock(_ t: String) -> (Int, Int)? {
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.count == 2 || parts[2] == "00", let h = number(parts[0]), let m = number(parts[1]) else { return nil }
        return (h, m)
    }

    /// `10時`, `10時30分`, `10時半`.
    private static func written(_ t: String) -> (Int, Int)? {
        let parts = t.split(separator: "時", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), let h = number(parts[0]) else { return nil }
        let rest = parts[1]
        if rest.isEmpty { return (h, 0) }
        if rest == "半" { return (h, 30) }
        guard rest.hasSuffix("分"), (1...2).contains(rest.count - 1), let m = number(rest.dropLast()) else { return nil }
        return (h, m)
    }

    /// Digits only: `Int` alone would also take a sign.
    private static func number(_ s: Substring) -> Int? {
        s.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? Int(s) : nil
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
