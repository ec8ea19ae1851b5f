/// Scores a person register against the generated truth: pairwise
/// precision and recall over accepted rows, and the error in the count of
/// distinct people. Used by the identity benchmark, not by runs.
public struct IdentityQuality: Sendable {
    public let rows: Int
    public let truePeople: Int
    public let foundPeople: Int
    public let precision: Double
    public let recall: Double
    /// How well the review list is ordered: the average precision of its pairs that truly are
    /// one person (1 when all of them come before every other pair; 0 when there are none).
    public let reviewOrder: Double
    /// Review pairs that truly are one person.
    public let reviewSame: Int

    public var countError: Double { Double(foundPeople - truePeople) / Double(max(1, truePeople)) }

    /// `truth`: row → generated person; rows missing from it are not scored.
    public init(register: PersonRegister, truth: [SourceRow: Int]) {
        var cell: [Int: [Int: Int]] = [:]   // found → true → rows
        var found: [Int: Int] = [:], real: [Int: Int] = [:]
        var n = 0
        for (row, id) in register.personOf {
            guard let t = truth[row] else { continue }
            n += 1
            cell[id.number, default: [:]][t, default: 0] += 1
            found[id.number, default: 0] += 1
            real[t, default: 0] += 1
        }
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        let tp = cell.values.reduce(0.0) { $0 + $1.values.reduce(0.0) { $0 + pairs($1) } }
        let predicted = found.values.reduce(0.0) { $0 + pairs($1) }
        let actual = real.values.reduce(0.0) { $0 + pairs($1) }
        rows = n
        truePeople = real.count
        foundPeople = found.count
        precision = predicted == 0 ? 1 : tp / predicted
        recall = actual == 0 ? 1 : tp / actual
        var hits = 0, sum = 0.0
        for (i, pair) in register.reviews.enumerated() {
            guard let a = truth[pair.a], let b = truth[pair.b], a == b else { continue }
            hits += 1
            sum += Double(hits) / Double(i + 1)
        }
        reviewSame = hits
        reviewOrder = hits == 0 ? 0 : sum / Double(hits)
    }
}
