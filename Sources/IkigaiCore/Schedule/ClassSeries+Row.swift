import Foundation

extension ClassSeries {
    static let weekdayNames: [String: Int] = [
        "日": 0, "月": 1, "火": 2, "水": 3, "木": 4, "金": 5, "土": 6,
        "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
    ]

    /// The most places a class can have: far past any room of a community centre.
    static let largestCapacity = 9_999

    /// Reads one data row of classes.csv, or the findings that keep it out.
    static func read(_ record: CSVRecord, sheet: Sheet) -> (series: ClassSeries?, findings: [Finding]) {
        let map = sheet.header
        var findings: [Finding] = []
        // A timetable's 会場 or 期間 written `〃` down the rows: told once for the row, and not also
        // as a bad date.
        let dittos = map.columns.compactMap { c in DittoMark.mark(in: map.value(c, in: record.cells) ?? "").map { (column: c, mark: $0) } }
        func bad(_ c: Column, _ message: String, _ code: FindingCode = .badClassValue) {
            guard !dittos.contains(where: { $0.column == c }) else { return }
            findings.append(Finding(file: sheet.path, row: record.row, column: map.shown(c), code: code, message: message))
        }
        if !dittos.isEmpty { findings.append(DittoMark.finding(file: sheet.path, row: record.row, dittos, in: map)) }
        func cell(_ c: Column) -> String { Text.cell(map.value(c, in: record.cells) ?? "") }
        func required(_ c: Column) -> String? {
            let v = cell(c)
            if v.isEmpty { bad(c, "「\(c.japanese)」が空です。値を入れてください。", .missingValue); return nil }
            return v
        }
        func date(_ c: Column) -> CivilDate? {
            guard let v = required(c) else { return nil }
            switch DateParser.parse(v) {
            case .success(let d): return d
            case .failure(let p): bad(c, p.advice(c.japanese)); return nil
            }
        }
        let id = required(.classID)
        let title = required(.title)
        var kind: Kind?
        if let k = required(.kind) {
            switch k.lowercased() {
            case "抽選", "lottery": kind = .lottery
            case "自由", "open": kind = .open
            default: bad(.kind, "「区分」は 抽選 か 自由 にしてください。")
            }
        }
        var capacity: Int?
        if let c = required(.capacity) {
            // 20人 and 20名 are how a timetable states a number of places.
            // No room holds more than `largestCapacity`; a number past it is a slip (a date or a phone
            // pasted in), and one near `Int.max` overflowed the fill rate of the usage page.
            let n = Int(c.hasSuffix("人") || c.hasSuffix("名") ? String(c.dropLast()) : c)
            if let n, (1...ClassSeries.largestCapacity).contains(n) { capacity = n } else if let n, n > ClassSeries.largestCapacity {
                bad(.capacity, "「定員」が \(n) 人になっています。1〜\(ClassSeries.largestCapacity) の整数にしてください。")
            } else {
                bad(.capacity, "「定員」は1以上の整数にしてください。")
            }
        }
        var weekday: Int?
        if let w = required(.weekday) {
            // A timetable often writes the day in brackets: (火), （火曜日）, 【火】 (NFKC leaves 【】 as they are).
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: "()[]【】〔〕<>〈〉《》「」『』 "))
            let key = bare.hasSuffix("曜日") ? String(bare.dropLast(2)) : bare.hasSuffix("曜") ? String(bare.dropLast()) : bare
            if let d = weekdayNames[String(key.lowercased().prefix(3))] ?? weekdayNames[key] { weekday = d } else {
                // `火・木`: a class that meets on two days is two series, each with its own sessions.
                let days = w.split { ",、・/ と".contains($0) }.map { $0.replacingOccurrences(of: "曜日", with: "").replacingOccurrences(of: "曜", with: "") }
                let several = days.count >= 2 && days.allSatisfy { weekdayNames[$0] != nil }
                bad(.weekday, several
                    ? "「曜日」は1行に1つです。\(days.joined(separator: "・")) の\(days.count)つの曜日に開くなら、講座IDを分けて曜日ごとに1行ずつ書いてください。"
                    : "「曜日」は 月 火 水 木 金 土 日 のどれかにしてください。")
            }
        }
        var weeks: [Int]?
        if let w = required(.weeks) {
            if w == "毎週" || w.lowercased() == "every" {
                weeks = []
            } else {
                let parts = w.split { ",、・/ ".contains($0) }.map { $0.replacingOccurrences(of: "第", with: "").replacingOccurrences(of: "週", with: "") }
                let nums = parts.compactMap { Int($0) }
                if nums.count == parts.count, !nums.isEmpty, nums.allSatisfy({ (1...5).contains($0) }) {
                    weeks = Array(Set(nums)).sorted()
                } else if w.contains("隔週") {
                    bad(.weeks, "「週」の 隔週 は日付が月ごとにずれるため書けません。月の何回目かを 1,3 や 2,4 のように書いてください。")
                } else if w.contains("最終") {
                    bad(.weeks, "「週」の 最終 は月によって第4にも第5にもなるため書けません。月の何回目かを 4 のように書いてください（第5の週は5）。")
                } else {
                    bad(.weeks, "「週」は 毎週 か、月の何回目かを 2,4 のように書いてください（1〜5）。")
                }
            }
        }
        let start = required(.start).flatMap { v -> TimeOfDay? in
            let t = TimeOfDay(v)
            if t == nil { bad(.start, "「開始」は 10:00 や 10時 のような時刻にしてください（24時間制、または 午後2時）。") }
            return t
        }
        let end = required(.end).flatMap { v -> TimeOfDay? in
            let t = TimeOfDay(v)
            if t == nil { bad(.end, "「終了」は 11:30 や 11時30分 のような時刻にしてください（24時間制、または 午後2時）。") }
            return t
        }
        if let s = start, let e = end, e <= s { bad(.end, "「終了」が「開始」より後になっていません。") }
        let room = required(.room)
        let from = date(.from)
        let until = date(.until)
        if let f = from, let u = until, u < f { bad(.until, "「期間終了」が「期間開始」より前です。") }
        var rule: HolidayRule?
        if let h = required(.onHoliday) {
            // The words a timetable uses for the same two rules.
            switch Text.removingWhitespace(h).lowercased() {
            case "休止", "skip", "休み", "休講", "中止", "祝日休み", "祝日休講", "祝日休止": rule = .skip
            case "翌週", "move", "翌週振替", "翌週に振替", "翌週へ振替", "翌週に延期": rule = .nextWeek
            default: bad(.onHoliday, "「祝日」は 休止 か 翌週 にしてください。")
            }
        }
        var deadline: CivilDate?
        let deadlineText = cell(.deadline)
        if !deadlineText.isEmpty {
            switch DateParser.parse(deadlineText) {
            case .success(let d): deadline = d
            case .failure(let p): bad(.deadline, p.advice(Column.deadline.japanese))
            }
        } else if kind == .lottery {
            bad(.deadline, "抽選の講座には「申込締切」の日付が必要です。", .missingValue)
        }
        guard findings.isEmpty, let id, let title, let kind, let capacity, let weekday, let weeks, let start, let end,
              let room, let from, let until, let rule else {
            return (nil, findings)
        }
        return (ClassSeries(
            id: id, title: title, kind: kind, capacity: capacity, weekday: weekday, weeks: weeks, start: start, end: end,
            room: room, from: from, until: until, onHoliday: rule, deadline: deadline,
            source: SourceRow(file: sheet.path, row: record.row)), [])
    }

    /// A lottery whose deadline is on or after its first day: drawn after the deadline, its
    /// sessions until then meet with no one drawn. Likely a typo in one of the two dates, but
    /// the class is kept (dropping it would reject every visit to it); the manager is told.
    static func lateDeadline(_ c: ClassSeries, sheet: Sheet) -> Finding? {
        guard c.kind == .lottery, let deadline = c.deadline, deadline >= c.from else { return nil }
        return Finding(file: sheet.path, row: c.source.row, column: sheet.header.shown(.deadline), code: .lateDeadline,
            message: "講座「\(c.id) \(c.title)」の申込締切（\(deadline.westernJapaneseString)）が期間開始（\(c.from.westernJapaneseString)）と同じか後です。"
                + "抽選は締切の後に行うため、締切までの回は当選者が決まっていません。締切か期間開始の打ち間違いなら直してください。")
    }

    /// Reads every row of classes.csv; duplicate IDs keep the first row.
    public static func readAll(_ sheet: Sheet) -> (classes: [ClassSeries], findings: [Finding]) {
        let r = readEvery(sheet)
        return (r.classes, r.findings)
    }

    /// `readAll`, and the class IDs of the rows it refused (for the sheets' messages).
    static func readEvery(_ sheet: Sheet) -> (classes: [ClassSeries], findings: [Finding], state: ClassesSheetState) {
        var out: [ClassSeries] = []
        var findings: [Finding] = []
        var seen: [String: Int] = [:]
        var unread: [String: ClassesSheetState.UnreadClass] = [:]
        for r in sheet.records where !sheet.isBlank(r) {
            let (series, problems) = read(r, sheet: sheet)
            findings += problems
            if series == nil {
                let id = Text.cell(sheet.header.value(.classID, in: r.cells) ?? "")
                if !id.isEmpty, unread[key(id)] == nil { unread[key(id)] = .init(id: id, row: r.row) }
            }
            if let c = series {
                if let first = seen[key(c.id)] {
                    findings.append(Finding(file: sheet.path, row: r.row, column: sheet.header.shown(.classID), code: .duplicateClassID,
                        message: "講座ID「\(c.id)」は \(first)行目と同じです。別のIDにしてください（この行は使いません）。"))
                } else {
                    seen[key(c.id)] = r.row
                    out.append(c)
                    if let late = lateDeadline(c, sheet: sheet) { findings.append(late) }
                }
            }
        }
        // A refused row whose ID another row reads as a class (a duplicate's first row) is not unread.
        for c in out { unread[key(c.id)] = nil }
        return (out, findings, .read(unread: unread))
    }
}
