import Testing
@testable import IkigaiCore

@Suite("〃 and 同上: a ditto mark in a cell")
struct DittoMarkTests {
    @Test func theMarksAreReadAndValuesAreNot() {
        for mark in ["〃", " 〃 ", "〃〃", "″", "々", "仝", "同上", "同　上", "同", "上に同じ", "\""] {
            #expect(DittoMark.mark(in: mark) != nil, "\(mark)")
        }
        for value in ["", "上田 一郎", "同田 花子", "上", "佐々木 次郎", "大久保1-1-1", "済", "お茶会", "同上会", "〃〃〃〃〃"] {
            #expect(DittoMark.mark(in: value) == nil, "\(value)")
        }
    }

    /// A group written once and `〃` below it made a group called 〃, with its own roster and
    /// members; an exchange event `同上` was counted as an event of that name.
    @Test func aRowWithADittoMarkIsRejectedAndMakesNoGroupOrEvent() throws {
        let (o, rows) = try Support.runSheets([
            "groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 一郎,03-1000-0001
            〃,架空 二郎,03-1000-0002
            同上,架空 三郎,03-1000-0003

            """,
            "visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 四郎,03-1000-0004,70,大久保1-1-1,済
            2018-05-10,交流,同上,架空 五郎,03-1000-0005,70,大久保1-1-1,済

            """])
        #expect(o.summary.rowsRead == 5)
        #expect(o.summary.rowsAccepted == 2)
        #expect(o.summary.peopleByProgram[.ikigai] == 1, "the members under 〃 are in no group")
        let marks = rows.filter { $0[3] == FindingCode.dittoMark.rawValue }
        #expect(marks.map { "\($0[0]):\($0[1]):\($0[2])" } == ["groups/2018-04.csv:3:グループ名", "groups/2018-04.csv:4:グループ名",
                                                             "visits/2018-05.csv:3:行事"])
        #expect(marks.allSatisfy { $0[4].contains("上の行と同じ値") })
    }

    /// A row's marked cells are told once, as marks, not also as an unreadable date, phone or ID check.
    @Test func aMarkedCellIsToldOnlyAsAMark() throws {
        let (_, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            〃,〃,〃,架空 花子,〃,68,〃,〃
            2018-05-10,交流,お茶会,同上,03-1000-0003,〃,大久保1-1-1,済

            """])
        // One finding for the row, naming its marked columns in the sheet's order.
        let row3 = rows.filter { $0[1] == "3" }
        #expect(row3.map { "\($0[2]):\($0[3])" } == ["日付、事業、行事、電話番号、住所、本人確認:R222"])
        #expect(row3.first?[4].hasPrefix("「日付」「事業」「行事」「電話番号」「住所」「本人確認」の「〃」（上と同じ）") == true)
        let row4 = rows.filter { $0[1] == "4" }
        #expect(row4.map { "\($0[2]):\($0[3])" } == ["氏名、年齢:R222"])
        #expect(row4.first?[4].hasPrefix("「氏名」「年齢」の「同上」「〃」") == true)
    }

    @Test func aClassRowWithAMarkIsNotPlanned() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n", "classes.csv": """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K01,いきいき体操,自由,30,火,"2,4",10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
            K02,脳トレ教室,自由,20,木,"1,3",14:00,15:30,〃,〃,2019-03-31,休止,

            """])
        let k02 = rows.filter { $0[0] == "classes.csv" && $0[1] == "3" }
        #expect(k02.map { "\($0[2]):\($0[3])" } == ["会場、期間開始:R222"])
        #expect(o.summary.sessionsPlanned == 24, "K01 alone, on the 2nd and 4th Tuesdays")
    }
}
