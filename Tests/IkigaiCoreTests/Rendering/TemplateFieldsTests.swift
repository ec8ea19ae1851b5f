import Testing
@testable import IkigaiCore

/// The page rows that answer the templates directly must answer exactly what
/// reflection would, for every property, or a page would silently lose a cell.
@Suite("Page rows answer the templates like their properties")
struct TemplateFieldsTests {
    /// An optional property's value, or nil, as reflection gives it (a nil section is not rendered).
    func unwrapped(_ value: Any) -> Any? {
        let m = Mirror(reflecting: value)
        return m.displayStyle == .optional ? m.children.first?.value : value
    }

    func agrees(_ value: some TemplateFields) {
        let children = Mirror(reflecting: value).children
        #expect(!children.isEmpty)
        for child in children {
            guard let label = child.label else { continue }
            let direct = value.field(label)
            guard let expected = unwrapped(child.value) else {
                #expect(direct == nil, "\(type(of: value)).\(label) is nil but answers \(String(describing: direct))")
                continue
            }
            #expect(direct != nil, "\(type(of: value)).\(label) is not answered")
            #expect(String(describing: direct ?? "∅") == String(describing: expected), "\(type(of: value)).\(label)")
        }
        #expect(value.field("notAProperty") == nil)
    }

    @Test func everyRow() {
        agrees(ValidationReport.Item(row: "2", column: "氏名", code: "R201", message: "m"))
        agrees(RosterPages.Person(no: "1", name: "架空 太郎", phone: "03-0000-0000"))
        agrees(RosterPages.IndexRow(href: "h", western: "w", era: "e", title: "t", count: "3"))
        let side = ReviewPage.Side(file: "visits/2018-04.csv", row: "2行目", name: "架空 花子", kana: "カクウ", phone: "03-0000-0000",
                                   date: "2018-04-02", detail: "d")
        agrees(side)
        agrees(ReviewPage.Side(file: "groups/a.csv", row: "2行目", name: "架空 花子", kana: nil, phone: "03-0000-0000", date: nil, detail: "d"))
        let pair = ReviewPage.Pair(likelihood: "0.5", pair: "k", a: side, b: side, reasonsFor: "f", reasonsAgainst: "a")
        agrees(pair)
        agrees(ReviewPage.View(fiscalYearLabel: "2018年度", count: 1, hasPairs: true, pairs: [pair]))
        let line = RosterPages.Line(label: "日付", value: "2018年5月10日")
        agrees(line)
        agrees(RosterPages.View(kindLabel: "講座名簿", title: "K01", lines: [line], ticks: ["出席"],
                                people: [RosterPages.Person(no: "1", name: "架空 太郎", phone: "03")], blanks: ["2"], countLine: "1 人"))
        let item = ValidationReport.Item(row: "2", column: "氏名", code: "R201", message: "m")
        let group = ValidationReport.FileGroup(file: "visits/2018-05.csv", items: [item])
        agrees(group)
        agrees(ValidationReport.View(fiscalYearLabel: "2018年度", throughLabel: "2018年9月", statusClass: "warn", statusHeadline: "h",
                                     read: 3, accepted: 2, rejected: 1, held: 0, hasCounts: true,
                                     counts: [ValidationReport.Count(code: "R201", title: "t", treatment: "x", count: 1)], files: [group]))
    }

    @Test func everyPartOfTheUsagePage() {
        let cell = UsagePage.Cell(text: "*", css: "num hidden")
        agrees(cell)
        let row = UsagePage.Row(label: "60〜64歳", cells: [cell])
        agrees(row)
        let table = UsagePage.Table(title: "年齢別", unit: "人", file: "stats/people_by_age.csv", headers: ["4月"], rows: [row])
        agrees(table)
        let rate = UsagePage.Rate(label: "K01 体操", capacity: "20", sessions: "22", average: "15.0", fill: "75%", ratio: "（自由参加）")
        agrees(rate)
        agrees(UsagePage.View(rates: [rate], title: "t", ward: "新宿区", through: "2019年3月", minCell: 5, minCellMinus1: 4,
                              coverage: "39%", progress: "98%", coverageNote: "c", progressNote: "p", chartPeople: "<svg/>",
                              chartPrograms: "<svg/>", chartAges: "<svg/>", tables: [table]))
    }

    @Test func everyPartOfTheFrontPage() {
        let figure = IndexPage.Figure(label: "利用者", value: "3,912 人", note: "n")
        let sheet = IndexPage.SheetRow(path: "visits/2018-05.csv", kind: "来館", encoding: "UTF-8", read: "2,000", accepted: "1,990",
                                       rejected: "8", held: "2", deferred: "0")
        let event = IndexPage.EventRow(program: "地域交流支援", event: "喫茶", days: "4", visits: "120")
        let notice = IndexPage.Notice(code: "W905", file: "visits/2018-05.csv", message: "m")
        let link = IndexPage.Link(href: "validation.html", audience: "職員", what: "w")
        for row in [figure, sheet, event, notice, link] as [any TemplateFields] { agrees(row) }
        agrees(IndexPage.View(title: "t", wardName: "新宿区", areaName: "a", fiscalYearLabel: "2018年度", throughLabel: "2019年3月",
                              statusClass: "ok", statusHeadline: "h", attention: ["x"], figures: [figure], sheets: [sheet], hasNotices: true,
                              notices: [notice], links: [link], events: [event], hasChanges: false, changes: []))
    }

    @Test func everyLineOfALotteryPage() {
        agrees(LotteryPage.Line(rank: "1", number: "12", name: "架空 太郎", phone: "03-0000-0000", applied: "2018-05-01", note: "重複 1 件"))
        agrees(LotteryPage.Excluded(file: "applications/2018-05.csv", row: "3行目", reason: "締切後"))
        agrees(LotteryPage.Outsider(file: "visits/2018-06.csv", row: "4行目", date: "2018-06-10", who: "落選の方"))
    }

    @Test func everyPartOfTheSchedule() {
        let item = SchedulePage.Item(text: "10:00 K01 体操", css: "session")
        agrees(item)
        let day = SchedulePage.Day(day: "10", css: "holiday", label: "昭和の日", items: [item])
        agrees(day)
        agrees(SchedulePage.Week(days: [day]))
        let row = SchedulePage.ListRow(western: "2018-04-10", era: "平成30年4月10日", time: "10:00〜11:30", id: "K01", title: "体操",
                                       room: "多目的室", note: "翌週へ")
        agrees(row)
        let month = SchedulePage.Month(title: "2018年4月", eraTitle: "平成30年4月", weeks: [SchedulePage.Week(days: [day])], rows: [row], hasRows: true)
        agrees(month)
        let c = SchedulePage.ClassRow(id: "K01", title: "体操", kind: "自由", when: "火 10:00", room: "多目的室", held: "22", notHeld: "2",
                                      deadline: "")
        agrees(c)
        agrees(SchedulePage.View(title: "t", planned: 96, target: 96, difference: "±0", classes: [c], months: [month], generatedFor: "g"))
    }
}
