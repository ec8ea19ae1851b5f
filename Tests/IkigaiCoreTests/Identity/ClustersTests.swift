import Testing
@testable import IkigaiCore

/// Complete linkage must join two groups only when every pair across them may be one person,
/// however the groups' members are kept.
@Suite("Clusters join by complete linkage")
struct ClustersTests {
    @Test(arguments: [1, 2, 3])
    func agreesWithGroupsKeptAsSets(_ seed: UInt64) {
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
            clusters.merge(a, b, compatible: compatible)
            let ga = groupOf[a], gb = groupOf[b]
            if ga != gb, groups[ga].allSatisfy({ x in groups[gb].allSatisfy { compatible(x, $0) } }) {
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
        #expect(groups.contains { $0.count > 2 })
    }
}
