import Testing
@testable import IkigaiCore

/// The simplex works phase 1 out once per program and bounds every hidden cell from there
/// (`LinearProgram.feasible`). Suppression hides exactly the cells it hid when each bound
/// worked phase 1 out anew, so each bound must be the very same number, not merely close.
@Suite("Linear programs of the adversary")
struct LinearProgramTests {
    /// The two-phase simplex as it was: phase 1 from scratch for each objective, the
    /// artificial columns kept through phase 2, every reduced cost summed over every row.
    /// Kept here as the reference the shared phase 1 must agree with, on one flat array; the
    /// arithmetic is the same, operation for operation, so that its numbers are the same.
    struct ReferenceSimplex {
        var cells: [Double]
        var basis: [Int]
        let rows: Int, width: Int

        subscript(i: Int, j: Int) -> Double {
            get { cells[i * width + j] }
            set { cells[i * width + j] = newValue }
        }

        static func optimise(_ a: [[Double]], _ b: [Double], _ k: Int, maximise: Bool) -> Double? {
            let m = a.count, n = a.first?.count ?? 0
            guard m > 0 else { return maximise ? .infinity : 0 }
            var s = ReferenceSimplex(cells: Array(repeating: 0, count: m * (n + m + 1)), basis: Array(n..<(n + m)), rows: m, width: n + m + 1)
            for (i, row) in a.enumerated() {
                let flip = b[i] < 0
                for (j, x) in row.enumerated() { s[i, j] = flip ? -x : x }
                s[i, n + i] = 1
                s[i, n + m] = flip ? -b[i] : b[i]
            }
            guard s.minimise(cost: Array(repeating: 0, count: n) + Array(repeating: 1, count: m), columns: n + m) else { return nil }
            var left = 0.0
            for i in 0..<m { left += s.basis[i] >= n ? s[i, n + m] : 0 }
            guard left <= 1e-7 else { return nil }
            for i in 0..<m where s.basis[i] >= n {
                if let j = (0..<n).first(where: { abs(s[i, $0]) > 1e-9 }) { s.pivot(row: i, column: j) }
            }
            var cost = Array(repeating: 0.0, count: n + m)
            cost[k] = maximise ? -1 : 1
            guard s.minimise(cost: cost, columns: n) else { return maximise ? .infinity : -.infinity }
            return s.basis.firstIndex(of: k).map { s[$0, n + m] } ?? 0
        }

        mutating func minimise(cost: [Double], columns: Int) -> Bool {
            for _ in 0..<10_000 {
                let entering = (0..<columns).first { j in
                    guard !basis.contains(j) else { return false }
                    var reduced = cost[j]
                    for i in 0..<rows { reduced -= cost[basis[i]] * self[i, j] }
                    return reduced < -1e-9
                }
                guard let e = entering else { return true }
                var leaving: Int?, least = Double.infinity
                for i in 0..<rows where self[i, e] > 1e-9 {
                    let ratio = self[i, width - 1] / self[i, e]
                    if ratio < least - 1e-9 || (abs(ratio - least) <= 1e-9 && basis[i] < basis[leaving ?? i]) {
                        least = ratio
                        leaving = i
                    }
                }
                guard let l = leaving else { return false }
                pivot(row: l, column: e)
            }
            return true
        }

        mutating func pivot(row r: Int, column c: Int) {
            let p = self[r, c]
            for j in 0..<width { self[r, j] /= p }
            for i in 0..<rows where i != r && abs(self[i, c]) > 0 {
                let f = self[i, c]
                for j in 0..<width { self[i, j] -= f * self[r, j] }
            }
            basis[r] = c
        }
    }

    /// A program shaped like a report's: a table of counts with its row and column totals, some
    /// cells and totals hidden (the unknowns), the printed ones moved to the right-hand side;
    /// now and then a relation between two hidden totals, a repeated relation, or a right-hand
    /// side the counts cannot meet.
    static func reportLike(_ g: inout SplitMix64) -> (a: [[Double]], b: [Double]) {
        let rows = g.int(1...5), cols = g.int(1...6)
        let cells = (0..<rows).map { _ in (0..<cols).map { _ in g.chance(0.3) ? 0 : g.int(1...12) } }
        // Cells, then row totals, then column totals, then the grand total.
        var values = cells.flatMap { $0 }
        values += cells.map { $0.reduce(0, +) }
        values += (0..<cols).map { c in cells.map { $0[c] }.reduce(0, +) }
        values.append(values[(rows * cols)..<(rows * cols + rows)].reduce(0, +))
        let hidden = values.indices.map { _ in g.chance(0.55) }
        var unknown = [Int?](repeating: nil, count: values.count), count = 0
        for i in values.indices where hidden[i] {
            unknown[i] = count
            count += 1
        }
        var relations: [[(Int, Double)]] = []
        for r in 0..<rows { relations.append((0..<cols).map { (r * cols + $0, 1.0) } + [(rows * cols + r, -1)]) }
        for c in 0..<cols { relations.append((0..<rows).map { ($0 * cols + c, 1.0) } + [(rows * cols + rows + c, -1)]) }
        relations.append((0..<rows).map { (rows * cols + $0, 1.0) } + [(values.count - 1, -1)])
        if g.chance(0.3), let again = relations.randomElement(using: &g) { relations.append(again) }
        var a: [[Double]] = [], b: [Double] = []
        for relation in relations {
            var row = [Double](repeating: 0, count: count), rhs = 0.0
            for (cell, sign) in relation {
                if let u = unknown[cell] { row[u] += sign } else { rhs -= sign * Double(values[cell]) }
            }
            guard row.contains(where: { $0 != 0 }) else { continue }
            a.append(row)
            b.append(rhs)
        }
        if g.chance(0.1), !b.isEmpty { b[g.int(0...(b.count - 1))] += Double(g.int(1...30)) * (g.chance(0.5) ? 1 : -1) }
        return (a, b)
    }

    @Test func everyBoundIsTheOneEachObjectiveFoundOnItsOwn() {
        var g = SplitMix64(seed: 40)
        var programs = 0, infeasible = 0, bounds = 0, unbounded = 0
        for _ in 0..<400 {
            let (a, b) = LinearProgramTests.reportLike(&g)
            let n = a.first?.count ?? 0
            guard n > 0 else { continue }
            programs += 1
            let lp = LinearProgram(a: a, b: b)
            let start = lp.feasible()
            if start == nil { infeasible += 1 }
            for k in 0..<n {
                for maximise in [false, true] {
                    let expected = ReferenceSimplex.optimise(a, b, k, maximise: maximise)
                    let got = start.map { $0.optimise(k, maximise: maximise) }
                    #expect(got == expected, "program \(programs), x\(k), \(maximise ? "max" : "min"): a \(a), b \(b)")
                    if expected == .infinity { unbounded += 1 }
                    bounds += 1
                }
                #expect(lp.range(of: k).map { [$0.min, $0.max] } == start.map { [$0.optimise(k, maximise: false), $0.optimise(k, maximise: true)] })
            }
        }
        // The programs reach every outcome: bounded, unbounded (a cell whose every total is hidden
        // too) and infeasible.
        #expect(programs > 300 && bounds > 2_000)
        #expect(infeasible > 0 && unbounded > 0)
    }

    @Test func theFirstDisclosedCellIsTheLeastOfThoseRangesWouldShow() {
        // Two 2×2 tables sharing nothing, as a report of two small tables.
        var g = SplitMix64(seed: 41)
        var disclosing = 0
        for _ in 0..<200 {
            var cells: [String: Int?] = [:], equations: [StatEquation] = []
            for t in ["a", "b"] {
                let v = (0..<4).map { _ in g.int(0...9) }
                let ids = ["\(t)|0|0", "\(t)|0|1", "\(t)|1|0", "\(t)|1|1", "\(t)|0|all", "\(t)|1|all", "\(t)|all|0", "\(t)|all|1"]
                let values = v + [v[0] + v[1], v[2] + v[3], v[0] + v[2], v[1] + v[3]]
                for (id, x) in zip(ids, values) { cells[id] = g.chance(0.7) ? nil : x }
                equations += [StatEquation(terms: [ids[0], ids[1]], total: ids[4]), StatEquation(terms: [ids[2], ids[3]], total: ids[5]),
                              StatEquation(terms: [ids[0], ids[2]], total: ids[6]), StatEquation(terms: [ids[1], ids[3]], total: ids[7])]
            }
            let model = AttackModel(ids: cells.keys, growing: [], equations: equations, previous: nil)
            let values = model.ids.map { cells[$0] ?? nil }
            let expected = model.ranges(values: values).filter { Attacker.discloses($0.value) }.keys.min()
            #expect(model.firstDisclosed(values: values) == expected)
            if expected != nil { disclosing += 1 }
        }
        // Both answers come up: a cell pinned by the others, and none.
        #expect(disclosing > 20 && disclosing < 180, "\(disclosing) of 200 disclose a cell")
    }
}
