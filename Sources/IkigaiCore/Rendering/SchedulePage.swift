/// `schedule.html`: a summary page (planned against the target, per class,
/// lottery deadlines), then one printable A4 month calendar per page with
/// holidays named and skipped or moved sessions marked.
struct SchedulePage {
    let schedule: ClassSchedule
    let settings: Settings
    let classes: [ClassSeries]

    struct ClassRow { let id: String; let title: String; let kind: String; let when: String; let room: String; let held: String; let notHeld: String; let deadline: String }
    struct Item { let text: String; let css: String }
    struct Day { let day: String; let css: String; let label: String; let items: [Item] }
    struct Week { let days: [Day] }
    struct ListRow { let western: String; let era: String; let time: String; let id: String; let title: String; let room: String; let note: String }
    struct Month { let title: String; let eraTitle: String; let weeks: [Week]; let rows: [ListRow]; let hasRows: Bool }

    struct View {
        let title: String
        let planned: Int
        let target: Int
        let difference: String
        let classes: [ClassRow]
        let months: [Month]
        let generatedFor: String
    }

    static func monthEraTitle(_ first: CivilDate) -> String {
        guard let era = JapaneseEra.era(of: first) else { return "" }
        let y = first.year - era.firstDay.year + 1
        return "\(era.name)\(y == 1 ? "元" : String(y))年\(first.month)月"
    }

    var view: View {
        let held = schedule.held
        let target = settings.targetSessions
        let diff = held.count - target
        let classRows = classes.map { c -> ClassRow in
            let mine = schedule.sessions.filter { $0.series.id == c.id }
            let weeks = c.weeks.isEmpty ? "毎週" : "第" + c.weeks.map(String.init).joined(separator: "・第")
            return ClassRow(id: c.id, title: c.title, kind: c.kind.rawValue,
                            when: "\(weeks)\(CivilDate.weekdayKanji[c.weekday])曜 \(c.start)〜\(c.end)（祝日は\(c.onHoliday.rawValue)）",
                            room: c.room, held: String(mine.filter(\.isHeld).count),
                            notHeld: String(mine.filter { !$0.isHeld }.count),
                            deadline: c.deadline.map { "\($0.westernJapaneseString)\n\($0.japaneseEraString)" } ?? "")
        }
        var months: [Month] = []
        var first = YearMonth(settings.fiscalYearStart)
        let last = YearMonth(settings.fiscalYearEnd)
        while first <= last {
            months.append(month(first))
            first = YearMonth(first.lastDay.adding(days: 1))
        }
        return View(
            title: "介護予防講座 年間予定 \(settings.fiscalYear)年度",
            planned: held.count, target: target,
            difference: diff == 0 ? "目標どおり" : diff > 0 ? "目標より \(diff) 回多い" : "目標より \(-diff) 回少ない",
            classes: classRows, months: months,
            generatedFor: "\(settings.prefecture)\(settings.wardName) \(settings.area.name)")
    }

    func month(_ ym: YearMonth) -> Month {
        let byDay = Dictionary(grouping: schedule.sessions) { $0.date }
        var weeks: [Week] = []
        var days: [Day] = Array(repeating: Day(day: "", css: "blank", label: "", items: []), count: ym.firstDay.weekday)
        var rows: [ListRow] = []
        var d = ym.firstDay
        while d <= ym.lastDay {
            let holiday = schedule.holidays[d]
            let closed = schedule.closures.contains(d)
            var items: [Item] = []
            for s in byDay[d] ?? [] {
                let base = "\(s.series.start) \(s.series.id) \(s.series.title)"
                var note = ""
                switch s.status {
                case .regular: items.append(Item(text: base, css: "session"))
                case .moved(let from, let reason):
                    note = "\(from.month)/\(from.day)（\(reason)）から移動"
                    items.append(Item(text: base + "（\(from.month)/\(from.day)から移動）", css: "session moved"))
                case .skipped(let reason):
                    note = "休止（\(reason)）"
                    items.append(Item(text: "休止 \(s.series.id) \(s.series.title)", css: "cancelled"))
                case .dropped(let reason):
                    note = "中止（\(reason)）"
                    items.append(Item(text: "中止 \(s.series.id) \(s.series.title)", css: "cancelled"))
                }
                rows.append(ListRow(western: d.westernJapaneseString, era: d.japaneseEraString,
                                    time: "\(s.series.start)〜\(s.series.end)", id: s.series.id, title: s.series.title,
                                    room: s.series.room, note: note))
            }
            var css = d.weekday == 0 ? "sun" : d.weekday == 6 ? "sat" : "day"
            if holiday != nil { css = "holiday" } else if closed { css = "closed" }
            days.append(Day(day: String(d.day), css: css, label: holiday ?? (closed ? "休館日" : ""), items: items))
            if days.count == 7 {
                weeks.append(Week(days: days))
                days = []
            }
            d = d.adding(days: 1)
        }
        if !days.isEmpty {
            days += Array(repeating: Day(day: "", css: "blank", label: "", items: []), count: 7 - days.count)
            weeks.append(Week(days: days))
        }
        return Month(title: "\(ym.year)年\(ym.month)月", eraTitle: SchedulePage.monthEraTitle(ym.firstDay),
                     weeks: weeks, rows: rows, hasRows: !rows.isEmpty)
    }

    /// `date,start,end,class_id,title,room`: the held sessions, for Excel.
    var csv: CSVTable {
        CSVTable(header: ["date", "start", "end", "class_id", "title", "room"],
                 rows: schedule.held.map { [$0.date.iso, $0.series.start.description, $0.series.end.description, $0.series.id, $0.series.title, $0.series.room] })
    }
}
