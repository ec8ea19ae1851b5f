/// One lottery class's draw: entrants (one per person, received by the
/// deadline), what was left out and why, and the drawn order.
public struct ClassLottery: Sendable {
    public let series: ClassSeries
    /// Nil until the run's month reaches the deadline: applications are still coming in.
    public let record: LotteryRecord?
    public let entries: [Entry]
    public let excluded: [Excluded]
    /// Visits to the class by people without a winner's place in it (`attended`).
    public internal(set) var outsiders: [Outsider] = []
    /// A draw published by a run of a later month, kept as it was while this run, of an
    /// earlier month, cannot draw the class (`keepingLaterDraws`).
    public internal(set) var laterDraw: LaterDraw?

    /// One ticket of the draw: a person's application to this class.
    public struct Entry: Sendable {
        public let number: Int
        public let application: Application
        public let person: PersonID
        public let tier: Int
        /// Other applications of the same person, folded into this entry.
        public let duplicates: [SourceRow]
    }

    /// An application left out of the draw, and why (late, not eligible, added after a kept draw).
    public struct Excluded: Sendable {
        public let source: SourceRow
        public let reason: String
    }

    /// Where a ticket ended: a winner or on the waiting list (by rank), or not drawn yet.
    public enum Place: Sendable, Equatable { case winner(Int), waiting(Int), undrawn }

    /// Where one ticket ended. Works out the whole draw's places for each call: for every
    /// ticket in turn, take `places` once (a page that asked this of each of 8,000 tickets
    /// took 4 s, growing with the square of the tickets).
    public func place(of number: Int) -> Place { places[number] ?? .undrawn }

    /// Ticket number → its place, for the tickets drawn (`placed`); tickets not in it are undrawn.
    public var places: [Int: Place] {
        let (winners, waiting) = placed
        var out: [Int: Place] = [:]
        out.reserveCapacity(winners.count + waiting.count)
        for (i, n) in waiting.enumerated().reversed() { out[n] = .waiting(i + 1) }
        for (i, n) in winners.enumerated().reversed() { out[n] = .winner(i + 1) }
        return out
    }

    /// The drawn order of the tickets still held, split at the capacity. When a kept draw's
    /// winner is gone (the application withdrawn or no longer accepted), the next on the
    /// waiting list takes the place (繰り上げ), as the office does; for a fresh draw this is the
    /// record's own winners and waiting list.
    public var placed: (winners: [Int], waiting: [Int]) {
        guard let r = record else { return ([], []) }
        let held = Set(entries.map(\.number))
        let order = r.order.filter(held.contains)
        return (Array(order.prefix(r.capacity)), Array(order.dropFirst(r.capacity)))
    }

    /// Tickets drawn onto the waiting list that hold a winner's place now (繰り上げ当選).
    public var movedUp: Set<Int> {
        guard let r = record else { return [] }
        return Set(placed.winners).subtracting(r.winners)
    }

    public var winners: [Entry] {
        let byNumber = Dictionary(uniqueKeysWithValues: entries.map { ($0.number, $0) })
        return placed.winners.compactMap { byNumber[$0] }
    }

    /// Builds and draws every lottery class of the year. A class is drawn once its deadline
    /// has passed: in the run's month, and (given `today`, the day of the run) in fact; a row
    /// mistyped into a later month (W909) moves the month on, not the day applications close.
    public static func drawAll(intake: IntakeResult, register: PersonRegister, seed: String, today: CivilDate? = nil) -> [ClassLottery] {
        let drawDay = today.map { min(intake.through.lastDay, $0.adding(days: -1)) } ?? intake.through.lastDay
        var preventionVisits: [PersonID: [CivilDate]] = [:]
        for v in intake.visits where v.program == .prevention {
            if let id = register.personOf[v.source] { preventionVisits[id, default: []].append(v.date) }
        }
        // Each class's applications, and the rejected rows naming it, gathered in one walk each:
        // a walk of every row for each lottery class copied the whole year as many times.
        let lotteryIDs = Set(intake.classes.filter { $0.kind == .lottery }.map(\.id))
        var applicationsOf: [String: [Application]] = [:]
        for a in intake.applications where lotteryIDs.contains(a.classID) { applicationsOf[a.classID, default: []].append(a) }
        var rejectedOf: [String: [(source: SourceRow, findings: [Finding])]] = [:]
        for r in intake.rows where r.record == nil {
            if let hint = r.classHint, lotteryIDs.contains(hint) { rejectedOf[hint, default: []].append((r.source, r.findings)) }
        }
        return intake.classes.filter { $0.kind == .lottery }.map { series in
            let deadline = series.deadline ?? series.from
            var excluded: [Excluded] = []
            var firstOf: [PersonID: Application] = [:]
            var extra: [PersonID: [SourceRow]] = [:]
            let apps = (applicationsOf[series.id] ?? []).sorted { ($0.appliedOn, $0.source) < ($1.appliedOn, $1.source) }
            for a in apps {
                if a.appliedOn > deadline {
                    excluded.append(Excluded(source: a.source, reason: "締切（\(deadline.westernJapaneseString)）後の申込（\(a.appliedOn.westernJapaneseString)）"))
                    continue
                }
                guard let id = register.personOf[a.source] else { continue }
                if firstOf[id] == nil { firstOf[id] = a } else { extra[id, default: []].append(a.source) }
            }
            for r in rejectedOf[series.id] ?? [] {
                let why = r.findings.map { "\($0.code.rawValue) \($0.code.title)" }.joined(separator: "、")
                excluded.append(Excluded(source: r.source, reason: "対象外・不備: \(why)"))
            }
            let kept = firstOf.sorted { ($0.value.appliedOn, $0.value.source) < ($1.value.appliedOn, $1.value.source) }
            let entries = kept.enumerated().map { i, pair -> Entry in
                let earlier = (preventionVisits[pair.key] ?? []).contains { $0 <= deadline }
                let tier = intake.settings.lotteryPriority == "first_time" && earlier ? 2 : 1
                return Entry(number: i + 1, application: pair.value, person: pair.key, tier: tier, duplicates: extra[pair.key] ?? [])
            }
            let record: LotteryRecord? = drawDay < deadline ? nil : LotteryRecord.draw(
                classID: series.id, capacity: series.capacity, deadline: deadline.iso, seed: seed,
                priority: intake.settings.lotteryPriority,
                entrants: entries.map { .init(number: $0.number, file: $0.application.source.file, row: $0.application.source.row, tier: $0.tier) })
            return ClassLottery(series: series, record: record, entries: entries, excluded: excluded.sorted { $0.source < $1.source })
        }
    }
}
