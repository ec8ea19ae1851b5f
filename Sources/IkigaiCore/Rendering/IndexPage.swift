/// `index.html`: the front page of the month: status first, then the
/// headline figures against the eligible population and the expected users,
/// the sheets read, and links to every document.
struct IndexPage {
    let intake: IntakeResult
    let summary: Summary
    let status: RunStatus
    let links: [Link]
    let register: PersonRegister
    let lotteries: [ClassLottery]
    let changes: RunDigest.Changes?

    struct Figure { let label: String; let value: String; let note: String }
    struct SheetRow {
        let path: String; let kind: String; let encoding: String
        let read: String; let accepted: String; let rejected: String; let held: String; let deferred: String
    }
    struct EventRow { let program: String; let event: String; let days: String; let visits: String }
    struct Notice { let code: String; let file: String; let message: String }
    struct Link { let href: String; let audience: String; let what: String }

    struct View {
        let title: String
        let wardName: String
        let areaName: String
        let fiscalYearLabel: String
        let throughLabel: String
        let statusClass: String
        let statusHeadline: String
        let attention: [String]
        let figures: [Figure]
        let sheets: [SheetRow]
        let hasNotices: Bool
        let notices: [Notice]
        let links: [Link]
        let events: [EventRow]
        let hasChanges: Bool
        let changes: [String]
    }

    /// What changed since the previous run in this output folder.
    var changeLines: [String] {
        guard let c = changes else { return [] }
        return ["前回（\(c.previousThrough)まで）から: 読み込んだ行 \(c.newRows >= 0 ? "+" : "")\(c.newRows) 行",
                "新しい利用者 \(c.newPeople) 人",
                "前回受け付けられず、今回直っていた行 \(c.fixed) 行",
                "今回新たに受け付けられなかった行 \(c.newlyRejected) 行"]
    }

    /// Accepted visits by program and event title (class title for classes).
    var events: [EventRow] {
        struct Key: Hashable { let program: Program; let event: TextKey }
        var slotOf: [Key: Int] = [:]
        var keys: [Key] = [], visits: [Int] = [], days: [Set<CivilDate>] = []
        // A sheet lists one event's visitors together, mostly on one day: the previous row's
        // event and date are checked before any hashing (at 100× the table and the sets of
        // days were looked up 2 million times, most of this page's time).
        var last: (program: Program, event: String, date: CivilDate, slot: Int)?
        for v in intake.visits {
            let slot: Int
            if let l = last, l.program == v.program, TextKey(l.event) == TextKey(v.event) {  // bytes, as the table compares
                slot = l.slot
                if l.date == v.date {
                    visits[slot] += 1
                    continue
                }
            } else {
                let k = Key(program: v.program, event: TextKey(v.event))
                if let known = slotOf[k] { slot = known } else {
                    slot = keys.count
                    slotOf[k] = slot
                    keys.append(k)
                    visits.append(0)
                    days.append([])
                }
            }
            visits[slot] += 1
            days[slot].insert(v.date)
            last = (v.program, v.event, v.date, slot)
        }
        let titles = Dictionary(intake.classes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let order = keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            return a.program != b.program ? a.program < b.program : a.event.text.utf8.lexicographicallyPrecedes(b.event.text.utf8)
        }
        return order.map { i in
            let k = keys[i]
            return EventRow(program: k.program.japanese,
                            event: titles[k.event.text].map { "\(k.event.text) \($0)" } ?? k.event.text,
                            days: Format.number(days[i].count), visits: Format.number(visits[i]))
        }
    }

    static func kindLabel(_ k: SheetKind) -> String {
        switch k {
        case .groups: return "グループ名簿"
        case .visits: return "来館記録"
        case .applications: return "講座申込"
        case .classes: return "講座一覧"
        case .decisions: return "名寄せ判定"
        }
    }

    var view: View {
        let s = intake.settings
        var attention: [String] = []
        if !intake.refusedSheets.isEmpty {
            attention.append("読み込めなかったシート \(intake.refusedSheets.count) 件: \(intake.refusedSheets.joined(separator: "、"))（理由は入力チェック結果）")
        }
        if intake.rowsRejected > 0 {
            attention.append("受け付けられなかった行 \(intake.rowsRejected) 行（うち保留 \(intake.rowsHeld) 行）")
        }
        let classProblems = intake.findings.filter { $0.file.lowercased() == "classes.csv" && $0.code.kind == .rejected }.count
        if classProblems > 0 { attention.append("classes.csv の講座設定に誤り \(classProblems) 件") }
        if !register.reviews.isEmpty {
            attention.append("同じ人か確認が必要な組 \(register.reviews.count) 組（people/review.html、判定は decisions.csv へ）")
        }
        for l in lotteries where l.entries.isEmpty {
            if let d = l.series.deadline, d <= intake.through.lastDay {
                attention.append("抽選講座 \(l.series.id) \(l.series.title) は締切（\(d.westernJapaneseString)）を過ぎても申込がありません")
            }
        }
        if intake.deferredRows > 0 {
            attention.append("\(intake.through.japanese)より後の日付の行 \(intake.deferredRows) 行は次回以降に読み込みます")
        }
        let pct = { (x: Double) in Format.percent(x) }
        let figures = [
            Figure(label: "読み込んだ行", value: Format.number(summary.rowsRead), note: "グループ名簿・来館記録・講座申込の行（空行を除く）"),
            Figure(label: "受け付けた行", value: Format.number(summary.rowsAccepted), note: ""),
            Figure(label: "受け付けられなかった行", value: Format.number(summary.rowsRejected), note: "保留 \(intake.rowsHeld) 行を含む"),
            Figure(label: "利用者数（実人数）", value: Format.number(summary.people), note: "同じ人は事業をまたいで1人と数えます"),
            Figure(label: "　いきがいづくり支援", value: Format.number(summary.peopleByProgram[.ikigai] ?? 0), note: "グループ名簿の登録者"),
            Figure(label: "　地域交流支援", value: Format.number(summary.peopleByProgram[.exchange] ?? 0), note: "交流行事の来館者"),
            Figure(label: "　介護予防", value: Format.number(summary.peopleByProgram[.prevention] ?? 0), note: "講座の参加者・申込者"),
            Figure(label: "来館のべ人数", value: Format.number(summary.visits), note: "受け付けた来館記録の行数"),
            Figure(label: "講座の予定回数", value: "\(Format.number(summary.sessionsPlanned)) / \(Format.number(s.targetSessions))", note: "年間目標 \(s.targetSessions) 回"),
            Figure(label: "対象者数", value: Format.number(s.area.eligiblePopulation), note: "\(s.area.name)の60歳以上（\(s.area.eligibleAsOf.westernJapaneseString)現在）"),
            Figure(label: "対象者に占める利用者の割合", value: pct(summary.coverageOfEligible), note: "\(s.area.name)に住む利用者 \(Format.number(summary.peopleInArea)) 人 ÷ 対象者数"),
            Figure(label: "見込み利用者数に対する達成率", value: pct(summary.progressToExpected), note: "利用者数 ÷ 見込み \(Format.number(s.area.expectedUsers)) 人"),
        ]
        let sheets = intake.sheets.map { sh in
            SheetRow(path: sh.path, kind: IndexPage.kindLabel(sh.kind), encoding: sh.refused ? "読込不可" : sh.encoding?.rawValue ?? "",
                     read: String(sh.read), accepted: String(sh.accepted), rejected: String(sh.rejected),
                     held: String(sh.held), deferred: String(sh.deferred))
        }
        let notices = intake.findings.filter { $0.code.kind == .notice }.map {
            Notice(code: $0.code.rawValue, file: $0.file + ($0.row.map { " \($0)行目" } ?? ""), message: $0.message)
        }
        return View(
            title: "いきがい事業 月次処理", wardName: "\(s.prefecture)\(s.wardName)", areaName: s.area.name,
            fiscalYearLabel: "\(s.fiscalYear)年度", throughLabel: intake.through.japanese,
            statusClass: status.cssClass, statusHeadline: status.headline, attention: attention,
            figures: figures, sheets: sheets, hasNotices: !notices.isEmpty, notices: notices, links: links, events: events,
            hasChanges: changes != nil, changes: changeLines)
    }
}
