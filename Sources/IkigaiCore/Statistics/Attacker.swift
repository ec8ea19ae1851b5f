/// Plays the adversary of the published statistics: from everything a
/// reader has (this report and the previous one), finds the least and the
/// greatest value each hidden cell can take. A hidden cell is disclosed when
/// only one whole number remains.
public enum Attacker {
    /// Ranges of this report's hidden cells.
    public static func ranges(current: PublishedStats, previous: PublishedStats?) -> [String: (min: Double, max: Double)] {
        let (lp, index) = system(current: current, previous: previous)
        var out: [String: (min: Double, max: Double)] = [:]
        for (id, v) in current.cells where v == nil {
            guard let i = index[id] else { continue }
            if let r = lp.range(of: i) { out[id] = r }
        }
        return out
    }

    /// The range of one hidden cell.
    public static func range(of id: String, current: PublishedStats, previous: PublishedStats?) -> (min: Double, max: Double)? {
        let (lp, index) = system(current: current, previous: previous)
        return index[id].flatMap { lp.range(of: $0) }
    }

    /// The equations a reader can write, over the hidden cells as unknowns.
    static func system(current: PublishedStats, previous: PublishedStats?) -> (LinearProgram, [String: Int]) {
        // Unknowns: hidden cells now, and hidden cells of the previous report.
        // A closed month's cell is one unknown in both reports; a growing cell
        // is two (then ≤ now).
        let growing = Set(current.growing)
        func prevID(_ id: String) -> String { growing.contains(id) ? "prev:" + id : id }
        var index: [String: Int] = [:]
        func variable(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = index.count
            return index.count - 1
        }
        var known: [String: Double] = [:]
        // Sorted, so that the unknowns are numbered the same way in every run.
        for (id, v) in current.cells.sorted(by: { $0.key < $1.key }) { if let v { known[id] = Double(v) } else { _ = variable(id) } }
        if let p = previous {
            for (id, v) in p.cells.sorted(by: { $0.key < $1.key }) {
                let pid = prevID(id)
                if let v { if known[pid] == nil { known[pid] = Double(v) } } else if known[pid] == nil { _ = variable(pid) }
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
        // Growing cells never shrink: prev − now + slack = 0, slack ≥ 0.
        var slackRows: [([Int: Double], Double)] = []
        if let p = previous {
            for id in current.growing where p.cells[id] != nil {
                let pid = "prev:" + id
                var coef: [Int: Double] = [:]
                var rhs = 0.0
                if let k = known[pid] { rhs -= k } else if let i = index[pid] { coef[i, default: 0] += 1 }
                if let k = known[id] { rhs += k } else if let i = index[id] { coef[i, default: 0] -= 1 }
                if !coef.isEmpty { slackRows.append((coef, rhs)) }
            }
        }
        let n = index.count + slackRows.count
        var a: [[Double]] = []
        var b: [Double] = []
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
        return (LinearProgram(a: a, b: b), index)
    }

    /// Whether a range leaves a single whole number.
    public static func discloses(_ r: (min: Double, max: Double)) -> Bool {
        r.max.isFinite && (r.max + 1e-6).rounded(.down) - (r.min - 1e-6).rounded(.up) < 1
    }
}
