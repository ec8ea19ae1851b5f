/// The fiscal year's class sessions: every series of classes.csv expanded
/// over the year, with the holiday rule of each series applied.
public struct ClassSchedule: Sendable {
    /// Every session, held or not, by date, start time, class ID.
    public let sessions: [ClassSession]
    /// Room clashes and sessions that could not be moved.
    public let findings: [Finding]
    public let holidays: [CivilDate: String]
    public let closures: Set<CivilDate>

    public var held: [ClassSession] { sessions.filter(\.isHeld) }

    public init(classes: [ClassSeries], settings: Settings) {
        let first = settings.fiscalYearStart, last = settings.fiscalYearEnd
        // A 翌週 move may cross the fiscal year's end: look a week past it.
        let holidays = JapaneseHolidays.table(from: first, through: last.adding(days: 7))
        let closures = settings.closedDays(through: last.adding(days: 7))
        self.holidays = holidays
        self.closures = closures

        func blocked(_ day: CivilDate) -> String? {
            if let h = holidays[day] { return h }
            if closures.contains(day) { return "休館日" }
            return nil
        }
        var sessions: [ClassSession] = []
        var findings: [Finding] = []
        for series in classes {
            let from = max(series.from, first), until = min(series.until, last)
            guard from <= until else { continue }
            let regular = ClassSchedule.regularDates(series, from: from, until: until)
            let regularSet = Set(regular)
            for day in regular {
                guard let reason = blocked(day) else {
                    sessions.append(ClassSession(date: day, series: series, status: .regular))
                    continue
                }
                switch series.onHoliday {
                case .skip:
                    sessions.append(ClassSession(date: day, series: series, status: .skipped(reason: reason)))
                case .nextWeek:
                    let later = day.adding(days: 7)
                    let why: String?
                    if let b = blocked(later) { why = "翌週も\(b)" }
                    else if regularSet.contains(later) { why = "翌週は通常の回がある" }
                    else if later > until { why = "翌週は期間外" }
                    else { why = nil }
                    if let why {
                        sessions.append(ClassSession(date: day, series: series, status: .dropped(reason: "\(reason)、\(why)")))
                    } else {
                        sessions.append(ClassSession(date: later, series: series, status: .moved(from: day, reason: reason)))
                    }
                }
            }
        }
        sessions.sort { ($0.date, $0.series.start, $0.series.id) < ($1.date, $1.series.start, $1.series.id) }
        findings += ClassSchedule.roomClashes(sessions.filter(\.isHeld))
        self.sessions = sessions
        self.findings = findings
    }

    /// The series' weekday in every chosen week of the month, from…until.
    static func regularDates(_ s: ClassSeries, from: CivilDate, until: CivilDate) -> [CivilDate] {
        var d = from.adding(days: (s.weekday - from.weekday + 7) % 7)
        var out: [CivilDate] = []
        while d <= until {
            let ordinal = (d.day - 1) / 7 + 1
            if s.weeks.isEmpty || s.weeks.contains(ordinal) { out.append(d) }
            d = d.adding(days: 7)
        }
        return out
    }

    /// Two held sessions in one room at overlapping times: one finding for each pair of classes,
    /// with how many days they clash and the first of them. (One per day was 24 lines in the
    /// validation report for one mistyped room, and hundreds for a few.)
    static func roomClashes(_ held: [ClassSession]) -> [Finding] {
        var byDayRoom: [String: [ClassSession]] = [:]
        for s in held { byDayRoom[s.date.iso + "\u{1}" + Text.removingWhitespace(s.series.room), default: []].append(s) }
        struct Pair: Hashable { let earlier: String; let later: String }
        var clashes: [Pair: (a: ClassSession, b: ClassSession, days: [CivilDate])] = [:]
        var order: [Pair] = []
        for key in byDayRoom.keys.sorted() {
            guard let list = byDayRoom[key], list.count > 1 else { continue }
            for i in list.indices {
                for j in list.indices where j > i {
                    let a = list[i], b = list[j]
                    guard a.series.id != b.series.id, a.series.start < b.series.end, b.series.start < a.series.end else { continue }
                    let (first, later) = a.series.source < b.series.source ? (a, b) : (b, a)
                    let pair = Pair(earlier: first.series.id, later: later.series.id)
                    if clashes[pair] == nil { order.append(pair); clashes[pair] = (first, later, []) }
                    clashes[pair]?.days.append(a.date)
                }
            }
        }
        return order.compactMap { pair in
            guard let c = clashes[pair], let firstDay = c.days.min() else { return nil }
            let when = c.days.count == 1 ? "\(firstDay.japaneseEraString)、" : "\(c.days.count) 回（最初は \(firstDay.japaneseEraString)）、"
            return Finding(
                file: c.b.series.source.file, row: c.b.series.source.row, column: Column.room.japanese, code: .roomClash,
                message: "\(when)会場「\(c.a.series.room)」で講座 \(c.a.series.id)（\(c.a.series.start)〜\(c.a.series.end)）と \(c.b.series.id)（\(c.b.series.start)〜\(c.b.series.end)）の時間が重なります。会場か時間を変えてください。")
        }
    }
}
