/// The adversary's equations over a fixed set of cells, worked out once, to be solved for
/// any choice of which cells are hidden.
///
/// Disclosure control asks the adversary about one hidden set after another over the same
/// tables (some forty times for a year's sample). Built each time from the published
/// report, every attempt named each cell with a new string, gathered them into dictionaries
/// and sorted them: 6% of a whole run's instructions at 1× (callgrind), for tables that never
/// change shape. Here the cells are numbered once, and the equations are lists of numbers.
///
/// The system is the one `Attacker.system` has always written, in the same order, with the
/// unknowns numbered the same way; `AttackModelTests` holds it to a literal reading of that
/// rule.
struct AttackModel: Sendable {
    /// This report's cells, in the order of their ids.
    let ids: [String]
    /// Each name an equation can use: this report's cells (`0..<ids.count`, as `ids`), then
    /// the previous report's cells that are not this report's (a growing cell's earlier value
    /// is one of these, `prev:` and its id).
    private let nameCount: Int
    /// The previous report's cells in the order of their ids: the name each is, and its value
    /// (nil when it was hidden).
    private let previous: [(name: Int, value: Int?)]
    /// Each relation as (name, +1 for a term or −1 for the total), this report's first; nil
    /// where a relation names a cell neither report has, which no reader can use.
    private let equations: [[(name: Int, sign: Double)]?]
    /// Growing cells the previous report also had: this month's name and last month's name.
    private let neverShrink: [(now: Int?, before: Int?)]

    /// `ids`: this report's cells, each once. `growing`: those whose value only grows month to
    /// month, so that last month's value is a number of its own, in the order their rules of
    /// never shrinking are to be written (the report keeps them sorted).
    init(ids: some Sequence<String>, growing: [String], equations: [StatEquation], previous: PublishedStats?) {
        let ids = ids.sorted()
        self.ids = ids
        var nameOf: [String: Int] = [:]
        nameOf.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { nameOf[id] = i }
        let growingSet = Set(growing)
        func previousName(_ id: String) -> String { growingSet.contains(id) ? "prev:" + id : id }
        var previousCells: [(name: Int, value: Int?)] = []
        if let p = previous {
            for (id, v) in p.cells.sorted(by: { $0.key < $1.key }) {
                let name = previousName(id)
                if nameOf[name] == nil { nameOf[name] = nameOf.count }
                previousCells.append((nameOf[name] ?? 0, v))
            }
        }
        self.previous = previousCells
        nameCount = nameOf.count
        func relation(_ e: StatEquation, _ name: (String) -> String) -> [(name: Int, sign: Double)]? {
            var out: [(name: Int, sign: Double)] = []
            for (id, sign) in e.terms.map({ ($0, 1.0) }) + [(e.total, -1.0)] {
                guard let n = nameOf[name(id)] else { return nil }
                out.append((n, sign))
            }
            return out
        }
        self.equations = equations.map { relation($0, { $0 }) } + (previous?.equations.map { relation($0, previousName) } ?? [])
        neverShrink = previous.map { p in
            growing.filter { p.cells[$0] != nil }.map { (nameOf[$0], nameOf["prev:" + $0]) }
        } ?? []
    }

    /// The linear program of a report whose cells hold `values` (by place in `ids`; nil where
    /// hidden), and the unknown each of them is (nil where its value is printed).
    func system(values: [Int?]) -> (LinearProgram, unknown: [Int?]) {
        precondition(values.count == ids.count, "one value for each cell")
        var known = [Double?](repeating: nil, count: nameCount)
        var unknown = [Int?](repeating: nil, count: nameCount)
        var unknowns = 0
        func variable(_ n: Int) {
            if unknown[n] == nil {
                unknown[n] = unknowns
                unknowns += 1
            }
        }
        for (n, v) in values.enumerated() {
            if let v { known[n] = Double(v) } else { variable(n) }
        }
        for (n, v) in previous where known[n] == nil {
            if let v { known[n] = Double(v) } else { variable(n) }
        }
        // Coefficients are kept by unknown in the order first met; a relation whose terms
        // cancel still gives its row, as the system always has.
        var rows: [(coef: [(Int, Double)], rhs: Double)] = []
        func add(_ coef: inout [(Int, Double)], _ i: Int, _ c: Double) {
            if let at = coef.firstIndex(where: { $0.0 == i }) { coef[at].1 += c } else { coef.append((i, c)) }
        }
        for case let e? in equations {
            var coef: [(Int, Double)] = [], rhs = 0.0
            for (n, sign) in e {
                if let k = known[n] { rhs -= sign * k } else if let i = unknown[n] { add(&coef, i, sign) }
            }
            if !coef.isEmpty { rows.append((coef, rhs)) }
        }
        // Growing cells never shrink: before − now + slack = 0, slack ≥ 0.
        var slackRows: [(coef: [(Int, Double)], rhs: Double)] = []
        for (now, before) in neverShrink {
            var coef: [(Int, Double)] = [], rhs = 0.0
            if let b = before {
                if let k = known[b] { rhs -= k } else if let i = unknown[b] { add(&coef, i, 1) }
            }
            if let now {
                if let k = known[now] { rhs += k } else if let i = unknown[now] { add(&coef, i, -1) }
            }
            if !coef.isEmpty { slackRows.append((coef, rhs)) }
        }
        let n = unknowns + slackRows.count
        var a: [[Double]] = [], b: [Double] = []
        a.reserveCapacity(rows.count + slackRows.count)
        for (coef, rhs) in rows {
            var row = [Double](repeating: 0, count: n)
            for (i, c) in coef { row[i] = c }
            a.append(row)
            b.append(rhs)
        }
        for (s, (coef, rhs)) in slackRows.enumerated() {
            var row = [Double](repeating: 0, count: n)
            for (i, c) in coef { row[i] = c }
            row[unknowns + s] = 1
            a.append(row)
            b.append(rhs)
        }
        return (LinearProgram(a: a, b: b), Array(unknown[..<ids.count]))
    }

    /// The range of each hidden cell (by place in `ids`) that the program bounds.
    func ranges(values: [Int?]) -> [Int: (min: Double, max: Double)] {
        let (lp, unknown) = system(values: values)
        guard let start = lp.feasible() else { return [:] }
        var out: [Int: (min: Double, max: Double)] = [:]
        for (c, v) in values.enumerated() where v == nil {
            if let i = unknown[c] { out[c] = start.range(of: i) }
        }
        return out
    }

    /// The first hidden cell (by place in `ids`) whose range `Attacker.discloses`, as the least
    /// place of those `ranges` would show disclosed: the cells after it are not bounded, which
    /// suppression, asking this again after each cell it hides, would only throw away.
    func firstDisclosed(values: [Int?]) -> Int? {
        let (lp, unknown) = system(values: values)
        guard let start = lp.feasible() else { return nil }
        for (c, v) in values.enumerated() where v == nil {
            if let i = unknown[c], Attacker.discloses(start.range(of: i)) { return c }
        }
        return nil
    }

    /// The range of one cell (by place in `ids`), nil when it is printed or the program has none.
    func range(of cell: Int, values: [Int?]) -> (min: Double, max: Double)? {
        let (lp, unknown) = system(values: values)
        return unknown[cell].flatMap { lp.range(of: $0) }
    }
}
