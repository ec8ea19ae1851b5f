import Foundation
import Testing
@testable import IkigaiCore

@Suite("What changed since the last run")
struct RunDigestTests {
    func digest(rows: Int, maxPerson: Int, through: String = "2018-06", rejected: [String] = []) throws -> RunDigest {
        let json = """
            {"through": "\(through)", "rowsRead": \(rows), "people": 3, "maxPerson": \(maxPerson), "rejected": \(rejected)}
            """
        return try JSONDecoder().decode(RunDigest.self, from: Data(json.utf8))
    }

    @Test func countsNewRowsPeopleAndFixes() throws {
        let before = try digest(rows: 100, maxPerson: 40, through: "2018-05", rejected: ["\"a.csv|2|N303\"", "\"a.csv|3|N304\""])
        let now = try digest(rows: 130, maxPerson: 45, rejected: ["\"a.csv|3|N304\"", "\"b.csv|9|R209\""])
        let c = try #require(now.changes(since: before))
        #expect((c.newRows, c.newPeople, c.fixed, c.newlyRejected) == (30, 5, 1, 1))
        #expect(now.changes(since: try digest(rows: 100, maxPerson: 40, through: "2018-07")) == nil, "a later month is not progress")
    }

    /// `history/last-run.json` can be edited by anyone in the office: counts no run writes say
    /// nothing about what changed, and the smallest integer in them stopped the run.
    @Test("an edited last-run.json", arguments: [(Int.min, 40), (-1, 40), (100, Int.min), (100, -5)])
    func editedCounts(_ rows: Int, _ maxPerson: Int) throws {
        let now = try digest(rows: Int.max, maxPerson: Int.max)
        #expect(now.changes(since: try digest(rows: rows, maxPerson: maxPerson, through: "2018-05")) == nil)
    }
}
