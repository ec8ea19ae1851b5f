import Testing
@testable import IkigaiCore

@Suite("A sheet with both 年齢 and 生年月日")
struct AgeAndBirthTests {
    /// Born 1948-05-20: 69 on 2018-05-10, 70 from 2018-05-19 (the legal rule).
    @Test func bothMustAgreeAndAnAgeCopiedBeforeTheBirthdayIsSaidSo() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,生年月日,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,69,1948-05-20,大久保1-1-1,済
            2018-05-25,交流,喫茶,架空 一郎,03-1000-0001,69,1948-05-20,大久保1-1-1,済
            2018-05-26,交流,喫茶,架空 一郎,03-1000-0001,59,1948-05-20,大久保1-1-1,済
            2018-05-27,交流,喫茶,架空 一郎,03-1000-0001,,1948-05-20,大久保1-1-1,済

            """], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsAccepted == 2, "rows 2 and 5")
        let rows = Support.validationRows(out)
        #expect(rows.map { $0[1] } == ["3", "4"] && rows.allSatisfy { $0[3] == FindingCode.ageBirthMismatch.rawValue && $0[2] == "年齢" })
        #expect(rows[0][4].contains("前の記録から写した"), "one year apart: the birthday overtook a copied age")
        #expect(!rows[1][4].contains("前の記録から写した"))
        #expect(!rows.contains { $0[4].contains("1948") || $0[4].contains("69") }, "the cells are not quoted")
    }

    /// An age of 150 was told to "write a whole number like 72", which it already was.
    @Test func anAgeThatIsNoNumberAndOneOutOfRangeAreToldApart() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,満70歳,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,150,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,-5,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,七十,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 五郎,03-1000-0005,７０.０,大久保1-1-1,済

            """])
        #expect(o.summary.rowsAccepted == 2, "rows 2 and 6")
        #expect(rows.map { $0[1] } == ["3", "4", "5"] && rows.allSatisfy { $0[3] == FindingCode.badAge.rawValue && $0[2] == "年齢" })
        #expect(rows[0][4].contains("0〜130") && rows[1][4].contains("0〜130"))
        #expect(rows[2][4].contains("整数で書いて"))
    }

    /// `70代` or `約70` is an age nobody checked: said as such, not as "write a whole number".
    @Test func aRoughAgeIsToldAsOne() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,80代,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,約85,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,85歳くらい,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,８５？,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 五郎,03-1000-0005,代,大久保1-1-1,済

            """])
        #expect(o.summary.rowsAccepted == 0)
        let rough = rows.filter { $0[4].contains("おおよそ") }.map { $0[1] }
        #expect(rough == ["2", "3", "4", "5"])
        #expect(rows.allSatisfy { $0[3] == FindingCode.badAge.rawValue && !$0[4].contains("80代") && !$0[4].contains("約85") })
    }

    /// An age under 生年月日, or a birth date without its day, said as such (and not quoted).
    @Test func aBirthDateCellHoldingAnAgeOrNoDayIsNamed() throws {
        let (_, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,生年月日,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,70歳,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,昭和23年,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,S23.5,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 五郎,03-1000-0005,昭和23年5月生まれ,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 六郎,03-1000-0006,1948/5,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 七郎,03-1000-0007,不明,大久保1-1-1,済

            """])
        let said = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[4]) })
        for row in ["2", "3"] { #expect(said[row]?.contains("年齢が書かれている") == true, "row \(row)") }
        for row in ["4", "5", "6", "7"] { #expect(said[row]?.contains("日まで書かれていません") == true, "row \(row)") }
        #expect(said["8"]?.contains("日付として読めません") == true)
        #expect(!said.values.contains { $0.contains("S23.5") || $0.contains("1948/5") })
    }

    /// The year of birth typed into 年齢 was "out of 0–130" or "write a whole number": it is
    /// named as what it is.
    @Test func aYearOfBirthInTheAgeColumnIsNamedAsOne() throws {
        let (_, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,1948,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 二郎,03-1000-0002,昭和23年,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 三郎,03-1000-0003,S23,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 四郎,03-1000-0004,昭和２３年生まれ,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 五郎,03-1000-0005,1200,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 六郎,03-1000-0006,80代,大久保1-1-1,済
            2018-05-10,交流,喫茶,架空 七郎,03-1000-0007,1948/5/10,大久保1-1-1,済

            """])
        let said = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[4]) })
        for row in ["2", "3", "4", "5"] { #expect(said[row]?.contains("生まれた年") == true, "row \(row)") }
        #expect(!said.values.contains { $0.contains("S23") || $0.contains("昭和２３") }, "no part of a birth date is quoted")
        #expect(said["6"]?.contains("0〜130") == true, "not a year anyone now alive was born in")
        #expect(said["7"]?.contains("整数で書いて") == true)
        #expect(said["8"]?.contains("見出しを「生年月日」に") == true, "a birth date under 年齢")
    }
}
