import Dispatch
import Synchronization

/// Builds every document of a run from its results, in memory; nothing is
/// written until all pages have passed the HTML guard.
struct RunDocuments: Sendable {
    /// The templates a run renders (partials included) and the plain files it copies.
    static let templatePages = ["index", "validation", "schedule", "review", "lottery", "usage", "roster", "rosters-index",
                                "_style", "_confidential"]
    static let templateFiles = ["Output-README.md"]

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

    /// One piece of rendering: a document or a few that are built together.
    /// (Jobs return results rather than throw: typed-throwing closures kept in an
    /// array crashed the Swift 6.3 compiler.)
    typealias Job = @Sendable () -> [Result<OutputFile, PageTemplates.Problem>]

    /// Every document, rendered on all cores in two rounds. The first takes the
    /// main pages (largest first) together with building the roster views; the
    /// second renders each roster page and their index. (Building the rosters
    /// before any page was started left a core idle for a fifth of this step
    /// at 100×.) Files come back in job order; the first problem in that order
    /// is thrown.
    func files() throws(PageTemplates.Problem) -> [OutputFile] {
        HTMLGuard.prepare()
        let rosters = RosterPages(intake: intake, register: register, schedule: schedule, lotteries: lotteries)
        let sessionViews = Mutex<[(String, RosterPages.View)]>([]), groupViews = Mutex<[(String, RosterPages.View)]>([])
        let first = mainJobs + [
            { sessionViews.withLock { $0 = rosters.sessionRosters }; return [] },
            { groupViews.withLock { $0 = rosters.groupRosters }; return [] },
        ]
        var out = try RunDocuments.run(first, templates: templates)
        let all = sessionViews.withLock { $0 } + groupViews.withLock { $0 }
        out += try RunDocuments.run(rosterJobs(all, rosters: rosters), templates: templates)
        return out
    }

    private static func run(_ jobs: [Job], templates: PageTemplates) throws(PageTemplates.Problem) -> [OutputFile] {
        let results = Mutex([Int: [Result<OutputFile, PageTemplates.Problem>]]())
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let r = jobs[i]()
            results.withLock { $0[i] = r }
        }
        let done = results.withLock { $0 }
        var out: [OutputFile] = []
        for i in jobs.indices {
            guard let made = done[i] else {
                throw PageTemplates.Problem(file: templates.directory, reason: "文書を作れませんでした (a document was not rendered)")
            }
            for r in made { out.append(try r.get()) }
        }
        return out
    }

    /// Every document but the rosters, as jobs in the order the files are listed.
    var mainJobs: [Job] {
        let templates = self.templates, intake = self.intake, status = self.status, summary = self.summary
        let register = self.register, lotteries = self.lotteries, links = self.links, changes = self.changes
        let schedule = self.schedule, me = self
        var jobs: [Job] = [
            {
                let index = IndexPage(intake: intake, summary: summary, status: status, links: links, register: register,
                                      lotteries: lotteries, changes: changes)
                return [templates.file("index", index.view, path: "index.html", confidential: false)]
            },
            { [templates.file("validation", ValidationReport(intake: intake).view(status: status), path: "validation.html", confidential: false)] },
            { [.success(OutputFile(path: "validation.csv", bytes: ValidationReport(intake: intake).csv.bytes, confidential: false)),
               .success(OutputFile(path: "summary.json", text: summary.json, confidential: false))] },
            {
                let plan = SchedulePage(schedule: schedule, settings: intake.settings, classes: intake.classes)
                return [templates.file("schedule", plan.view, path: "schedule.html", confidential: false),
                        .success(OutputFile(path: "schedule.csv", bytes: plan.csv.bytes, confidential: false)),
                        .success(OutputFile(path: "schedule.ics", text: ICalendar(schedule: schedule, settings: intake.settings).text,
                                            confidential: false))]
            },
            { [.success(OutputFile(path: "people/people.csv", bytes: me.peopleCSV, confidential: true))] },
            {
                let review = ReviewPage(intake: intake, register: register)
                return [templates.file("review", review.view, path: "people/review.html", confidential: true),
                        .success(OutputFile(path: "people/review.csv", bytes: review.csv.bytes, confidential: true))]
            },
            { [.success(OutputFile(path: "people/ids.csv", bytes: ReviewPage(intake: intake, register: register).ids.bytes, confidential: true))] },
            { [templates.copy("Output-README.md", path: "README.md", confidential: false)] },
        ]
        for l in lotteries {
            jobs.append {
                let page = LotteryPage(lottery: l, through: intake.through)
                let id = RosterPages.safe(l.series.id)
                // A draw a later month's run published is written back as it was, with the list that
                // names who held each ticket (the next run of a later month keeps the draw from them)
                // and the winners' contacts the office may still be calling.
                var out = [
                    templates.file("lottery", page.view, path: "lottery/\(id).html", confidential: true),
                    .success(OutputFile(path: "lottery/\(id).csv", bytes: l.laterDraw?.list ?? page.csv.bytes, confidential: true)),
                    .success(OutputFile(path: "lottery/\(id)-contacts.csv", bytes: l.laterDraw?.contacts ?? page.contacts.bytes,
                                        confidential: true)),
                ]
                if let r = l.record { out.append(.success(OutputFile(path: "lottery/\(id)-draw.json", text: r.json, confidential: true))) }
                else if let later = l.laterDraw {
                    out.append(.success(OutputFile(path: "lottery/\(id)-draw.json", bytes: later.recordBytes, confidential: true)))
                }
                return out
            }
        }
        let usage = self.usage
        jobs.append {
            let usagePage = UsagePage(stats: usage, settings: intake.settings, through: intake.through)
            var out = [templates.file("usage", usagePage.view, path: "stats/usage.html", confidential: false)]
            for t in usage.tables {
                out.append(.success(OutputFile(path: "stats/\(t.name).csv", bytes: usagePage.csv(t).bytes, confidential: false)))
            }
            let published = usage.published(through: intake.through.description)
            out.append(.success(OutputFile(path: "history/stats-\(intake.through).json", bytes: Array(published.json), confidential: false)))
            return out
        }
        return jobs
    }

    /// One job per roster page, then their index.
    func rosterJobs(_ all: [(String, RosterPages.View)], rosters: RosterPages) -> [Job] {
        let templates = self.templates
        var jobs: [Job] = all.map { path, view in { [templates.file("roster", view, path: path, confidential: true)] } }
        let rosterIndex = rosters.index(all)
        jobs.append { [templates.file("rosters-index", rosterIndex, path: "rosters/index.html", confidential: true)] }
        return jobs
    }

    /// `person,file,row`: one line per accepted row, by file and row.
    ///
    /// Written as bytes: at 100× the 2.3 million lines built three strings each, which made
    /// this the longest job of the step. Each sheet's name is escaped once.
    var peopleCSV: [UInt8] {
        var out = CSVTable.Writer(header: ["person", "file", "row"]).bytes
        // A line is the ID, the sheet's name, the row and four separators: sized for the
        // longest name, so that the buffer of some 80 MB at 100× is never grown by copying.
        out.reserveCapacity(out.count + register.personOf.count * (register.personOf.longestFileName + 24))
        var lastFile: String?
        var fileCell: [UInt8] = []
        for (source, id) in register.personOf {
            if id.number >= 0 {
                out.append(0x50)  // P, then at least five digits, as PersonID.description
                RunDocuments.appendDigits(id.number, minWidth: 5, to: &out)
            } else {
                CSVTable.append(id.description, to: &out)
            }
            out.append(0x2C)
            if source.file != lastFile {
                fileCell = []
                CSVTable.append(source.file, to: &fileCell)
                lastFile = source.file
            }
            out.append(contentsOf: fileCell)
            out.append(0x2C)
            RunDocuments.appendDigits(source.row, minWidth: 1, to: &out)  // rows kept are never negative
            out.append(0x0D)
            out.append(0x0A)
        }
        return out
    }

    /// `n` in decimal, padded with zeros to `minWidth`. The width is counted first and the
    /// digits written from the right into place: appending digit by digit and reversing the
    /// run was a fifth of writing people.csv at 100× (perf), twice for each of its 2.3 M lines.
    static func appendDigits(_ n: Int, minWidth: Int, to out: inout [UInt8]) {
        guard n >= 0 else {
            out.append(contentsOf: String(n).utf8)
            return
        }
        var width = 1, v = n
        while v >= 10 { v /= 10; width += 1 }
        let count = max(width, minWidth), start = out.count
        out.append(contentsOf: repeatElement(0x30, count: count))
        out.withUnsafeMutableBufferPointer { p in
            var v = n, i = start + count - 1
            repeat {
                p[i] = UInt8(0x30 + v % 10)
                v /= 10
                i -= 1
            } while v > 0
        }
    }
}
