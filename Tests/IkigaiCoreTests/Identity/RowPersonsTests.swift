import Testing
@testable import IkigaiCore

@Suite("Which person each row is")
struct RowPersonsTests {
    @Test func storesLooksUpAndForgets() {
        var p = RowPersons()
        let a = SourceRow(file: "visits/2018-05.csv", row: 2), b = SourceRow(file: "visits/2018-05.csv", row: 40)
        let c = SourceRow(file: "groups/2018.csv", row: 3)
        p[a] = PersonID(7)
        p[b] = PersonID(9)
        p[c] = PersonID(7)
        #expect(p.count == 3)
        #expect(p[a] == PersonID(7) && p[b] == PersonID(9) && p[c] == PersonID(7))
        #expect(p[SourceRow(file: "visits/2018-05.csv", row: 3)] == nil)
        #expect(p[SourceRow(file: "visits/2018-06.csv", row: 2)] == nil)
        #expect(p[SourceRow(file: "visits/2018-05.csv", row: 4000)] == nil)
        p[b] = PersonID(8)
        #expect(p.count == 3 && p[b] == PersonID(8))
        p.removeValue(forKey: a)
        #expect(p.count == 2 && p[a] == nil)
        p[SourceRow(file: "x.csv", row: -1)] = PersonID(1)
        #expect(p.count == 2)
    }

    /// The builder the profile pass fills must hold what the subscript would, whatever order the
    /// rows come in: sheets left and come back to, a row given twice, a row that is no Excel row.
    @Test func theBuilderHoldsWhatTheSubscriptWould() {
        var g = SplitMix64(seed: 8)
        // More sheets than the table of sheets first holds, so that it grows while rows come.
        let files = ["visits/2018-05.csv", "visits/2018-06.csv", "groups/2018-04-文化系.csv"] + (0..<40).map { "applications/\($0).csv" }
        var expected = RowPersons(), builder = RowPersons.Builder()
        var asked: [SourceRow] = [], truth: [SourceRow: PersonID] = [:]
        for i in 0..<4_000 {
            // Mostly runs of one sheet, as the walk gives them, with jumps between sheets.
            let file = files[Int(g.next() % 100) < 90 ? (i / 100) % files.count : Int(g.next() % UInt64(files.count))]
            let row = SourceRow(file: file, row: Int(g.next() % 500) - 3)
            let person = PersonID(Int(g.next() % 50))
            expected[row] = person
            builder.set(row, person)
            asked.append(row)
            if row.row >= 0 { truth[row] = person }
        }
        let built = builder.finish()
        #expect(asked.allSatisfy { built[$0] == truth[$0] && expected[$0] == truth[$0] })
        #expect(built.count == truth.count)
        #expect(built[SourceRow(file: "visits/2018-07.csv", row: 2)] == nil)
        #expect(built.count == expected.count && built.count > 500)
        #expect(Array(built).map { "\($0.row.file):\($0.row.row)=\($0.person)" } == Array(expected).map { "\($0.row.file):\($0.row.row)=\($0.person)" })
    }

    @Test func walksInSourceOrder() {
        let rows = [SourceRow(file: "visits/2018-06.csv", row: 5), SourceRow(file: "groups/2018.csv", row: 9),
                    SourceRow(file: "visits/2018-06.csv", row: 2), SourceRow(file: "applications/2018.csv", row: 4)]
        var p = RowPersons()
        for (i, r) in rows.enumerated() { p[r] = PersonID(i + 1) }
        #expect(p.map(\.row) == rows.sorted())
        #expect(p.values.sorted() == [1, 2, 3, 4].map(PersonID.init))
        let renumbered = p.renumbered([0, 10, 20, 30, 40])
        #expect(renumbered[rows[0]] == PersonID(10) && renumbered[rows[3]] == PersonID(40) && renumbered.count == 4)
        #expect(p.largestNumber == 4 && renumbered.largestNumber == 40 && RowPersons().largestNumber == nil)
    }

    @Test func twoHalvesMerge() {
        let a = SourceRow(file: "visits/2018-06.csv", row: 2), b = SourceRow(file: "visits/2018-06.csv", row: 7)
        let c = SourceRow(file: "groups/2018.csv", row: 3)
        var left = RowPersons(), right = RowPersons()
        left[a] = PersonID(0)
        right[b] = PersonID(0)
        right[c] = PersonID(1)
        let merged = RowPersons.merging(left, renumbered: [5], right, renumbered: [6, 7])
        #expect(merged.count == 3)
        #expect(merged[a] == PersonID(5) && merged[b] == PersonID(6) && merged[c] == PersonID(7))
        #expect(merged.map(\.row) == [c, a, b])
        // A row in both halves (hand-built rows only) is counted once.
        left[c] = PersonID(1)
        let twice = RowPersons.merging(left, renumbered: [5, 8], right, renumbered: [6, 7])
        #expect(twice.count == 3 && twice[c] == PersonID(7))
    }

    @Test func agreesWithADictionary() {
        var g = SplitMix64(seed: 3)
        var d: [SourceRow: PersonID] = [:]
        var p = RowPersons()
        for _ in 0..<5_000 {
            let r = SourceRow(file: ["a.csv", "b.csv", "c.csv"][Int.random(in: 0..<3, using: &g)], row: Int.random(in: 0..<300, using: &g))
            if Int.random(in: 0..<4, using: &g) == 0 {
                d[r] = nil
                p[r] = nil
            } else {
                let id = PersonID(Int.random(in: 1...50, using: &g))
                d[r] = id
                p[r] = id
            }
        }
        #expect(p.count == d.count)
        #expect(p.map { "\($0.row.file)#\($0.row.row)=\($0.person)" } == d.sorted { $0.key < $1.key }.map { "\($0.key.file)#\($0.key.row)=\($0.value)" })
    }
}
