import Testing
@testable import IkigaiCore

@Suite("Scoring same-person finding against a generated truth")
struct IdentityQualityTests {
    func pair(_ a: Int, _ b: Int) -> ReviewPair {
        ReviewPair(pair: "r\(a)-\(b)", a: SourceRow(file: "v.csv", row: a), b: SourceRow(file: "v.csv", row: b),
                   likelihood: 0.5, reasonsFor: [], reasonsAgainst: [])
    }

    func register(_ reviews: [ReviewPair]) -> PersonRegister { PersonRegister(personOf: RowPersons(), reviews: reviews) }

    @Test func theReviewListsOrderIsScoredByAveragePrecision() {
        // Rows 2 and 3 are one person, 4 and 5 one, 6 and 7 two people.
        let truth: [SourceRow: Int] = [2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 4].reduce(into: [:]) { $0[SourceRow(file: "v.csv", row: $1.key)] = $1.value }
        let best = IdentityQuality(register: register([pair(2, 3), pair(4, 5), pair(6, 7)]), truth: truth)
        #expect(best.reviewSame == 2 && best.reviewOrder == 1)
        let worst = IdentityQuality(register: register([pair(6, 7), pair(2, 3), pair(4, 5)]), truth: truth)
        #expect(worst.reviewOrder == (1.0 / 2 + 2.0 / 3) / 2)
        #expect(IdentityQuality(register: register([pair(6, 7)]), truth: truth).reviewOrder == 0)
    }
}
