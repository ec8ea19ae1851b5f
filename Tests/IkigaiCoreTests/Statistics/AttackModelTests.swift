import Testing
@testable import IkigaiCore

/// The adversary's equations, numbered once (`AttackModel`), must be the very system the
/// adversary wrote from the published reports before: the same rows, the same unknowns in
/// the same order, so that disclosure control hides the same cells.
@Suite("Adversary's equations worked out once")
struct AttackModelTests {
    /// The system as it was written from two reports, kept here as the reference: unknowns
    /// numbered by sorted cell id (this report's, then the previous report's), a growing cell's
    /// earlier value an unknown of its own, relations naming an unknown cell left out.
    static func referenceSystem(current: PublishedStats, previous: PublishedStats?) -> (a: [[Double]], b: [Double], index: [String: Int]) {
        let growing = Set(current.growing)
        func prevID(_ id: String) -> String { growing.contains(id) ? "prev:" + id : id }
        var index: [String: Int] = [:]
        func variable(_ id: String) {
            if index[id] == nil { index[id] = index.count }
        }
        var known: [String: Double] = [:]
        for (id, v) in current.cells.sorted(by: { $0.key < $1.key }) { if let v { known[id] = Double(v) } else { variable(id) } }
        if let p = previous {
            for (id, v) in p.cells.sorted(by: { $0.key < $1.key }) {
                let pid = prevID(id)
                if let v { if known[pid] == nil { known[pid] = Double(v) } } else if known[pid] == nil { variable(pid) }
            }
        }
        var rows: [([Int: Double], Double)] = []
        func add(_ e: StatEquation, _ name: (String) -> String) {
            var coef: [Int: Double] = [:]
            var rhs = 0.0
            for (id, sign) in e.terms.map({ ($0, 1.0) }) + [(e.total, -1.0)] {
                let n = name(id)
                if let k = known[n] { rhs -= sign * k } else if let i = index[n] { coef[i, default: 0] += sign } else { return }
            }
            if !coef.isEmpty { rows.append((coef, rhs)) }
        }
        for e in current.equations { add(e, { $0 }) }
        if let p = previous { for e in p.equations { add(e, prevID) } }
        var slackRows: [([Int: Double], Double)] = []
        if let p = previous {
            for id in current.growing where p.cells[id] != nil {
                var coef: [Int: Double] = [:]
                var rhs = 0.0
                if let k = known["prev:" + id] { rhs -= k } else if let i = index["prev:" + id] { coef[i, default: 0] += 1 }
                if let k = known[id] { rhs += k } else if let i = index[id] { coef[i, default: 0] -= 1 }
                if !coef.isEmpty { slackRows.append((coef, rhs)) }
            }
        }
        let n = index.count + slackRows.count
        var a: [[Double]] = [], b: [Double] = []
        for (coef, rhs) in rows {
            var row = [Double](repeating: 0, count: n)
            for (i, c) in coef { row[i] = c }
            a.append(row)
            b.append(rhs)
        }
        for (s, (coef, rhs)) in slackRows.enumerated() {
            var row = [Double](repeating: 0, count: n)
            for (i, c) in coef { row[i] = c }
            row[index.count + s] = 1
            a.append(row)
            b.append(rhs)
        }
        return (a, b, index)
    }

    /// Two reports of random cells over partly the same ids: some hidden, some growing, some
    /// only in one report, relations over them (a few naming a cell no report has, a few
    /// naming one cell twice, so that its terms cancel).
    static func reports(_ g: inout SplitMix64) -> (current: PublishedStats, previous: PublishedStats?) {
        let ids = (0..<Int.random(in: 4...40, using: &g)).map { "t\($0 % 3)|r\($0)|c\(Int.random(in: 0...3, using: &g))" }
        func cells(_ ids: [String]) -> [String: Int?] {
            Dictionary(ids.map { ($0, Bool.random(using: &g) && Bool.random(using: &g) ? nil : Int.random(in: 0...30, using: &g)) },
                       uniquingKeysWith: { a, _ in a })
        }
        func equations(_ ids: [String]) -> [StatEquation] {
            (0..<Int.random(in: 0...12, using: &g)).map { _ in
                var terms = (0..<Int.random(in: 1...4, using: &g)).map { _ in ids.randomElement(using: &g) ?? "" }
                if Int.random(in: 0..<8, using: &g) == 0 { terms.append("nowhere|x|y") }
                if Int.random(in: 0..<6, using: &g) == 0, let t = terms.first { terms.append(t) }
                return StatEquation(terms: terms, total: ids.randomElement(using: &g) ?? "")
            }
        }
        let now = Array(ids.dropFirst(Int.random(in: 0...3, using: &g)))
        let growing = now.filter { _ in Bool.random(using: &g) }.sorted()
        let current = PublishedStats(through: "2019-03", cells: cells(now), equations: equations(now), growing: growing)
        guard Int.random(in: 0..<5, using: &g) > 0 else { return (current, nil) }
        let before = Array(ids.dropLast(Int.random(in: 0...3, using: &g))) + ["old|gone|c0"]
        return (current, PublishedStats(through: "2019-03", cells: cells(before), equations: equations(before), growing: before.filter { _ in Bool.random(using: &g) }.sorted()))
    }

    @Test func theModelWritesTheSameSystemAsTheReportsDid() {
        var g = SplitMix64(seed: 2018)
        var compared = 0, withUnknowns = 0
        for _ in 0..<600 {
            let (current, previous) = Self.reports(&g)
            let expected = Self.referenceSystem(current: current, previous: previous)
            let (model, values) = Attacker.model(current: current, previous: previous)
            let (lp, unknown) = model.system(values: values)
            #expect(lp.a == expected.a && lp.b == expected.b)
            for (place, id) in model.ids.enumerated() {
                #expect(unknown[place] == (current.cells[id] == .some(nil) ? expected.index[id] : nil), "\(id)")
            }
            compared += 1
            if !expected.index.isEmpty { withUnknowns += 1 }
        }
        #expect(compared == 600 && withUnknowns > 400, "most reports hide something")
    }

    @Test func rangesAreGivenByCellIdAsBefore() throws {
        // x + y = 7 with y printed as 3 pins x; z alone is bounded only below.
        let current = PublishedStats(through: "2019-03", cells: ["a|x|m": nil, "a|y|m": 3, "a|t|m": 7, "b|z|m": nil],
                                     equations: [StatEquation(terms: ["a|x|m", "a|y|m"], total: "a|t|m")], growing: [])
        let ranges = Attacker.ranges(current: current, previous: nil)
        let x = try #require(ranges["a|x|m"])
        #expect(Attacker.discloses(x) && abs(x.min - 4) < 1e-9)
        #expect(ranges["b|z|m"].map { !Attacker.discloses($0) } == true)
        #expect(ranges["a|y|m"] == nil, "printed cells have no range")
        #expect(Attacker.range(of: "a|x|m", current: current, previous: nil).map(Attacker.discloses) == true)
        #expect(Attacker.range(of: "a|y|m", current: current, previous: nil) == nil)
    }
}
