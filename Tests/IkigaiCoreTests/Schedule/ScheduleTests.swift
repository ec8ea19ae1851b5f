import Foundation
import Testing
@testable import IkigaiCore

@Suite("The year's class schedule")
struct ScheduleTests {
    let settings = try! Settings.parse(Support.settings + "\n[calendar]\nclosed_dates = [2018-08-15]\n")

    func series(_ id: String, weekday: Int, weeks: [Int], rule: ClassSeries.HolidayRule, room: String = "A",
                start: String = "10:00", end: String = "11:30", from: String = "2018-04-01", until: String = "2019-03-31") -> ClassSeries {
        ClassSeries(id: id, title: "講座\(id)", kind: .open, capacity: 20, weekday: weekday, weeks: weeks,
                    start: TimeOfDay(start)!, end: TimeOfDay(end)!, room: room, from: CivilDate(iso: from)!,
                    until: CivilDate(iso: until)!, onHoliday: rule, deadline: nil, source: SourceRow(file: "classes.csv", row: 2))
    }

    @Test func noSessionOnAHolidayOrClosure() {
        let plan = ClassSchedule(classes: [series("M", weekday: 1, weeks: [], rule: .nextWeek),
                                           series("W", weekday: 3, weeks: [], rule: .skip)], settings: settings)
        for s in plan.held {
            #expect(plan.holidays[s.date] == nil, "\(s.date) is a holiday")
            #expect(!plan.closures.contains(s.date), "\(s.date) is closed")
        }
        // 2018-08-15 (Wednesday) is a closure day of this year, 2019-01-02 a year-end closure.
        #expect(plan.sessions.contains { $0.date.iso == "2018-08-15" && !$0.isHeld })
        #expect(plan.sessions.contains { $0.date.iso == "2019-01-02" && !$0.isHeld })
        // A weekly class cannot move a week on: the next week already has its session.
        let mondays = plan.sessions.filter { $0.series.id == "M" }
        #expect(mondays.filter { if case .dropped = $0.status { return true } else { return false } }.count > 5)
        #expect(plan.held.filter { $0.series.id == "W" }.count + plan.sessions.filter { $0.series.id == "W" && !$0.isHeld }.count == 52)
    }

    @Test func nextWeekMovesAnOrdinalClass() {
        // 2nd and 4th Monday; 2018-09-24 (4th Monday) is 秋分の日 振替休日, the 5th Monday 10-01 is free.
        let plan = ClassSchedule(classes: [series("K", weekday: 1, weeks: [2, 4], rule: .nextWeek)], settings: settings)
        let moved = plan.sessions.first { if case .moved(let from, _) = $0.status { return from.iso == "2018-09-24" } else { return false } }
        #expect(moved?.date.iso == "2018-10-01")
        #expect(moved?.uid == "K-20180924@ikigai")
        // 2018-12-24 (4th Monday, 天皇誕生日 振替休日) would move to 12-31, a closure: dropped.
        let dec = plan.sessions.first { $0.date.iso == "2018-12-24" }
        if case .dropped? = dec?.status {} else { Issue.record("12-24 must be dropped, the next week is closed") }
        // 2019-01-14 (2nd Monday) is 成人の日; the 3rd Monday is free.
        #expect(plan.held.contains { $0.date.iso == "2019-01-21" })
    }

    @Test func skipRuleSkips() {
        let plan = ClassSchedule(classes: [series("S", weekday: 1, weeks: [2], rule: .skip)], settings: settings)
        let jan = plan.sessions.first { $0.date.iso == "2019-01-14" }
        if case .skipped(let reason)? = jan?.status { #expect(reason == "成人の日") } else { Issue.record("expected skipped") }
        // 2nd Mondays that are holidays in FY2018: 10-08 体育の日, 01-14 成人の日, 02-11 建国記念の日.
        #expect(plan.held.count == 9)
    }

    @Test func roomClashNamesBothClasses() {
        let plan = ClassSchedule(classes: [series("A1", weekday: 2, weeks: [1], rule: .skip, room: "研修室"),
                                           series("B2", weekday: 2, weeks: [1, 3], rule: .skip, room: "研修 室", start: "11:00", end: "12:00")],
                                 settings: settings)
        // One finding for the pair, on the later row, not one for each day they clash.
        #expect(plan.findings.count == 1)
        #expect(plan.findings.allSatisfy { $0.code == .roomClash && $0.message.contains("A1") && $0.message.contains("B2") })
        #expect(plan.findings.first?.message.contains(" 回（最初は ") == true)
        let apart = ClassSchedule(classes: [series("A1", weekday: 2, weeks: [1], rule: .skip, room: "研修室"),
                                            series("B2", weekday: 2, weeks: [1], rule: .skip, room: "研修室", start: "11:30", end: "12:00")],
                                  settings: settings)
        #expect(apart.findings.isEmpty, "back-to-back sessions do not clash")
    }

    @Test func sampleMeetsItsTargetWithoutHolidays() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 100, seed: 3).write(to: dir + "/in")
        let o = try Support.run(input: dir + "/in", output: out)
        #expect(o.summary.sessionsPlanned == 96)
        let csv = Support.read(out + "/schedule.csv").split(whereSeparator: \.isNewline).dropFirst()
        #expect(csv.count == 96)
        let holidays = JapaneseHolidays.table(from: CivilDate(iso: "2018-04-01")!, through: CivilDate(iso: "2019-03-31")!)
        for line in csv {
            let date = CivilDate(iso: String(line.prefix(10)))!
            #expect(holidays[date] == nil && !(date.month == 12 && date.day >= 29) && !(date.month == 1 && date.day <= 3))
            #expect(date.iso != "2018-08-15")
        }
        let html = Support.read(out + "/schedule.html")
        #expect(html.contains("予定 96 回 ／ 目標 96 回"))
        #expect(html.contains("平成30年4月10日(火)"))
        #expect(html.contains("秋分の日"))
    }

    @Test func icsFoldsAndEscapes() {
        let long = String(repeating: "あ", count: 40)
        let folded = ICalendar.fold("SUMMARY:" + long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long + "\r\n")
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    /// Lines are folded on their bytes; the folds must fall where folding scalar by scalar put them.
    @Test func icsFoldsWhereScalarByScalarFoldingDid() {
        func reference(_ line: String) -> String {
            var out = "", count = 0
            for scalar in line.unicodeScalars {
                let width = String(scalar).utf8.count
                if count + width > 75 {
                    out += "\r\n "
                    count = 1
                }
                out.unicodeScalars.append(scalar)
                count += width
            }
            return out + "\r\n"
        }
        var g = SplitMix64(seed: 5545)
        let pieces = ["a", "SUMMARY:", "体操", "ｶﾞ", "𠮷", "é", "e\u{301}", "\\n", " ", "講座ID P-01（抽選・定員20人）", "🙂"]
        for _ in 0..<2_000 {
            let line = (0..<Int.random(in: 0...40, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            #expect(ICalendar.fold(line) == reference(line), "\(line)")
        }
    }

    /// Parses the sample's calendar with Python's `icalendar`, a parser this
    /// project did not write (`.ci/run` installs it from PyPI).
    @Test(.enabled(if: Support.pythonICalendar, "needs Python's icalendar (.ci/run installs it)"))
    func icsImportsWithAnIndependentParser() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 100, seed: 3).write(to: dir + "/in")
        _ = try Support.run(input: dir + "/in", output: out)
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        ev = [c for c in cal.walk('VEVENT')]
        uids = {str(e['UID']) for e in ev}
        assert len(uids) == len(ev), 'duplicate UID'
        tz = {str(e['DTSTART'].dt.tzinfo) for e in ev}
        assert all(e['DTSTART'].dt < e['DTEND'].dt for e in ev)
        assert len(cal.walk('VTIMEZONE')) == 1
        print(len(ev), sorted(tz)[0] if tz else '')
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, out + "/schedule.ics"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        p.waitUntilExit()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "icalendar rejected schedule.ics: \(said)")
        #expect(said.hasPrefix("96 "), "\(said)")
        #expect(said.contains("Asia/Tokyo"), "\(said)")
    }

    @Test func aClassWrittenWithTwoWeekdaysIsAskedForOneRowEach() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/classes.csv", """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K01,体操,自由,30,火・木,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K02,体操,自由,30,火曜日,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K03,体操,自由,30,火曜,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K04,体操,自由,30,火よう,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K05,体操,自由,30,(火),毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K06,体操,自由,30,（火曜日）,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K07,体操,自由,30,【火】,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,

            """)
        let sheet = try SheetReader.read(absolutePath: dir + "/classes.csv", path: "classes.csv", kind: .classes, extraProhibited: []).get()
        let (classes, findings) = ClassSeries.readAll(sheet)
        // A timetable writes the weekday in brackets as often as not: (火), （火曜日）, 【火】.
        #expect(classes.map(\.id) == ["K02", "K03", "K05", "K06", "K07"] && classes.allSatisfy { $0.weekday == 2 })
        #expect(findings.first { $0.row == 2 }?.message.contains("火・木 の2つの曜日に開くなら、講座IDを分けて") == true)
        #expect(findings.first { $0.row == 5 }?.message.contains("月 火 水 木 金 土 日 のどれか") == true)
    }

    @Test func aCapacityNoRoomHasIsAskedAgain() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/classes.csv", """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K01,体操,自由,9999,火,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K02,体操,自由,9223372036854775807,火,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K03,体操,自由,0,火,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K04,体操,自由,30人,火,毎週,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,

            """)
        let sheet = try SheetReader.read(absolutePath: dir + "/classes.csv", path: "classes.csv", kind: .classes, extraProhibited: []).get()
        let (classes, findings) = ClassSeries.readAll(sheet)
        #expect(classes.map(\.id) == ["K01", "K04"] && classes.map(\.capacity) == [9_999, 30])
        #expect(findings.first { $0.row == 3 }?.message.contains("1〜9999 の整数") == true)
        #expect(findings.first { $0.row == 4 }?.message.contains("1以上の整数") == true)
    }
}
