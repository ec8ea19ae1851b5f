import Testing
@testable import IkigaiCore

@Suite("本人確認 written in a way the contract does not read")
struct IDCheckMessageTests {
    /// `保険証` (the document seen) was told "the ID was not checked", which the clerk knows is
    /// wrong; the row still does not count, as the contract says, but the message says why.
    @Test func aMarkThatIsNotReadIsToldApartFromANo() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,70,大久保1-1-1,保険証
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,70,大久保1-1-1,TRUE
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,70,大久保1-1-1,未
            2018-05-10,交流,喫茶,架空 五郎,03-1000-0005,70,大久保1-1-1,

            """])
        #expect(o.summary.rowsAccepted == 1, "only 済 counts")
        let said = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[4]) })
        #expect(rows.allSatisfy { $0[3] == FindingCode.idNotChecked.rawValue })
        for row in ["3", "4"] { #expect(said[row]?.contains("書き方が読めない") == true, "row \(row)") }
        for row in ["5", "6"] { #expect(said[row]?.contains("済んでいない") == true, "row \(row)") }
    }

    /// `済（保険証）`: the mark with the document seen beside it. Not read (the contract lists the
    /// marks alone), and told so, with the mark to keep, never the note.
    @Test func aMarkWithANoteIsToldToKeepTheMarkAlone() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,70,大久保1-1-1,済（保険証）
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,70,大久保1-1-1,○ 免許証
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,70,大久保1-1-1,済み
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,70,大久保1-1-1,有効期限切れ

            """])
        #expect(o.summary.rowsAccepted == 0, "the contract reads the marks alone")
        let said = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[4]) })
        #expect(said["2"]?.contains("「済」だけにしてください") == true)
        #expect(said["3"]?.contains("「○」だけにしてください") == true)
        #expect(said["4"]?.contains("「済」だけにしてください") == true, "済み is the mark with more after it")
        #expect(said["5"]?.contains("書き方が読めない") == true, "an expired card is not told to keep 有")
        #expect(rows.allSatisfy { !$0[4].contains("保険証") && !$0[4].contains("免許証") })
    }
}
