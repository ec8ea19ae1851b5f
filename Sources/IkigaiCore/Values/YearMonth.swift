/// A calendar month (`2018-09`), as `--through` names it.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    /// Parses `2018-09` (also `2018/9`).
    public init?(_ text: String) {
        let p = Text.nfkc(text).split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard p.count == 2, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: CivilDate { CivilDate(unchecked: year, month, 1) }
    public var lastDay: CivilDate { CivilDate(unchecked: year, month, CivilDate.daysInMonth(year: year, month: month)) }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// `2018年9月`.
    public var japanese: String { "\(year)年\(month)月" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
