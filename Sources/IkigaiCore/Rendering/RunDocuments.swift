/// Builds every document of a run from its results, in memory; nothing is
/// written until all pages have passed the HTML guard.
struct RunDocuments: Sendable {
    let intake: IntakeResult
    let register: PersonRegister
    let summary: Summary
    let status: RunStatus
    let schedule: ClassSchedule
    let lotteries: [ClassLottery]
    let usage: UsageStatistics
    let changes: RunDigest.Changes?
    let templates: PageTemplates

    static let staffOnly = "職員"
    static let confidential = "職員・取扱注意"

    var links: [IndexPage.Link] {
        lotteries.map { l in
            IndexPage.Link(href: "lottery/\(RosterPages.safe(l.series.id)).html", audience: RunDocuments.confidential,
                           what: "抽選結果 \(l.series.id) \(l.series.title)（連絡先一覧 -contacts.csv、抽選の記録 -draw.json は個人情報なし）")
        } + [
            .init(href: "validation.html", audience: RunDocuments.staffOnly, what: "入力チェック結果（直し方つき）"),
            .init(href: "validation.csv", audience: RunDocuments.staffOnly, what: "入力チェック結果（Excel 用）"),
            .init(href: "summary.json", audience: "どなたでも", what: "主な数値（個人情報なし・機械読み取り用）"),
            .init(href: "schedule.html", audience: "どなたでも", what: "介護予防講座の年間予定（月ごとのカレンダー、A4印刷用）"),
            .init(href: "schedule.csv", audience: "どなたでも", what: "講座の日程（Excel 用）"),
            .init(href: "schedule.ics", audience: "どなたでも", what: "講座の日程（カレンダーソフトに取り込む用）"),
            .init(href: "stats/usage.html", audience: "区・公表可", what: "利用統計（少ない数は伏せ字、グラフつき、A4印刷用）"),
            .init(href: "stats/", audience: "区・公表可", what: "利用統計の表（Excel 用、1表1ファイル）"),
            .init(href: "rosters/index.html", audience: RunDocuments.confidential, what: "出欠名簿の一覧（講座の回ごと・グループごと、A4印刷用）"),
            .init(href: "people/people.csv", audience: RunDocuments.confidential, what: "各行がどの利用者かの対応表"),
            .init(href: "people/review.html", audience: RunDocuments.confidential, what: "同じ人か確認が必要な組（判定のしかたつき）"),
            .init(href: "people/review.csv", audience: RunDocuments.confidential, what: "同じ人か確認が必要な組（Excel 用、decisions.csv の元）"),
        ]
    }

    func files() throws(PageTemplates.Problem) -> [OutputFile] {
        var out = try mainFiles()
        for l in lotteries {
            let page = LotteryPage(lottery: l, through: intake.through)
            let id = RosterPages.safe(l.series.id)
            out.append(OutputFile(path: "lottery/\(id).html",
                                  text: try templates.page("lottery", page.view, output: "lottery/\(id).html"), confidential: true))
            out.append(OutputFile(path: "lottery/\(id).csv", bytes: page.csv.bytes, confidential: true))
            out.append(OutputFile(path: "lottery/\(id)-contacts.csv", bytes: page.contacts.bytes, confidential: true))
            if let r = l.record { out.append(OutputFile(path: "lottery/\(id)-draw.json", text: r.json, confidential: true)) }
        }
        let usagePage = UsagePage(stats: usage, settings: intake.settings, through: intake.through)
        out.append(OutputFile(path: "stats/usage.html", text: try templates.page("usage", usagePage.view, output: "stats/usage.html"),
                              confidential: false))
        for t in usage.tables {
            out.append(OutputFile(path: "stats/\(t.name).csv", bytes: usagePage.csv(t).bytes, confidential: false))
        }
        let published = PublishedStats(through: intake.through.description, tables: usage.tables, equations: usage.equations)
        out.append(OutputFile(path: "history/stats-\(intake.through).json", bytes: Array(published.json), confidential: false))
        let rosters = RosterPages(intake: intake, register: register, schedule: schedule, lotteries: lotteries)
        let all = rosters.rosters
        out += try templates.pages("roster", all.map { (path: $0.0, view: $0.1) }, confidential: true)
        out.append(OutputFile(path: "rosters/index.html",
                              text: try templates.page("rosters-index", rosters.index(all), output: "rosters/index.html"), confidential: true))
        return out
    }

    func mainFiles() throws(PageTemplates.Problem) -> [OutputFile] {
        let validation = ValidationReport(intake: intake)
        let index = IndexPage(intake: intake, summary: summary, status: status, links: links, register: register,
                              lotteries: lotteries, changes: changes)
        let review = ReviewPage(intake: intake, register: register)
        let plan = SchedulePage(schedule: schedule, settings: intake.settings, classes: intake.classes)
        return [
            OutputFile(path: "index.html", text: try templates.page("index", index.view, output: "index.html"), confidential: false),
            OutputFile(path: "validation.html",
                       text: try templates.page("validation", validation.view(status: status), output: "validation.html"),
                       confidential: false),
            OutputFile(path: "validation.csv", bytes: validation.csv.bytes, confidential: false),
            OutputFile(path: "summary.json", text: summary.json, confidential: false),
            OutputFile(path: "schedule.html", text: try templates.page("schedule", plan.view, output: "schedule.html"), confidential: false),
            OutputFile(path: "schedule.csv", bytes: plan.csv.bytes, confidential: false),
            OutputFile(path: "schedule.ics", text: ICalendar(schedule: schedule, settings: intake.settings).text, confidential: false),
            OutputFile(path: "people/people.csv", bytes: peopleCSV, confidential: true),
            OutputFile(path: "people/review.html", text: try templates.page("review", review.view, output: "people/review.html"), confidential: true),
            OutputFile(path: "people/review.csv", bytes: review.csv.bytes, confidential: true),
            OutputFile(path: "people/ids.csv", bytes: review.ids.bytes, confidential: true),
            OutputFile(path: "README.md", text: try templates.text("Output-README.md"), confidential: false),
        ]
    }

    /// `person,file,row`: one line per accepted row, by file and row.
    var peopleCSV: [UInt8] {
        // Intake rows are already nearly in (file, row) order, which the sort then only confirms.
        let rows = intake.rows.compactMap { r in register.personOf[r.source].map { (r.source, $0) } }
            .sorted { $0.0 < $1.0 }
        var w = CSVTable.Writer(header: ["person", "file", "row"])
        for (source, id) in rows { w.row([id.description, source.file, String(source.row)]) }
        return w.bytes
    }
}
