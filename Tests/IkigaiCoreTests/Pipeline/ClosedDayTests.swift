import Testing
@testable import IkigaiCore

@Suite("Visits on a day the facility is closed")
struct ClosedDayTests {
    /// Found feeding a December sheet: a visit typed 12-30 for 12-03 (the facility is closed
    /// from 29 December) was counted with nothing said.
    @Test func aVisitOnAClosedDayIsCountedAndPointedOut() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = RunPipelineTests.visitsHeader + """
        2018-12-03,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2018-12-30,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済
        2019-01-02,交流,喫茶,百人 町子,03-1234-9999,75,大久保2-3-5,済
        2018-08-15,交流,喫茶,百人 町子,03-1234-9999,75,大久保2-3-5,済

        """
        Support.input(["visits/v.csv": visits], in: dir)
        Support.write(dir + "/settings.toml", Support.settings + "[calendar]\nclosed_dates = [2018-08-15]\n")
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsAccepted == 4, "counted: an event held elsewhere that day is a visit")
        #expect(Support.validationRows(out).isEmpty, "a notice, not a rejected row")
        let index = Support.read(out + "/index.html")
        #expect(index.contains("W912") && index.contains("visits/v.csv"))
        #expect(index.contains("2018年12月30日") && index.contains("ほか 2 行"))
    }

    @Test func noNoticeWhenNoVisitFallsOnAClosedDay() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/v.csv": RunPipelineTests.visitsHeader + "2018-12-28,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        #expect(!Support.read(out + "/index.html").contains("W912"))
    }
}
