/// Hides small counts so that no resident can be singled out.
///
/// 1. Primary: a count of 1 … min_cell−1 people or visits is hidden (`*`);
///    zero is shown.
/// 2. Carried over: a cell of a closed month hidden in the previous report
///    stays hidden (else this report would reveal it).
/// 3. Secondary: the adversary (`Attacker`) solves every published relation
///    of this report and the previous one for each hidden cell; while one is
///    pinned to a single value, one more cell is hidden in a relation that
///    holds it: the smallest count in that relation (least information lost;
///    cells already known from the previous report give no cover and are not
///    chosen; row and column totals are chosen only when nothing else is
///    left). Repeats until the adversary fails for every hidden cell.
///
/// Cells summary.json prints anyway (`publishedElsewhere`: the people of each program, all
/// visits, the people of the branch-office area) may print as `*` by rule 1, but the adversary
/// is given their numbers, and hiding them is never taken as cover.
public enum DisclosureControl {
    public static func apply(_ stats: inout UsageStatistics, minCell: Int, previous: PublishedStats?) {
        var where_: [String: (Int, Int, Int)] = [:]
        for (ti, t) in stats.tables.enumerated() {
            for r in t.rowKeys.indices { for c in t.colKeys.indices { where_[t.cellID(r, c)] = (ti, r, c) } }
        }
        for ti in stats.tables.indices {
            let t = stats.tables[ti]
            for r in t.rowKeys.indices {
                for c in t.colKeys.indices {
                    let v = t.values[r][c]
                    let id = t.cellID(r, c)
                    let closed = !t.growing.contains(t.colKeys[c])
                    var hiddenBefore = false
                    if let p = previous, let before = p.cells[id], before == nil { hiddenBefore = true }
                    if (v >= 1 && v < minCell && t.id != "classes") || (t.id == "classes" && c > 0 && v >= 1 && v < minCell)
                        || (closed && hiddenBefore) {
                        stats.tables[ti].suppressed[r][c] = true
                    }
                }
            }
        }
        let knownBefore: Set<String> = Set(previous?.cells.compactMap { id, v in
            guard v != nil, let (ti, _, c) = where_[id], !stats.tables[ti].growing.contains(stats.tables[ti].colKeys[c]) else { return nil }
            return id
        } ?? [])
        // The adversary's equations are worked out once, from the report as it stands; each
        // attempt below only changes which cells it is given. A cell summary.json prints is given
        // even when the tables hide it.
        let model = Attacker.model(current: stats.published(through: ""), previous: previous).0
        let places = model.ids.map { where_[$0] ?? (0, 0, 0) }, elsewhere = model.ids.map { stats.publishedElsewhere.contains($0) }
        func printed() -> [Int?] {
            zip(places, elsewhere).map { place, known in
                let (ti, r, c) = place
                return stats.tables[ti].suppressed[r][c] && !known ? nil : stats.tables[ti].values[r][c]
            }
        }
        func hidden(_ id: String) -> Bool { where_[id].map { stats.tables[$0.0].suppressed[$0.1][$0.2] } ?? true }
        func value(_ id: String) -> Int { where_[id].map { stats.tables[$0.0].values[$0.1][$0.2] } ?? 0 }
        func setHidden(_ id: String, _ on: Bool) { if let (ti, r, c) = where_[id] { stats.tables[ti].suppressed[r][c] = on } }
        func isTotal(_ id: String) -> Bool { stats.equations.contains { $0.total == id } }
        for _ in 0..<500 {
            // The first disclosed cell by id: the model keeps the cells in the order of their ids.
            guard let weakPlace = model.firstDisclosed(values: printed()) else { return }
            let weak = model.ids[weakPlace]
            // Candidates: published non-zero cells within two relations of the disclosed cell
            // (zeros stay 0, as the contract prints them; cells known from last month give no cover).
            let near = Set(stats.equations.filter { $0.terms.contains(weak) || $0.total == weak }.flatMap { $0.terms + [$0.total] })
            let reach = Set(stats.equations.filter { e in (e.terms + [e.total]).contains { near.contains($0) } }.flatMap { $0.terms + [$0.total] })
            let candidates = reach.filter { !hidden($0) && value($0) > 0 && !knownBefore.contains($0) && !stats.publishedElsewhere.contains($0) }
                .sorted { (isTotal($0) ? 1 : 0, value($0), $0) < (isTotal($1) ? 1 : 0, value($1), $1) }
            guard !candidates.isEmpty else { return }  // nothing left to hide; the attack test reports it
            // The least valuable cell whose hiding alone protects the weak one; else the least valuable, and go on.
            var chosen = candidates[0]
            for c in candidates.prefix(12) {
                setHidden(c, true)
                let r = model.range(of: weakPlace, values: printed())
                setHidden(c, false)
                if let r, !Attacker.discloses(r) { chosen = c; break }
            }
            setHidden(chosen, true)
        }
    }
}
