import Testing
@testable import IkigaiCore

@Suite("Totals, memos and 以下余白 below the records")
struct NoteRowTests {
    @Test func aRowWithNoPersonAndNoDateIsOneFindingNotEight() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            合計,,,,,,,1名
            以下余白,,,,,,,
            ※本人確認は保険証で行った,,,,,,,
            2018-05-11,交流,お茶会,,,,,済

            """, "groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 二郎,03-1000-0002
            計 1名,,

            """], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsRead == 7, "every row is accounted for")
        #expect(o.summary.rowsAccepted == 2)
        let rows = Support.validationRows(out)
        let notes = rows.filter { $0[3] == FindingCode.notARecord.rawValue }
        #expect(notes.map { "\($0[0]):\($0[1])" }.sorted() == ["groups/2018-04.csv:3", "visits/2018-05.csv:3", "visits/2018-05.csv:4", "visits/2018-05.csv:5"])
        #expect(rows.filter { ["3", "4", "5"].contains($0[1]) && $0[0].hasPrefix("visits") }.count == 3, "one finding per note row")
        #expect(notes.allSatisfy { $0[4].contains("記録の行ではない") && !$0[4].contains("結合") })
        #expect(notes.allSatisfy { !$0[4].contains("保険証") && !$0[4].contains("1名") }, "the row's own text is not quoted")
        // A dated row is a record whose person was left out: each empty cell is named.
        let dated = rows.filter { $0[0] == "visits/2018-05.csv" && $0[1] == "6" }.map { $0[2] }
        #expect(Set(dated).isSuperset(of: ["氏名", "電話番号", "住所"]))
        #expect(!rows.contains { $0[1] == "6" && $0[3] == FindingCode.notARecord.rawValue })
    }

    @Test func aTotalWrittenUnderTheNameIsOneFindingOnTheNameColumn() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            ,,,計,1名,,,
            2018-05-31,,,合 計,,,,
            ,,,以上,,,,

            """])
        #expect(o.summary.rowsRead == 4)
        #expect(o.summary.rowsAccepted == 1)
        let flagged = rows.filter { $0[0] == "visits/2018-05.csv" && $0[1] != "2" }
        #expect(flagged.map { "\($0[1]):\($0[2]):\($0[3])" } == ["3:氏名:R220", "4:氏名:R220", "5:氏名:R220"], "one finding per line")
        #expect(flagged.allSatisfy { !$0[4].contains("1名") && !$0[4].contains("結合") })
    }

    @Test func numberedLinesOfATemplateThatWereNeverUsedAreBlank() throws {
        // An Excel template numbered down the No. column: only the number is in the unused lines.
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            No.,日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            1,2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2,,,,,,,,
            3,,,,,,,,
            4,,,,,,,,

            """, "groups/2018-04.csv": """
            番号,グループ名,氏名,電話番号
            1,囲碁の会,架空 二郎,03-1000-0002
            2,,,
            3,,,

            """])
        #expect(o.summary.rowsRead == 2, "a line holding only its number is not a record")
        #expect(o.summary.rowsAccepted == 2)
        #expect(rows.isEmpty)
    }

    @Test func aNumberedLineWithAnythingElseInItIsStillARow() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            No.,日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            1,2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2,,,,,,,,済

            """])
        #expect(o.summary.rowsRead == 2)
        #expect(rows.contains { $0[1] == "3" && $0[3] == FindingCode.notARecord.rawValue })
    }
}
