import Foundation
import Testing
@testable import IkigaiCore

@Suite("The manager's month")
struct ManagerTests {
    static let header = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"

    @Test func checkPrintsValidationFindingsInEveryFormat() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = ManagerTests.header + "2018-05-10,交流,喫茶,伊藤 節子,03-1111-222,70,大久保1-1-1,済\n2018-05-10,交流,喫茶,=cmd,03-1111-3333,59,大久保1-1-1,済\n"
        Support.input(["visits/2018-05.csv": visits, "visits/2018-06.csv": ManagerTests.header + "2018-06-10,交流,喫茶,小林 清,03-2222-3333,70,中野区1-1-1,済\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        let all = try CheckStage.run(inputDir: dir, files: [], operatorName: "山田 花子")
        #expect(CheckStage.csv(all.findings) == Array(try #require(FileManager.default.contents(atPath: out + "/validation.csv"))),
                "check --format csv prints exactly validation.csv")
        #expect(all.status == .rowsRejected)
        let one = try CheckStage.run(inputDir: dir, files: [dir + "/visits/2018-05.csv"], operatorName: "山田 花子")
        #expect(Set(one.findings.map(\.file)) == ["visits/2018-05.csv"])
        #expect(one.findings.map(\.row) == [2, 3])
        let text = CheckStage.text(one.findings)
        #expect(text.contains("visits/2018-05.csv\n  2行目 「電話番号」 R209"))
        #expect(!text.contains("伊藤"), "no cell values in messages")
        let json = try JSONSerialization.jsonObject(with: Data(CheckStage.json(one.findings).utf8)) as? [[String: Any]]
        #expect(json?.first?["code"] as? String == "R209")
        #expect(json?.first?["row"] as? Int == 2)
        #expect(throws: RunFailure.self) { try CheckStage.run(inputDir: dir, files: ["visits/none.csv"], operatorName: "山田 花子") }
        #expect(throws: RunFailure.self) { try CheckStage.run(inputDir: dir, files: [], operatorName: "来訪者") }
        // The same sheet by other spellings of its path finds the same rows.
        let name = (dir as NSString).lastPathComponent
        for typed in ["visits/./2018-05.csv", "visits/../visits/2018-05.csv", "../\(name)/visits/2018-05.csv", dir + "//visits/2018-05.csv"] {
            let again = try CheckStage.run(inputDir: dir, files: [typed], operatorName: "山田 花子")
            #expect(again.findings.map(\.row) == [2, 3], "\(typed)")
        }
        // Found trying paths: a name that matched no sheet checked 0 rows and said "no problems".
        Support.write(dir + "/visits/memo.txt", "メモ")
        for typed in ["settings.toml", "visits/memo.txt", "../\(name)/settings.toml", "visits", "../\(name)"] {
            do {
                let o = try CheckStage.run(inputDir: dir, files: [typed], operatorName: "山田 花子")
                Issue.record("\(typed) checked \(o.rowsRead) rows and passed")
            } catch {
                #expect(error.step == "check", "\(typed)")
            }
        }
    }

    /// A clerk's copy of a month's sheet rejected every row of one of the two as a repeated
    /// visit, 1,768 lines at 1× with nothing saying why; now one notice names both files.
    @Test func aSheetSavedTwiceIsNamedOnceAsANotice() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = ManagerTests.header + "2018-05-10,交流,喫茶,伊藤 節子,03-1111-2222,70,大久保1-1-1,済\n2018-05-10,交流,喫茶,小林 清,03-2222-3333,70,大久保1-1-1,済\n"
        Support.input(["visits/2018-05.csv": visits, "visits/2018-05 - コピー.csv": visits, "visits/2018-06.csv": ManagerTests.header,
                       "groups/g.csv": ManagerTests.header], in: dir)
        let run = try Support.run(input: dir, output: out)
        #expect(run.summary.rowsAccepted == 2 && run.summary.rowsRejected == 2, "one copy's rows are repeats")
        let check = try CheckStage.run(inputDir: dir, files: [], operatorName: "山田 花子")
        let notices = check.notices.filter { $0.code == .duplicateSheet }
        #expect(notices.count == 1, "one notice, and none for the header-only sheets that happen to match")
        #expect(notices.first?.file == "visits/2018-05.csv" && notices.first?.message.hasPrefix("visits/2018-05 - コピー.csv と中身がまったく同じ") == true)
        #expect(CheckStage.noticeText(check.notices).contains("W906"))
        #expect(Support.read(out + "/index.html").contains("W906"), "on the front page's notices")
        let one = try CheckStage.run(inputDir: dir, files: ["visits/2018-06.csv"], operatorName: "山田 花子")
        #expect(one.notices.isEmpty, "a notice about other sheets is not shown for this one")
    }

    @Test func monthToMonthDifferences() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": ManagerTests.header + """
        2018-05-10,交流,喫茶,伊藤 節子,03-1111-222,70,大久保1-1-1,済
        2018-05-11,交流,喫茶,小林 清,03-2222-3333,70,大久保1-1-1,済

        """], in: dir)
        let first = try Support.run(input: dir, output: out)
        #expect(first.changes == nil)
        // The clerk fixes the phone, and June brings a new person and a new mistake.
        Support.write(dir + "/visits/2018-05.csv", ManagerTests.header + """
        2018-05-10,交流,喫茶,伊藤 節子,03-1111-2222,70,大久保1-1-1,済
        2018-05-11,交流,喫茶,小林 清,03-2222-3333,70,大久保1-1-1,済

        """)
        Support.write(dir + "/visits/2018-06.csv", ManagerTests.header + """
        2018-06-10,交流,喫茶,青木 勇,03-4444-5555,70,大久保1-1-1,済
        2018-06-11,交流,喫茶,小林 清,03-2222-3333,70,大久保1-1-1,

        """)
        let second = try Support.run(input: dir, output: out)
        let c = try #require(second.changes)
        #expect(c.previousThrough == "2018-05")
        #expect(c.fixed == 1)
        #expect(c.newlyRejected == 1)
        #expect(c.newPeople == 2, "伊藤 節子 (now readable) and 青木 勇")
        #expect(c.newRows == 2)
        let index = Support.read(out + "/index.html")
        #expect(index.contains("前回受け付けられず、今回直っていた行 1 行"))
        let digest = Support.read(out + "/history/last-run.json")
        #expect(!digest.contains("伊藤") && !digest.contains("1111"))
    }

    @Test func initShiftsClassesToTheSameWeekdaysAcrossHolidays() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/In2018")
        let o = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
        #expect(o.classes == 2)
        let settings = try Settings.load(path: dir + "/In2019/settings.toml")
        #expect(settings.fiscalYear == 2019)
        #expect(settings.lotterySeed == "2019-public-seed")
        let sheet = try SheetReader.read(absolutePath: dir + "/In2019/classes.csv", path: "classes.csv", kind: .classes, extraProhibited: []).get()
        let classes = ClassSeries.readAll(sheet).classes
        let k02 = try #require(classes.first { $0.id == "K02" })
        #expect(k02.weekday == 4)
        // 2018-04-20 (Fri) → 2019-04-19 (Fri): same weekday, not a holiday.
        #expect(k02.deadline?.iso == "2019-04-19")
        #expect(k02.from.iso == "2019-05-01" && k02.until.iso == "2020-03-31")
        // A deadline whose shifted day is a holiday moves to the working day before it.
        #expect(CivilDate(iso: "2018-07-16")!.sameWeekdayDeadlineNextYear.iso != "2019-07-15", "2019-07-15 is 海の日")
        #expect(CivilDate(iso: "2018-07-16")!.sameWeekdayDeadlineNextYear.iso == "2019-07-12")
        // A first session on the 1st Friday of June stays the 1st Friday of June.
        #expect(CivilDate(iso: "2018-06-01")!.sameOrdinalWeekdayNextYear.iso == "2019-06-07")
        #expect(CivilDate(iso: "2018-06-29")!.sameOrdinalWeekdayNextYear.iso == "2019-06-28", "a 5th Friday becomes the last")
        // Empty sheets open in Japanese Excel: UTF-8 with BOM, CRLF, the contract's headers.
        let visits = try #require(FileManager.default.contents(atPath: dir + "/In2019/visits/2019-04.csv"))
        #expect(visits.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: visits, as: UTF8.self).hasSuffix("本人確認\r\n"))
        #expect(FileManager.default.fileExists(atPath: dir + "/In2019/手順書.html"))
        // The new folder runs as it is, and is never overwritten.
        let run = try Support.run(input: dir + "/In2019", output: dir + "/Out2019")
        #expect(run.summary.rowsRead == 0 && run.summary.refusedSheets.isEmpty)
        #expect(throws: RunFailure.self) {
            try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
        }
    }

    /// Before, settings, classes and sheets were written and then the missing template stopped
    /// init; the half-made folder then held settings, so a second init refused it.
    @Test func initWithoutItsTemplateWritesNothingAndCanBeRunAgain() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/In2018")
        let templates = dir + "/Templates"
        try FileManager.default.copyItem(atPath: Support.templates, toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/howto.mustache")
        do {
            _ = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: templates)
            Issue.record("init went ahead without its how-to template")
        } catch {
            #expect(error.file.hasSuffix("howto.mustache"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/In2019/settings.toml"))
        let o = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
        #expect(o.classes == 2)
    }

    /// Found reading `carryOver`: only the first line of a `closed_dates` written over several
    /// lines was replaced, the dates and the bracket were left, and init refused the year.
    @Test func initEmptiesClosedDatesWrittenOverSeveralLines() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/In2018")
        Support.write(dir + "/In2018/settings.toml", Support.settings + #"""
            [calendar]
            closed = ["12-29", "12-30", "12-31",
                      "01-01", "01-02", "01-03"]
            closed_dates = [
              2018-08-15,  # お盆の点検 [設備]
              2018-09-03,
            ]
            note = """
            fiscal_year = 1999 はここでは文の一部
            """

            """#)
        #expect(try Settings.load(path: dir + "/In2018/settings.toml").closedDates.count == 2)
        _ = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
        let settings = try Settings.load(path: dir + "/In2019/settings.toml")
        #expect(settings.fiscalYear == 2019 && settings.closedDates.isEmpty)
        #expect(settings.closedEveryYear.count == 6, "the every-year closures spanning two lines are kept")
        #expect(Support.read(dir + "/In2019/settings.toml").contains("fiscal_year = 1999 はここでは文の一部"), "text inside a string is not a key")
    }

    /// `init --fiscal-year 1900` blamed "last year's settings.toml", which there was none of.
    @Test func initSaysWhichFiscalYearsItCanMake() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        for year in [1900, 30, 99999, 2099] {
            do {
                _ = try NewYear.create(fiscalYear: year, from: nil, input: dir + "/In\(year)", templatesDir: Support.templates)
                Issue.record("fiscal year \(year) was made")
            } catch {
                #expect(error.file == "--fiscal-year" && error.japanese.contains("2000〜2098"))
            }
            #expect(!FileManager.default.fileExists(atPath: dir + "/In\(year)"))
        }
    }

    /// Last year's settings saved by Notepad as Shift_JIS were read as UTF-8 with replacement
    /// characters, and init refused them with a baffling "role must be 取扱責任者" error.
    @Test func initCarriesOverAShiftJISSettingsFileAsUTF8() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/In2018")
        let sjis = try #require(CP932.fromUTF8(Support.settings + "# 区役所との確認済み\n"))
        Support.write(dir + "/In2018/settings.toml", bytes: sjis)
        _ = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
        let written = try #require(FileManager.default.contents(atPath: dir + "/In2019/settings.toml"))
        let text = try #require(String(data: written, encoding: .utf8), "the new settings are UTF-8")
        #expect(text.contains("# 区役所との確認済み"))
        let settings = try Settings.load(path: dir + "/In2019/settings.toml")
        #expect(settings.fiscalYear == 2019 && settings.wardName == "新宿区")
    }

    @Test func initNamesTheLineOfABadSettingInLastYearsFolder() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/In2018")
        Support.write(dir + "/In2018/settings.toml", Support.settings.replacingOccurrences(of: "expected_users = 4000", with: "expected_users = \"4000人\""))
        do {
            _ = try NewYear.create(fiscalYear: 2019, from: dir + "/In2018", input: dir + "/In2019", templatesDir: Support.templates)
            Issue.record("a bad settings.toml was carried over")
        } catch {
            #expect(error.file == dir + "/In2018/settings.toml:11")
            #expect(error.japanese.hasPrefix("「area.expected_users」: "))
        }
    }
}
