import Testing
@testable import IkigaiCore

/// Complete linkage must join two groups only when every pair across them may be one person,
/// however the groups' members are kept.
@Suite("Clusters join by complete linkage")
struct ClustersTests {
    @Test(arguments: [(1, Int.max), (2, Int.max), (3, Int.max), (4, 5), (5, 2)] as [(UInt64, Int)])
    func agreesWithGroupsKeptAsSets(_ seed: UInt64, limit: Int) {
        var g = SplitMix64(seed: seed)
        let n = 300
        // A fixed, symmetric relation of pairs that may not be joined.
        var apart = Set<[Int]>()
        for _ in 0..<400 {
            let a = Int(g.next() % UInt64(n)), b = Int(g.next() % UInt64(n))
            if a != b { apart.insert([min(a, b), max(a, b)]) }
        }
        let compatible = { (x: Int, y: Int) in !apart.contains([min(x, y), max(x, y)]) }
        var clusters = Clusters(count: n)
        var groups = (0..<n).map { Set([$0]) }, groupOf = Array(0..<n)
        for _ in 0..<2_000 {
            let a = Int(g.next() % UInt64(n)), b = Int(g.next() % UInt64(n))
            clusters.merge(a, b, limit: limit, compatible: compatible)
            let ga = groupOf[a], gb = groupOf[b]
            if ga != gb, groups[ga].count + groups[gb].count <= limit, groups[ga].allSatisfy({ x in groups[gb].allSatisfy { compatible(x, $0) } }) {
                for m in groups[gb] { groupOf[m] = ga }
                groups[ga].formUnion(groups[gb])
                groups[gb] = []
            }
        }
        for p in 0..<n {
            var members = Set<Int>()
            _ = clusters.forEachMember(of: clusters.find(p)) { members.insert($0).inserted }
            #expect(members == groups[groupOf[p]], "profile \(p)")
        }
        #expect(Set((0..<n).map { clusters.find($0) }).count == groups.filter { !$0.isEmpty }.count)
        #expect(groups.contains { $0.count >= min(limit, 3) })
        #expect(groups.allSatisfy { $0.count <= limit })
    }

    @Test func aGroupAtItsLimitIsRefusedWithoutAskingAnyPair() {
        var clusters = Clusters(count: 6)
        let always = { (_: Int, _: Int) in true }
        #expect(clusters.merge(0, 1, limit: 3, compatible: always) == .joined)
        #expect(clusters.merge(1, 2, limit: 3, compatible: always) == .joined)
        #expect(clusters.merge(0, 2, limit: 3, compatible: always) == .alreadyOne)
        var asked = 0
        #expect(clusters.merge(2, 3, limit: 3) { _, _ in asked += 1; return true } == .tooLarge)
        #expect(asked == 0, "the size decides before any pair is checked")
        #expect(clusters.count(of: 3) == 1 && clusters.count(of: 0) == 3)
        #expect(clusters.merge(3, 4, limit: 3) { _, _ in false } == .incompatible)
        #expect(clusters.merge(3, 4, limit: 3, compatible: always) == .joined)
        #expect(clusters.count(of: 4) == 2)
    }
}
