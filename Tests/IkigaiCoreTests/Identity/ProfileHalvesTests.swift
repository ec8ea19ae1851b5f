import Testing
@testable import IkigaiCore

/// The resolver's first pass runs in two halves; what it gives must be what
/// one pass over the rows in order gives.
@Suite("Profiles built in two halves")
struct ProfileHalvesTests {
    /// 60 generated people over three sheets, each seen in several rows, in a shuffled but seeded order.
    func rows() -> [IdentityRow] {
        var g = SplitMix64(seed: 21)
        let surnames = ["高橋", "佐藤", "鈴木", "田中", "伊藤", "渡辺"], givens = ["花子", "一郎", "和子", "茂", "清", "博", "進", "実", "勇", "豊"]
        var out: [IdentityRow] = []
        for (f, file) in ["visits/2018-04.csv", "visits/2018-05.csv", "groups/g.csv"].enumerated() {
            for r in 2..<120 {
                let p = Int.random(in: 0..<60, using: &g)
                let name = surnames[p % surnames.count] + " " + givens[p / surnames.count]
                let phone = "03-1234-\(1000 + p)"
                out.append(IdentityRow(source: SourceRow(file: file, row: r),
                                       person: PersonFields(name: name, kana: nil,
                                                            phone: try! PhoneNumber.parse(phone).get()),
                                       date: CivilDate(year: 2018, month: 4 + f, day: 1 + r % 28), age: 70, town: "大久保"))
            }
        }
        return out
    }

    @Test func profilesComeInTheOrderOfTheirFirstRows() {
        let rows = rows()
        let (profiles, rowProfile) = EvidenceResolver.profiles(IdentityRows(rows))
        // One pass: a profile per (folded name, phone), numbered as first met.
        var expected: [String: Int] = [:]
        var order: [String] = []
        for r in rows.sorted(by: { $0.source < $1.source }) {
            let key = r.person.foldedName + "|" + r.person.phone.digits
            if expected[key] == nil { expected[key] = order.count; order.append(key) }
        }
        #expect(profiles.map { $0.name + "|" + $0.phone } == order)
        #expect(profiles.map(\.index) == Array(profiles.indices))
        #expect(rowProfile.count == rows.count)
        for r in rows {
            #expect(rowProfile[r.source]?.number == expected[r.person.foldedName + "|" + r.person.phone.digits])
        }
        // Both halves took part (a split that sent every key one way would test nothing).
        let halves = Set(profiles.map { EvidenceResolver.ProfileKey(name: $0.name, phone: $0.phone).half })
        #expect(halves == [0, 1])
    }

    @Test func aWalkKeepingSomeRowsGivesEachItsPlaceAmongAll() {
        let rows = rows(), sorted = rows.sorted(by: { $0.source < $1.source })
        var seen: [(Int, SourceRow)] = []
        IdentityRows(rows).walk(keeping: { $0.phone.digits.hasSuffix("7") }) { position, r in seen.append((position, r.source)) }
        let expected = sorted.enumerated().filter { $0.element.person.phone.digits.hasSuffix("7") }
        #expect(!expected.isEmpty && expected.count < rows.count)
        #expect(seen.map(\.0) == expected.map(\.offset))
        #expect(seen.map(\.1) == expected.map(\.element.source))
    }
}
