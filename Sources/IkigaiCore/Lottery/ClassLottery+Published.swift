/// A draw, once made, stays as it was published.
///
/// Every monthly run reads the whole year again, so a class drawn in May was drawn
/// again in June, July and on. The draw is repeatable, but only for the same
/// entrants: one application entered late (dated before the deadline), a typo fixed
/// so that two applications became one person's, or a visit that changed a priority
/// tier, and the same seed gave a different order, so the winners already told by
/// postcard changed in the next month's documents without a word.
///
/// So a class whose draw the previous run recorded (`lottery/<class>-draw.json`,
/// verified) keeps that record's order whatever its entrants are now. What changed
/// is listed on the class's page and said in a notice; `ikigai run --redraw <class>`
/// draws again on purpose.
extension ClassLottery {
    /// `fresh` (drawn from this run's sheets), each class with a previous record kept as that
    /// record drew it, unless named in `redraw`; with a notice for every class whose entrants
    /// changed after its draw. `holders` gives, for a class, the person number that held each
    /// ticket in the previous run: the recorded entrants are found again by person, not by row.
    static func keepingPublished(_ fresh: [ClassLottery], previous: [String: LotteryRecord], holders: [String: [Int: Holder]],
                                 redraw: Set<String>) -> (lotteries: [ClassLottery], findings: [Finding]) {
        var findings: [Finding] = []
        let lotteries = fresh.map { l -> ClassLottery in
            guard let now = l.record, let published = previous[l.series.id], !redraw.contains(l.series.id) else { return l }
            guard published.seed == now.seed, published.deadline == now.deadline, published.priority == now.priority,
                  published.method == now.method else {
                // Settings the manager changed on purpose: drawn again, and said, since the published winners change.
                if published.order != now.order {
                    findings.append(Finding(file: "", row: nil, column: l.series.id, code: .lotteryRedrawn,
                        message: "講座 \(l.series.id) は抽選の条件（種・締切・優先の方法）が前回の抽選と違うため、抽選し直しました。公表した当選者が変わっています。意図した変更か確認してください。"))
                }
                return l
            }
            // The order does not depend on the capacity: a changed capacity moves the line
            // between winners and the waiting list, as a fresh draw would.
            let kept = LotteryRecord(format: published.format, classID: published.classID, capacity: now.capacity,
                                     deadline: published.deadline, seed: published.seed, method: published.method,
                                     priority: published.priority, entrants: published.entrants, inputDigest: published.inputDigest,
                                     order: published.order, winners: Array(published.order.prefix(now.capacity)),
                                     waiting: Array(published.order.dropFirst(now.capacity)))
            // Each ticket is found again by who held it, not by its row: after a sort, the row a
            // winner was on holds someone else's application (the record keeps the rows of the draw).
            let holder = holders[l.series.id] ?? [:]
            let freshByPerson = Dictionary(l.entries.map { ($0.person.number, $0) }, uniquingKeysWith: { a, _ in a })
            // A holder whose number is gone was found since to be someone known before (the
            // smaller number stays): the same name and phone on an entry is the same ticket.
            let freshByContact = Dictionary(l.entries.map { (Holder.contact(name: $0.application.person.name, phone: $0.application.person.phone.digits), $0) },
                                            uniquingKeysWith: { a, _ in a })
            // And one whose phone or name was corrected since: the same row, with the same name
            // or the same phone.
            let freshByRow = Dictionary(l.entries.map { ($0.application.source, $0) }, uniquingKeysWith: { a, _ in a })
            var entries: [Entry] = []
            var excluded = l.excluded
            var matched = Set<Int>()
            var missing = 0, moved = 0
            for e in published.entrants {
                let source = SourceRow(file: e.file, row: e.row)
                let held = holder[e.number]
                let fresh = held.flatMap { h in
                    (freshByPerson[h.person] ?? h.contact.flatMap { freshByContact[$0] }
                        ?? freshByRow[h.source].flatMap { h.isOnRow($0.application) ? $0 : nil })
                        .flatMap { matched.contains($0.person.number) ? nil : $0 }
                }
                guard let held, let fresh else {
                    missing += 1
                    excluded.append(Excluded(source: held?.source ?? source, reason: "抽選の記録にある申込ですが、その人の申込が今回のシートで受け付けられていません（行の削除・修正の可能性。行番号は抽選したとき、またはその後の前回の実行のときのもの）。当選・補欠の一覧からは外しています"))
                    continue
                }
                matched.insert(fresh.person.number)
                // Said once, in the run after the rows moved; the record keeps the draw's rows.
                if fresh.application.source != held.source { moved += 1 }
                entries.append(Entry(number: e.number, application: fresh.application, person: fresh.person, tier: e.tier,
                                     duplicates: fresh.duplicates))
            }
            let added = l.entries.filter { !matched.contains($0.person.number) }
            if missing == 0 && added.isEmpty && moved == 0 { return l.with(record: kept, entries: entries, excluded: l.excluded) }
            for e in added {
                excluded.append(Excluded(source: e.application.source,
                                         reason: "抽選の後に加わった申込です。公表した抽選結果は変えていません（抽選し直すには ikigai run --redraw \(l.series.id)）"))
            }
            let result = l.with(record: kept, entries: entries, excluded: excluded.sorted { $0.source < $1.source })
            if missing == 0 && added.isEmpty {
                findings.append(Finding(file: "", row: nil, column: l.series.id, code: .lotteryKept,
                    message: "講座 \(l.series.id) の申込 \(moved) 件の行が抽選の後に移りました（並べ替え・行の挿入など）。当選・補欠は抽選したときと同じ人のままです。"))
            } else {
                // Told once: a ticket the previous run already listed as a winner was moved up before.
                let up = result.movedUp, newly = up.filter { holder[$0]?.place != "当選" }.count
                let movedUp = newly > 0
                    ? "当選者の申込がなくなったため、補欠から \(newly) 人を新たに繰り上げ当選にしました（講座のページと連絡先一覧に印。連絡してください）。"
                    : up.isEmpty ? "" : "繰り上げ当選の \(up.count) 人は、前回までにお知らせしたとおりです。"
                findings.append(Finding(file: "", row: nil, column: l.series.id, code: .lotteryKept,
                    message: "講座 \(l.series.id) の抽選は前回の結果をそのまま使っています。抽選の後に申込が変わりました（加わった \(added.count) 件、記録にあって見つからない \(missing) 件。lottery/\(l.series.id).html の「抽選の対象にしなかった申込」に一覧）。\(movedUp)抽選し直すときは ikigai run --redraw \(l.series.id) で実行してください（公表した当選者が変わります）。"))
            }
            return result
        }
        return (lotteries, findings)
    }

    /// Who held a ticket in the previous run, the application row it was on then, and its place
    /// there (当選, 補欠; nil when not known).
    struct Holder: Sendable {
        let person: Int
        let source: SourceRow
        var place: String? = nil
        /// The holder's name as the same-person rules compare it (`folded`), and with the phone
        /// (`contact`), when the class list gives them.
        var name: String? = nil
        var phone: String? = nil
        var contact: String? { name.flatMap { n in phone.map { n + "\u{1}" + $0 } } }

        /// Whether the application now on the holder's row is the holder's own, corrected in its
        /// name or its phone (not both).
        func isOnRow(_ application: Application) -> Bool {
            (name != nil && Holder.folded(application.person.name) == name) || (phone != nil && application.person.phone.digits == phone)
        }

        static func folded(_ name: String) -> String { NameFolding.latinCased(NameFolding.name(name)) }

        static func contact(name: String, phone: String) -> String { folded(name) + "\u{1}" + phone }
    }

    /// A published draw record (verified), the class list it was published with
    /// (`lottery/<class>.csv`, which names who held each ticket) and its contact list (the
    /// winners the office calls), all as the previous run wrote them.
    public struct LaterDraw: Sendable {
        public let recordBytes: [UInt8]
        public let list: [UInt8]
        public let contacts: [UInt8]
    }

    /// Each class this run cannot draw (its deadline lies after the run's month) that a run of
    /// a later month already drew, with that draw attached, to be written again as it was.
    ///
    /// Re-running an earlier month after a draw wrote no record for such a class, and the next
    /// run drew it afresh: the same winners while no application had changed, other winners,
    /// without a word, once one had. `previous` holds the verified records and `lists` reads a
    /// class's list and contact list from the previous run; a class named in `redraw` is left
    /// to be drawn again.
    static func keepingLaterDraws(_ lotteries: [ClassLottery], previous: [String: (record: LotteryRecord, bytes: [UInt8])],
                                  redraw: Set<String>, lists: (String) -> (list: [UInt8], contacts: [UInt8])?) -> [ClassLottery] {
        lotteries.map { l in
            guard l.record == nil, !redraw.contains(l.series.id), let published = previous[l.series.id],
                  let listed = lists(l.series.id) else { return l }
            var kept = l
            kept.laterDraw = LaterDraw(recordBytes: published.bytes, list: listed.list, contacts: listed.contacts)
            return kept
        }
    }

    func with(record: LotteryRecord, entries: [Entry], excluded: [Excluded]) -> ClassLottery {
        ClassLottery(series: series, record: record, entries: entries, excluded: excluded)
    }
}
