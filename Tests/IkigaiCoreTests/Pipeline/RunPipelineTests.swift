import Foundation
import Testing
@testable import IkigaiCore

@Suite("ikigai run, end to end")
struct RunPipelineTests {
    static let visitsHeader = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"

    @Test func everyRowEndsInOnePlace() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-05-10,交流,ふれあい喫茶,大久保 花,03-1234-5678,70,東京都新宿区大久保2-3-4,済
        2018/5/8,介護予防,K01,百人 太郎,090-1111-2222,65,百人町2-1-1,○
        2018-05-11,交流,ふれあい喫茶,若井 一,03-1111-3333,59,大久保1-1-1,済
        2018-05-11,交流,ふれあい喫茶,中野 二郎,03-1111-4444,70,東京都中野区中央1-1-1,済
        2018-05-11,交流,ふれあい喫茶,確認 無,03-1111-5555,70,大久保1-1-1,
        2018-05-11,交流,ふれあい喫茶,住所 不明,03-1111-6666,70,大窪1-1-1,済
        2018-05-11,介護予防,K99,講座 違,03-1111-7777,70,大久保1-1-1,済
        H31.5.1,交流,ふれあい喫茶,元号 誤,03-1111-8888,70,大久保1-1-1,済
        2017-05-11,交流,ふれあい喫茶,年度 外,03-1111-9999,70,大久保1-1-1,済
        2018-05-12,交流,ふれあい喫茶,電話 短,03-1111-999,70,大久保1-1-1,済
        ,,,,,,,
        2018-05-12,交流,ふれあい喫茶,,03-2222-1111,70,大久保1-1-1,済

        """
        Support.input(["visits/2018-05.csv": visits,
                       "groups/g.csv": "グループ名,氏名,電話番号\n囲碁クラブ,大久保 花,0312345678\n"], in: dir)
        let outcome = try Support.run(input: dir, output: out)
        #expect(outcome.status == .rowsRejected)
        let s = outcome.summary
        #expect(s.rowsRead == 12)
        #expect(s.rowsAccepted == 3)
        #expect(s.rowsRejected == 9)
        #expect(s.rowsRead == s.rowsAccepted + s.rowsRejected)
        #expect(s.people == 2, "大久保 花 in the group and at the event is one person")
        #expect(s.peopleByProgram == [.ikigai: 1, .exchange: 1, .prevention: 1])
        #expect(s.visits == 2)
        #expect(s.through.description == "2018-05")

        let found = Support.validationRows(out).map { [$0[1], $0[2], $0[3]] }
        #expect(found == [
            ["4", "年齢", "N302"], ["5", "住所", "N303"], ["6", "本人確認", "N304"], ["7", "住所", "H401"],
            ["8", "行事", "R211"], ["9", "日付", "R203"], ["10", "日付", "N301"], ["11", "電話番号", "R209"],
            ["13", "氏名", "R201"],
        ])
        let people = Support.read(out + "/people/people.csv")
        #expect(FileManager.default.contents(atPath: out + "/people/people.csv")?.starts(with: [0xEF, 0xBB, 0xBF]) == true)
        #expect(people.hasPrefix("person,file,row\r\n"))
        #expect(people.contains("P00001,groups/g.csv,2\r\n"))
        #expect(people.contains("P00001,visits/2018-05.csv,2\r\n"))
        #expect(people.contains("P00002,visits/2018-05.csv,3\r\n"))

        let json = Support.read(out + "/summary.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rows = parsed?["rows"] as? [String: Int]
        #expect(rows == ["read": 12, "accepted": 3, "rejected": 9])
        // Foundation's JSON reader may round the last digit; the text is Swift's exact round-trip form.
        #expect(json.contains("\"coverage_of_eligible\": \(2.0 / 10204.0),"), "大久保2丁目 and 百人町2丁目 are in the area")
        #expect(abs((parsed?["coverage_of_eligible"] as? Double ?? 0) - 2.0 / 10204.0) < 1e-15)
        #expect(parsed?["progress_to_expected"] as? Double == 2.0 / 4000.0)
    }

    @Test func aClassVisitOnADayTheClassDoesNotMeetIsHeld() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        // K01 meets on the 2nd and 4th Tuesdays: 2018-05-08 yes, 2018-05-15 no.
        let visits = RunPipelineTests.visitsHeader + """
        2018-05-08,介護予防,K01,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-05-15,介護予防,K01,大久保 花,03-1234-5678,70,大久保2-3-4,済

        """
        Support.input(["visits/2018-05.csv": visits], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.visits == 1 && o.rowsHeld == 1)
        #expect(Support.validationRows(out).map { [$0[1], $0[2], $0[3]] } == [["3", "日付", "H402"]])
        #expect(Support.read(out + "/index.html").contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>"),
                "the sheet line shows 2 read, 1 accepted, 0 rejected, 1 held")
    }

    @Test func aDoubleEnteredVisitCountsOnce() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-05-10,交流,ふれあい喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-05-10,交流,ふれあい喫茶,大久保　花,0312345678,70,大久保2-3-4,○
        2018-05-11,交流,ふれあい喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済

        """
        Support.input(["visits/2018-05.csv": visits], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.visits == 2)
        #expect(o.summary.rowsRead == 3 && o.summary.rowsAccepted == 2 && o.summary.rowsRejected == 1)
        #expect(Support.validationRows(out).map { [$0[1], $0[3]] } == [["3", "R219"]])
        #expect(!Support.read(out + "/people/people.csv").contains("visits/2018-05.csv,3\r\n"))
    }

    @Test func doubleEntriesAreFoundOnEveryDayAndAcrossSheets() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let row = { (day: Int) in "2018-05-\(day),交流,ふれあい喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\n" }
        Support.input([
            "visits/2018-05.csv": RunPipelineTests.visitsHeader + row(10) + row(10) + row(11) + row(11) + row(11) + row(12),
            "visits/2018-05b.csv": RunPipelineTests.visitsHeader + row(11) + row(12),
        ], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.visits == 3)
        let repeats = Support.validationRows(out).filter { $0[3] == "R219" }
        #expect(repeats.map { [$0[0], $0[1]] } == [["visits/2018-05.csv", "3"], ["visits/2018-05.csv", "5"], ["visits/2018-05.csv", "6"],
                                                  ["visits/2018-05b.csv", "2"], ["visits/2018-05b.csv", "3"]])
        #expect(repeats.map { $0[4].contains("visits/2018-05.csv の") } == [false, false, false, true, true])
        #expect(repeats.map { $0[4].contains(" 2行目") || $0[4].contains("の 2行目") } == [true, false, false, false, false])
        #expect(repeats[1][4].contains("4行目") && repeats[2][4].contains("4行目") && repeats[3][4].contains("4行目") && repeats[4][4].contains("7行目"))
    }

    @Test func birthDateGivesTheAgeOnTheDayAndIsNotKept() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = """
        日付,事業,行事,氏名,電話番号,生年月日,住所,本人確認
        2018-04-01,交流,茶話会,一日 生,03-1234-0001,1958-04-01,大久保1-1-1,済
        2018-04-01,交流,茶話会,二日 生,03-1234-0002,S33.4.2,大久保1-1-1,済
        2018-04-01,交流,茶話会,三日 生,03-1234-0003,昭和33年4月3日,大久保1-1-1,済
        2018-04-01,交流,茶話会,後 生,03-1234-0004,2019-01-01,大久保1-1-1,済

        """
        Support.input(["visits/2018-04.csv": visits], in: dir)
        let outcome = try Support.run(input: dir, output: out)
        #expect(outcome.summary.rowsAccepted == 2)
        #expect(Support.validationRows(out).map { [$0[1], $0[3]] } == [["4", "N302"], ["5", "R207"]])
        for file in try FileManager.default.subpathsOfDirectory(atPath: out) {
            let text = Support.read(out + "/" + file)
            #expect(!text.contains("1958-04-01") && !text.contains("S33.4.2"), "birth date leaked into \(file)")
        }
    }

    @Test func scriptInAnEventTitlePrintsAsText() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + "2018-05-10,交流,<script>alert(1)</script>,大久保 花,03-1234-5678,70,大久保2-3-4,済\n"
        Support.input(["visits/2018-05.csv": visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let index = Support.read(out + "/index.html")
        #expect(!index.contains("<script"))
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(HTMLGuard.textNodes(index).contains("<script>alert(1)</script>"))
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let dir = Support.tempDir(), a = dir + "/A", b = dir + "/B", input = dir + "/in"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 300, seed: 7).write(to: input)
        let first = try Support.run(input: input, output: a)
        _ = try Support.run(input: input, output: b)
        #expect(first.status == .rowsRejected)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: b).sorted()))
        #expect(files.contains("people/people.csv"))
        // The audit record differs only in its run time.
        for f in files where f != "audit/audit.jsonl" {
            let x = FileManager.default.contents(atPath: a + "/" + f)
            #expect(x == FileManager.default.contents(atPath: b + "/" + f), "\(f) differs between runs")
        }
        let timeless = { (p: String) in Support.read(p).replacingOccurrences(of: #""time":"[^"]*""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""(prev|hash)":"[0-9a-f]*""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"--output [^"]*""#, with: "", options: .regularExpression) }
        #expect(timeless(a + "/audit/audit.jsonl") == timeless(b + "/audit/audit.jsonl"))
        // A second run over the same folder replaces it in place.
        _ = try Support.run(input: input, output: a)
        #expect(FileManager.default.contents(atPath: a + "/summary.json") == FileManager.default.contents(atPath: b + "/summary.json"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func sampleReconciles() throws {
        let dir = Support.tempDir(), input = dir + "/in", out = dir + "/out"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 300, seed: 11).write(to: input)
        let o = try Support.run(input: input, output: out)
        let s = o.summary
        #expect(s.rowsRead > 1000)
        #expect(s.rowsRead == s.rowsAccepted + s.rowsRejected)
        #expect(s.rowsRejected > 0)
        #expect(s.refusedSheets.isEmpty)
        #expect(Support.validationRows(out).filter { $0[1] != "" }.count >= s.rowsRejected)
        let peopleLines = Support.read(out + "/people/people.csv").split(separator: "\r\n").count - 1
        #expect(peopleLines == s.rowsAccepted)
    }

    @Test func confidentialFilesAreOwnerOnly() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        func mode(_ p: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: p))?[.posixPermissions] as? Int) ?? -1
        }
        #expect(mode(out + "/people") == 0o700)
        #expect(mode(out + "/people/people.csv") == 0o600)
        #expect(mode(out) == 0o700)
    }

    @Test func onlyHandlersMayRun() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"], in: dir)
        #expect(throws: RunFailure.self) { try Support.run(input: dir, output: out, operatorName: "佐藤 次郎") }
        #expect(throws: RunFailure.self) { try Support.run(input: dir, output: out, operatorName: nil) }
        // An empty --input made every path absolute ("/settings.toml").
        do {
            _ = try Support.run(input: "", output: out)
            Issue.record("an empty --input was read")
        } catch let e as RunFailure {
            #expect(e.file == "--input" && e.japanese.contains("空"))
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        _ = try Support.run(input: dir, output: out, operatorName: " 山田　花子 ")
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test func badSettingsStopBeforeAnythingIsWritten() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        let before = FileManager.default.contents(atPath: out + "/summary.json")
        Support.write(dir + "/settings.toml", Support.settings.replacingOccurrences(of: "expected_users = 4000", with: "expected_users = \"4000人\""))
        do {
            _ = try Support.run(input: dir, output: out)
            Issue.record("bad settings must stop the run")
        } catch let e as RunFailure {
            #expect(e.step == "settings")
            #expect(e.japanese.contains("area.expected_users"))
            #expect(e.file == dir + "/settings.toml:11", "the line of the key, said once")
            #expect(!e.japanese.contains("settings.toml"))
            #expect(e.english.contains("area.expected_users"))
        }
        #expect(FileManager.default.contents(atPath: out + "/summary.json") == before)
    }

    @Test func aMistypedSettingIsANoticeWithItsLine() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"], in: dir)
        Support.write(dir + "/settings.toml", Support.settings + "\n[privacy]\nmin_cel = 5\n")
        let outcome = try Support.run(input: dir, output: out)
        #expect(outcome.notices == 1)
        let index = Support.read(out + "/index.html")
        #expect(index.contains(#"<span class="code">W902</span> settings.toml 19行目 設定キー「privacy.min_cel」"#))
    }

    @Test func throughLeavesLaterRowsForLaterRuns() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-06-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-07-10,交流,喫茶,百人 太郎,03-1234-0000,70,大久保2-3-4,

        """
        Support.input(["visits/all.csv": visits], in: dir)
        let o = try Support.run(input: dir, output: out, through: YearMonth("2018-06"))
        #expect(o.summary.rowsRead == 2)
        #expect(o.summary.visits == 2)
        #expect(o.status == .clean)
        #expect(throws: RunFailure.self) { try Support.run(input: dir, output: out, through: YearMonth("2019-04")) }
    }

    /// A clerk without a フリガナ column wrote the reading after the name: the same person's
    /// rows without it were another person.
    @Test func aReadingWrittenAfterTheNameIsTheRowsReading() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-05-10,交流,喫茶,大久保 花（オオクボ ハナ）,03-1234-5678,70,大久保2-3-4,済
        2018-05-11,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-05-12,交流,喫茶,大久保 華（おおくぼ はな）,03-1234-5678,70,大久保2-3-4,済

        """
        Support.input(["visits/2018-05.csv": visits], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.people == 1, "華 and 花 read alike on one phone: one person")
    }

    /// A new year's sheets in last year's folder: every row got N301, and nothing said why.
    @Test func rowsOfAnotherFiscalYearPointAtTheSettings() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2019-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2019-05-11,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-05-11,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済

        """
        Support.input(["visits/2019-05.csv": visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let index = Support.read(out + "/index.html")
        #expect(index.contains("W910") && index.contains("2019年度の日付") && index.contains("ikigai init --fiscal-year 2019"))
        // A stray row of another year is that row's N301, not a notice.
        Support.input(["visits/2019-05.csv": RunPipelineTests.visitsHeader + "2019-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\n"
                       + "2018-05-11,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\n2018-05-12,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        #expect(!Support.read(out + "/index.html").contains("W910"))
    }

    /// Found thinking through a November run: one visit typed 2018-12-01 for 2018-11-01 made
    /// the default month December, with nothing said: statistics up to a month not yet
    /// over, and lotteries drawn before their deadline.
    @Test func aRowDatedAfterTheRunIsPointedOut() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-11-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-12-01,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済

        """
        Support.input(["visits/2018-11.csv": visits], in: dir)
        func run(today: String) throws -> RunOutcome {
            try RunPipeline(options: RunOptions(inputDir: dir, outputDir: out, templatesDir: Support.templates,
                                                operatorName: "山田花子", today: CivilDate(iso: today))).run()
        }
        let o = try run(today: "2018-11-20")
        #expect(o.summary.through.description == "2018-12" && o.notices == 1)
        let index = Support.read(out + "/index.html")
        #expect(index.contains("W909") && index.contains("visits/2018-11.csv") && index.contains("2018年12月"))
        #expect(Support.validationRows(out).isEmpty, "a notice, not a rejected row")
        // Once the day has come, the same sheet says nothing.
        _ = try run(today: "2018-12-01")
        #expect(!Support.read(out + "/index.html").contains("W909"))
    }
}
