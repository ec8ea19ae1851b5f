/// A small dense two-phase simplex (Bland's rule, so it always terminates):
/// the attacker's tool of disclosure control. It finds the least and the
/// greatest value a hidden cell can take given every published equation,
/// `A x = b`, `x ≥ 0`. The tables are small (tens to a few hundred hidden
/// cells), so a dense tableau is fast enough and easy to check.
public struct LinearProgram: Sendable {
    public let a: [[Double]]
    public let b: [Double]

    public init(a: [[Double]], b: [Double]) {
        self.a = a
        self.b = b
    }

    static let eps = 1e-9

    /// Min and max of `x[k]` over the feasible set; nil when infeasible,
    /// `.infinity` as max when unbounded.
    public func range(of k: Int) -> (min: Double, max: Double)? {
        feasible()?.range(of: k)
    }

    /// Phase 1: a feasible point of the program, from which any objective is then optimised;
    /// nil when there is none.
    ///
    /// Phase 1 does not depend on the objective, and each hidden cell is bounded by two
    /// objectives over one program: worked out once, not twice per cell (it was most of the
    /// suppression's time, and the suppression half of a run of a dozen people's year). Every
    /// objective starts from the very tableau it started from when each worked phase 1 out
    /// anew, so each bound is the same number.
    func feasible() -> Feasible? {
        let m = a.count, n = a.first?.count ?? 0
        if m == 0 { return Feasible(t: [], basis: [], n: n) }
        // Tableau: n structural + m artificial columns, then the right-hand side.
        var t = [[Double]](repeating: [Double](repeating: 0, count: n + m + 1), count: m)
        var basis = [Int](repeating: 0, count: m)
        for i in 0..<m {
            let sign: Double = b[i] < 0 ? -1 : 1
            for j in 0..<n { t[i][j] = sign * a[i][j] }
            t[i][n + i] = 1
            t[i][n + m] = sign * b[i]
            basis[i] = n + i
        }
        // Minimise the sum of artificials.
        var cost = [Double](repeating: 0, count: n + m)
        for i in 0..<m { cost[n + i] = 1 }
        guard LinearProgram.run(&t, &basis, cost: cost, allowed: n + m) else { return nil }
        let infeasibility = (0..<m).reduce(0.0) { $0 + (basis[$1] >= n ? t[$1][n + m] : 0) }
        if infeasibility > 1e-7 { return nil }
        // Drive remaining artificials out of the basis where possible.
        for i in 0..<m where basis[i] >= n {
            if let j = (0..<n).first(where: { abs(t[i][$0]) > LinearProgram.eps }) { LinearProgram.pivot(&t, &basis, i, j) }
        }
        // The artificial columns can never enter again; a pivot updates each column from its own
        // entries alone, so dropping them changes no other number.
        for i in 0..<m { t[i].removeSubrange(n..<(n + m)) }
        return Feasible(t: t, basis: basis, n: n)
    }

    /// The tableau at the feasible point phase 1 found (structural columns and the right-hand
    /// side); a basis entry of `n` or more is an artificial variable left at zero.
    struct Feasible {
        let t: [[Double]]
        let basis: [Int]
        let n: Int

        /// Min and max of `x[k]`; `.infinity` as max when unbounded.
        func range(of k: Int) -> (min: Double, max: Double) {
            (optimise(k, maximise: false), optimise(k, maximise: true))
        }

        /// Phase 2: optimises x[k] over the structural columns.
        func optimise(_ k: Int, maximise: Bool) -> Double {
            let m = t.count
            if m == 0 { return maximise ? .infinity : 0 }
            var t = t, basis = basis
            var cost = [Double](repeating: 0, count: n + m)
            cost[k] = maximise ? -1 : 1
            guard LinearProgram.run(&t, &basis, cost: cost, allowed: n) else { return maximise ? .infinity : -.infinity }
            for i in 0..<m where basis[i] == k { return t[i][n] }
            return 0
        }
    }

    /// Minimises cost·x; false when unbounded. `cost` covers every variable a basis may hold.
    private static func run(_ t: inout [[Double]], _ basis: inout [Int], cost: [Double], allowed: Int) -> Bool {
        let m = t.count, rhs = t[0].count - 1
        var inBasis = [Bool](repeating: false, count: cost.count)
        for v in basis { inBasis[v] = true }
        for _ in 0..<10_000 {
            // Rows whose basic variable costs something: the only ones a reduced cost needs (in
            // phase 2 one at most). A skipped term is a zero subtracted, which changes nothing.
            let costed = (0..<m).filter { cost[basis[$0]] != 0 }
            // Reduced costs; Bland: the first column with a negative one enters.
            var entering: Int?
            for j in 0..<allowed where !inBasis[j] {
                var r = cost[j]
                for i in costed { r -= cost[basis[i]] * t[i][j] }
                if r < -LinearProgram.eps { entering = j; break }
            }
            guard let e = entering else { return true }
            var leave: Int?
            var best = Double.infinity
            for i in 0..<m where t[i][e] > LinearProgram.eps {
                let ratio = t[i][rhs] / t[i][e]
                if ratio < best - LinearProgram.eps || (abs(ratio - best) <= LinearProgram.eps && basis[i] < basis[leave ?? i]) {
                    best = ratio
                    leave = i
                }
            }
            guard let l = leave else { return false }
            inBasis[basis[l]] = false
            inBasis[e] = true
            pivot(&t, &basis, l, e)
        }
        return true
    }

    private static func pivot(_ t: inout [[Double]], _ basis: inout [Int], _ r: Int, _ c: Int) {
        let p = t[r][c]
        for j in t[r].indices { t[r][j] /= p }
        for i in t.indices where i != r {
            let f = t[i][c]
            if abs(f) > 0 { for j in t[i].indices { t[i][j] -= f * t[r][j] } }
        }
        basis[r] = c
    }
}
