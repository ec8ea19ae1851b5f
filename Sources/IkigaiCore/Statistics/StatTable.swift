/// One published table of counts (people or visits), with the cells that
/// disclosure control hides.
public struct StatTable: Sendable {
    public let id: String
    public let title: String
    /// 人 or 回: what the counts count.
    public let unit: String
    public let rowKeys: [String]
    public let rowLabels: [String]
    public let colKeys: [String]
    public let colLabels: [String]
    public var values: [[Int]]
    public var suppressed: [[Bool]]
    /// Column keys whose values grow from month to month (cumulative), as
    /// opposed to closed months, which stay the same in later reports.
    public let growing: Set<String>

    public init(id: String, title: String, unit: String, rows: [(String, String)], cols: [(String, String)],
                values: [[Int]], growing: Set<String>) {
        self.id = id
        self.title = title
        self.unit = unit
        rowKeys = rows.map(\.0)
        rowLabels = rows.map(\.1)
        colKeys = cols.map(\.0)
        colLabels = cols.map(\.1)
        self.values = values
        suppressed = values.map { $0.map { _ in false } }
        self.growing = growing
    }

    /// The table's name without the month tag, for file names.
    public var name: String { String(id.prefix { $0 != "@" }) }

    public func cellID(_ r: Int, _ c: Int) -> String { "\(id)|\(rowKeys[r])|\(colKeys[c])" }

    /// The cell as printed: `*` when hidden.
    public func shown(_ r: Int, _ c: Int) -> String { suppressed[r][c] ? "*" : String(values[r][c]) }
}

/// A published relation between cells: the terms add up to the total.
public struct StatEquation: Sendable, Codable, Hashable {
    public let terms: [String]
    public let total: String
}
