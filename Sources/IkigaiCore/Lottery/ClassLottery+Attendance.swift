/// Who came to a drawn class without a winner's place in it.
///
/// A lottery class is filled by its draw: only the winners (with those moved up from the
/// waiting list) have a place. A visit to one of its sessions by anyone else is a person
/// from the waiting list let in at the door, someone who never applied, or a visit written
/// under the wrong class ID; each was counted with no word. The office needs to know which,
/// so the class page lists them and the front page says how many.
extension ClassLottery {
    /// A visit to this class by someone who holds no winner's place in it.
    public struct Outsider: Sendable {
        public let source: SourceRow
        public let date: CivilDate
        public let person: PersonID
        /// Their place on the waiting list, or nil when they hold no ticket of this class.
        public let waitingRank: Int?
    }

    /// The classes with their outsiders found, and one notice (W911) for each drawn class some
    /// outsider came to: how many people and visits, how many of them wait on its list, and the
    /// first row, so the manager can tell a waiting-list person let in from a visit written under
    /// the wrong class. The visits are walked once for all classes.
    static func attended(_ lotteries: [ClassLottery], intake: IntakeResult, register: PersonRegister)
        -> (lotteries: [ClassLottery], findings: [Finding]) {
        var drawn: [String: Int] = [:]
        for (i, l) in lotteries.enumerated() where l.record != nil { drawn[l.series.id] = i }
        guard !drawn.isEmpty else { return (lotteries, []) }
        var visits = [[Visit]](repeating: [], count: lotteries.count)
        for v in intake.visits where v.program == .prevention {
            if let i = drawn[v.event] { visits[i].append(v) }
        }
        var out = lotteries, findings: [Finding] = []
        for (i, l) in lotteries.enumerated() where !visits[i].isEmpty {
            out[i].outsiders = l.outsiders(among: visits[i], register: register)
            guard let first = out[i].outsiders.first else { continue }
            let people = Set(out[i].outsiders.map(\.person))
            let waiting = Set(out[i].outsiders.filter { $0.waitingRank != nil }.map(\.person)).count
            let id = l.series.id
            findings.append(Finding(
                file: first.source.file, row: first.source.row, column: "行事", code: .lotteryOutsider,
                message: "抽選講座 \(id) の来館記録に、当選者（繰り上げを含む）でない人が \(people.count) 人（のべ \(out[i].outsiders.count) 回、うち補欠の人 \(waiting) 人・申込のない人（締切後・対象外の申込を含む） \(people.count - waiting) 人）あります（この行が最初。一覧は lottery/\(id).html）。"
                    + "当選者の辞退で補欠の人に来てもらったなら、辞退した人の申込の行を消すと繰り上げ当選になり、名簿にも載ります。そうでなければ、行事の講座IDと日付を確かめてください。"))
        }
        return (out, findings)
    }

    /// Of this class's visits, those after the deadline by people who are not among its
    /// winners, in (file, row) order. None before the draw: until then no one holds a place.
    private func outsiders(among visits: [Visit], register: PersonRegister) -> [Outsider] {
        guard record != nil else { return [] }
        let deadline = series.deadline ?? series.from
        let byNumber = Dictionary(entries.map { ($0.number, $0.person) }, uniquingKeysWith: { a, _ in a })
        let (winners, waiting) = placed
        let placed = Set(winners.compactMap { byNumber[$0] })
        var rank: [PersonID: Int] = [:]
        for (i, n) in waiting.enumerated() { if let p = byNumber[n], rank[p] == nil { rank[p] = i + 1 } }
        var out: [Outsider] = []
        for v in visits where v.date > deadline {
            guard let person = register.personOf[v.source], !placed.contains(person) else { continue }
            out.append(Outsider(source: v.source, date: v.date, person: person, waitingRank: rank[person]))
        }
        return out.sorted { $0.source < $1.source }
    }
}
