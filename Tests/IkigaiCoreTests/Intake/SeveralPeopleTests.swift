import Testing
@testable import IkigaiCore

@Suite("A name cell that names two people")
struct SeveralPeopleTests {
    @Test(arguments: [
        ("山田 太郎・花子", "・"), ("山田 太郎・山田 花子", "・"), ("山田 太郎、花子", "、"), ("山田太郎､花子", "、"),
        ("山田 太郎，花子", ","), ("山田太郎／花子", "/"), ("山田 太郎 / 山田 花子", "/"), ("山田太郎＆花子", "&"),
        ("山田太郎及び花子", "及び"), ("山田 太郎 および 花子", "および"), ("山田 太郎 他1名", "他1名"),
        ("山田太郎ほか２名", "ほか2名"), ("山田 太郎 外1名", "外1名"), ("山田 太郎 他", "他"), ("山田 夫妻", "夫妻"),
        ("山田 ご夫妻", "ご夫妻"), ("山田ご夫婦", "ご夫婦"), ("山田 太郎 ご家族", "ご家族"), ("山田 太郎 他一名", "他一名"),
        ("山田 太郎ほか二人", "ほか二人"),
    ])
    func twoPeopleAreSeen(_ written: String, _ marker: String) {
        #expect(SeveralPeople.marker(in: Text.cell(written)) == marker, "\(written)")
    }

    /// One person each: a wrong hit would reject a real resident.
    @Test(arguments: [
        "山田 太郎", "山田太郎", "ジョン・スミス", "スミス ジョン・ポール", "Smith John", "山田・太郎", "佐々木・花子",
        "山田 太郎様", "外山 一郎", "他田 花子", "山田 とし子", "山田 ひとみ", "名取 一", "人見 二郎", "夫妻", "他1名",
        "山田 太郎 (ﾔﾏﾀﾞ ﾀﾛｳ)", "山田 外", "李 明・ジョン", "山田 一人", "山田 和人", "山田 春名", "山田 一家",
        "NGUYEN, Thi Lan", "CHEN, Mei", "SMITH, John", "O'NEIL/SMITH Mary",
    ])
    func onePersonIsNot(_ written: String) {
        #expect(SeveralPeople.marker(in: Text.cell(written)) == nil, "\(written)")
    }

    @Test func theRowIsRejectedAndTheOthersAreNot() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎 他1名,03-1000-0001,70,大久保1-1-1,済
            2018-05-10,交流,お茶会,架空 二郎・花子,03-1000-0002,70,大久保1-1-1,済
            2018-05-10,交流,お茶会,ジョン・スミス,03-1000-0003,70,大久保1-1-1,済

            """, "groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 三郎 ご夫妻,03-1000-0004

            """])
        #expect(o.summary.rowsRead == 4 && o.summary.rowsAccepted == 1, "every row accounted for")
        let found = rows.filter { $0[3] == FindingCode.severalPeople.rawValue }
        #expect(found.map { "\($0[0]):\($0[1]):\($0[2])" }.sorted() == ["groups/2018-04.csv:2:氏名", "visits/2018-05.csv:2:氏名", "visits/2018-05.csv:3:氏名"])
        #expect(found.allSatisfy { $0[4].contains("行を分けて") })
        #expect(found.contains { $0[4].contains("「他1名」") }, "says what in the cell looked like a second person")
    }
}
