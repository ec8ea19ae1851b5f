/// Union–find over profiles that keeps each group's members, so that a merge
/// can be checked against every pair across the two groups first.
///
/// The members are a ring: `next` leads from each profile to another of its group and
/// back round. An array of members for each of 400,000 profiles at 100× was as many
/// allocations, and as many frees at the end (perf); joining two rings is two swaps.
struct Clusters {
    private var parent: [Int]
    private var size: [Int]
    private var next: [Int]

    /// What a merge did.
    enum Outcome: Equatable {
        case joined
        /// The two were already one group.
        case alreadyOne
        /// Some pair across the two groups may not be one person.
        case incompatible
        /// The joined group would hold more than the limit: refused unchecked.
        case tooLarge
    }

    init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
        next = Array(0..<count)
    }

    mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var y = x
        while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
        return r
    }

    /// How many profiles the group of `x` holds.
    mutating func count(of x: Int) -> Int { size[find(x)] }

    /// Calls `body` with each member of the group `x` belongs to, starting with `x`, until it
    /// answers false; whether it answered true for all.
    func forEachMember(of x: Int, _ body: (Int) -> Bool) -> Bool {
        var m = x
        repeat {
            guard body(m) else { return false }
            m = next[m]
        } while m != x
        return true
    }

    /// Joins the groups of `a` and `b` when `compatible` holds for every pair across them and
    /// the joined group would hold at most `limit` members.
    ///
    /// Without a limit, a group that many profiles join one at a time is checked pair by pair
    /// at each join: the cost grows with the square of its size. The limit is decided before
    /// any pair is asked, so no merge asks more than (`limit`/2)² pairs, and the cost of all the
    /// merges grows with the number of merges asked, not with the square of a group.
    @discardableResult
    mutating func merge(_ a: Int, _ b: Int, limit: Int = .max, compatible: (Int, Int) -> Bool) -> Outcome {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return .alreadyOne }
        guard size[ra] <= limit - size[rb] else { return .tooLarge }
        let fits = forEachMember(of: ra) { x in forEachMember(of: rb) { y in compatible(x, y) } }
        guard fits else { return .incompatible }
        let (big, small) = size[ra] >= size[rb] ? (ra, rb) : (rb, ra)
        parent[small] = big
        size[big] += size[small]
        next.swapAt(big, small)
        return .joined
    }
}
