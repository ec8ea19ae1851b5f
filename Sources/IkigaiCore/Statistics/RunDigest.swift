import Foundation

/// A small, non-personal summary of a run kept in `history/last-run.json`,
/// so that the next run can say what changed: rows fixed, rows newly
/// rejected, new people. Rejected rows are kept as file, row and code only.
public struct RunDigest: Codable, Sendable, Equatable {
    public let through: String
    public let rowsRead: Int
    public let people: Int
    /// The highest person number given so far.
    public let maxPerson: Int
    /// `file|row|code` of every rejected or held row.
    public let rejected: [String]

    public init(summary: Summary, register: PersonRegister, findings: [Finding]) {
        through = summary.through.description
        rowsRead = summary.rowsRead
        people = summary.people
        // Not `register.people`: a set of every person, built only for its largest number,
        // was most of this line's time at 100×.
        maxPerson = register.personOf.largestNumber ?? 0
        rejected = Set(findings.compactMap { f in f.row.map { "\(f.file)|\($0)|\(f.code.rawValue)" } }).sorted()
    }

    public var json: Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? e.encode(self)) ?? Data()
    }

    public static func read(outputDir: String) -> RunDigest? {
        FileManager.default.contents(atPath: outputDir + "/history/last-run.json").flatMap { try? JSONDecoder().decode(RunDigest.self, from: $0) }
    }

    /// What changed since `previous`; nil when the previous run reached a
    /// later month (going back in time is not "progress").
    public struct Changes: Sendable {
        public let previousThrough: String
        public let newRows: Int
        public let newPeople: Int
        public let fixed: Int
        public let newlyRejected: Int
    }

    public func changes(since previous: RunDigest) -> Changes? {
        // Counts below zero are no run's: an edited file, which says nothing about what changed
        // (and `Int.min` in it made the subtraction below overflow and stop the run).
        guard previous.through <= through, previous.rowsRead >= 0, previous.maxPerson >= 0 else { return nil }
        let before = Set(previous.rejected), now = Set(rejected)
        func row(_ k: String) -> String { k.split(separator: "|").prefix(2).joined(separator: "|") }
        let rowsBefore = Set(before.map(row)), rowsNow = Set(now.map(row))
        return Changes(previousThrough: previous.through, newRows: rowsRead - previous.rowsRead,
                       newPeople: max(0, maxPerson - previous.maxPerson),
                       fixed: rowsBefore.subtracting(rowsNow).count, newlyRejected: rowsNow.subtracting(rowsBefore).count)
    }
}
