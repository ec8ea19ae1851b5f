import Testing
@testable import IkigaiCore

@Suite("Cells merged in Excel over the rows below")
struct MergedCellTests {
    @Test func membersBelowTheFirstAreRejectedWithTheReasonNotFilledDown() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 一郎,03-1000-0001
            ,架空 二郎,03-1000-0002
            ,架空 三郎,03-1000-0003
            将棋の会,架空 四郎,03-1000-0004

            """], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsRead == 4)
        #expect(o.summary.rowsAccepted == 2)
        let rows = Support.validationRows(out)
        #expect(rows.map { $0[1] } == ["3", "4"])
        for r in rows {
            #expect(r[2] == "グループ名" && r[3] == FindingCode.missingValue.rawValue)
            #expect(r[4].contains("結合したセル"))
        }
    }

    @Test func oneDaysVisitsWithTheDateMergedSayTheSameAndANameDoesNot() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            ,,,架空 二郎,03-1000-0002,70,大久保1-1-1,済
            2018-05-10,交流,お茶会,,03-1000-0003,70,大久保1-1-1,済

            """], in: dir)
        _ = try Support.run(input: dir, output: out)
        let rows = Support.validationRows(out)
        #expect(rows.filter { $0[1] == "3" }.map { $0[2] }.sorted() == ["事業", "日付", "行事"])
        #expect(rows.filter { $0[1] == "3" }.allSatisfy { $0[4].contains("結合したセル") })
        let name = try #require(rows.first { $0[1] == "4" })
        #expect(name[2] == "氏名" && !name[4].contains("結合"), "a name is never the row above's")
    }
}
