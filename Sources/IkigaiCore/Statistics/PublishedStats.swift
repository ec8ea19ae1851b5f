import Foundation

/// What one month's report published, kept in `Output/history/` (carried
/// over from run to run; aggregate numbers only) so that the next report can
/// be checked against it: every cell (nil when hidden), the relations a
/// reader can see (totals are sums), and which cells grow month to month.
public struct PublishedStats: Codable, Sendable, Equatable {
    public let through: String
    public let cells: [String: Int?]
    public let equations: [StatEquation]
    public let growing: [String]

    /// `known`: numbers other documents print for cells the tables may hide.
    public init(through: String, tables: [StatTable], equations: [StatEquation], known: [String: Int] = [:]) {
        var cells: [String: Int?] = [:]
        var growing: [String] = []
        for t in tables {
            for r in t.rowKeys.indices {
                for c in t.colKeys.indices {
                    cells[t.cellID(r, c)] = t.suppressed[r][c] ? nil : t.values[r][c]
                    if t.growing.contains(t.colKeys[c]) { growing.append(t.cellID(r, c)) }
                }
            }
        }
        for (id, v) in known { cells[id] = v }
        self.through = through
        self.cells = cells
        self.equations = equations
        self.growing = growing.sorted()
    }

    /// A report's cells, relations and growing cells as they are given (`growing` sorted, as a
    /// report keeps it).
    init(through: String, cells: [String: Int?], equations: [StatEquation], growing: [String]) {
        self.through = through
        self.cells = cells
        self.equations = equations
        self.growing = growing
    }

    /// Deterministic JSON (sorted keys), for the history file.
    public var json: Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? e.encode(self)) ?? Data()
    }

    public static func read(_ path: String) -> PublishedStats? {
        guard let d = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(PublishedStats.self, from: d)
    }
}
