/// The result of one lottery class (`lottery/<class>.html` and `.csv`) and
/// its contact list for postcards and calls. Confidential.
struct LotteryPage {
    let lottery: ClassLottery
    let through: YearMonth

    struct Line { let rank: String; let number: String; let name: String; let phone: String; let applied: String; let note: String }
    struct Excluded { let file: String; let row: String; let reason: String }
    struct Outsider { let file: String; let row: String; let date: String; let who: String }
    struct View {
        let id: String; let title: String; let when: String; let room: String; let capacity: Int; let deadline: String
        let applications: Int; let entrants: Int; let duplicates: Int; let excludedCount: Int; let resultLine: String
        let priority: String; let drawn: Bool; let winnerCount: Int; let winners: [Line]; let waitingCount: Int
        let hasWaiting: Bool; let waiting: [Line]; let through: String; let hasExcluded: Bool; let excluded: [Excluded]
        let seed: String; let method: String; let digest: String; let recordFile: String
        let hasOutsiders: Bool; let outsiders: [Outsider]
    }

    var recordFile: String { "lottery/\(lottery.series.id)-draw.json" }

    func line(_ e: ClassLottery.Entry, rank: Int, moved: Set<Int> = []) -> Line {
        var notes: [String] = []
        if !e.duplicates.isEmpty { notes.append("重複申込 \(e.duplicates.count + 1) 件を1票に") }
        if e.tier == 1 && lottery.record?.priority == "first_time" { notes.append("優先") }
        if moved.contains(e.number) { notes.append("繰り上げ当選（当選者の申込がなくなったため）") }
        return Line(rank: String(rank), number: String(e.number), name: e.application.person.name,
                    phone: e.application.person.phone.formatted, applied: e.application.appliedOn.westernJapaneseString,
                    note: notes.joined(separator: "・"))
    }

    var view: View {
        let s = lottery.series
        let byNumber = Dictionary(uniqueKeysWithValues: lottery.entries.map { ($0.number, $0) })
        let r = lottery.record
        let (placedWinners, placedWaiting) = lottery.placed, moved = lottery.movedUp
        let winners = placedWinners.enumerated().compactMap { i, n in byNumber[n].map { line($0, rank: i + 1, moved: moved) } }
        let waiting = placedWaiting.enumerated().compactMap { i, n in byNumber[n].map { line($0, rank: i + 1) } }
        let duplicates = lottery.entries.reduce(0) { $0 + $1.duplicates.count }
        let applications = lottery.entries.count + duplicates + lottery.excluded.count
        let weeks = s.weeks.isEmpty ? "毎週" : "第" + s.weeks.map(String.init).joined(separator: "・第")
        let result: String
        if r == nil, lottery.laterDraw != nil {
            result = "この処理月では未抽選（締切前）。抽選は後の月までの実行で済んでおり、その抽選の記録（\(recordFile)）、当選・補欠の一覧（\(RosterPages.safe(s.id)).csv）と連絡先一覧（\(RosterPages.safe(s.id))-contacts.csv）を変えずに残しています。次に締切の月より後を処理すると、その結果のまま使います。"
        } else if r == nil { result = "未抽選（締切前）" }
        else if lottery.entries.count <= s.capacity { result = "応募者が定員以下のため全員当選（抽選なし）" }
        else { result = "応募 \(lottery.entries.count) 人に対し定員 \(s.capacity) 人（倍率 \(Format.ratio(lottery.entries.count, s.capacity)) 倍）" }
        return View(
            id: s.id, title: s.title, when: "\(weeks)\(CivilDate.weekdayKanji[s.weekday])曜 \(s.start)〜\(s.end)", room: s.room,
            capacity: s.capacity, deadline: s.deadline.map { "\($0.westernJapaneseString)（\($0.japaneseEraString)）" } ?? "",
            applications: applications, entrants: lottery.entries.count, duplicates: duplicates,
            excludedCount: lottery.excluded.count, resultLine: result,
            priority: r?.priority == "first_time" ? "今年度まだ介護予防講座に参加していない人を先に抽選（優先）し、残りをその後に抽選" : "なし（全員同じ条件で抽選）",
            drawn: r != nil, winnerCount: winners.count, winners: winners, waitingCount: waiting.count,
            hasWaiting: !waiting.isEmpty, waiting: waiting, through: through.japanese,
            hasExcluded: !lottery.excluded.isEmpty,
            excluded: lottery.excluded.map { Excluded(file: $0.source.file, row: String($0.source.row), reason: $0.reason) },
            seed: r?.seed ?? "", method: DrawGenerator.method, digest: r?.inputDigest ?? "", recordFile: recordFile,
            hasOutsiders: !lottery.outsiders.isEmpty,
            outsiders: lottery.outsiders.map { o in
                Outsider(file: o.source.file, row: String(o.source.row), date: o.date.westernJapaneseString,
                         who: o.waitingRank.map { "補欠 \($0) 番" } ?? "この講座の申込なし（締切後・対象外の申込を含む）")
            })
    }

    /// Every entrant with their place, for the office's own lists.
    ///
    /// Phones are written with hyphens (03-1234-5678) in both CSVs: staff open them in Excel,
    /// which reads a cell of digits alone as a number and drops its leading 0.
    var csv: CSVTable {
        // `person` is how the next run finds each ticket's holder again, whatever rows move.
        let places = lottery.places
        return CSVTable(header: ["number", "place", "rank", "name", "phone", "applied_on", "tier", "file", "row", "person"],
                 rows: lottery.entries.map { e in
                     let (place, rank): (String, String)
                     switch places[e.number] ?? .undrawn {
                     case .winner(let k): (place, rank) = ("当選", String(k))
                     case .waiting(let k): (place, rank) = ("補欠", String(k))
                     case .undrawn: (place, rank) = ("未抽選", "")
                     }
                     return [String(e.number), place, rank, e.application.person.name, e.application.person.phone.formatted,
                             e.application.appliedOn.iso, String(e.tier), e.application.source.file, String(e.application.source.row),
                             e.person.description]
                 })
    }

    /// Name, address and phone of winners and the waiting list, in order, for postcards and calls.
    var contacts: CSVTable {
        let byNumber = Dictionary(uniqueKeysWithValues: lottery.entries.map { ($0.number, $0) })
        var rows: [[String]] = []
        let (winners, waiting) = lottery.placed, moved = lottery.movedUp
        for (i, n) in winners.enumerated() {
            if let e = byNumber[n] {
                rows.append([moved.contains(n) ? "当選（繰り上げ）" : "当選", String(i + 1), e.application.person.name, e.application.residence.written,
                             e.application.person.phone.formatted])
            }
        }
        for (i, n) in waiting.enumerated() {
            if let e = byNumber[n] { rows.append(["補欠", String(i + 1), e.application.person.name, e.application.residence.written, e.application.person.phone.formatted]) }
        }
        return CSVTable(header: ["結果", "順", "氏名", "住所", "電話番号"], rows: rows)
    }
}
