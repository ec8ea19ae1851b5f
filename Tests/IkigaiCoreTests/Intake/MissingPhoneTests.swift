import Testing
@testable import IkigaiCore

@Suite("A phone cell that says there is none")
struct MissingPhoneTests {
    @Test(arguments: ["なし", "無", "不明", "-", "－", "ー", "×", "None", " なし "])
    func saysNone(_ written: String) { #expect(PhoneNumber.saysNone(written), "\(written)") }

    @Test(arguments: ["03-1234-5678", "03-1234-567", "なし03-1234-5678", "自宅", "0"])
    func numbersAndOtherWordsAreNot(_ written: String) { #expect(!PhoneNumber.saysNone(written), "\(written)") }

    /// `なし` was told "characters other than digits", `-` "0 digits": as if a number were mistyped.
    @Test func aMemberWithNoPhoneIsToldWhyTheRowIsNotCounted() throws {
        let (o, rows) = try Support.runSheets(["groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 一郎,なし
            囲碁の会,架空 二郎,-
            囲碁の会,架空 三郎,03-1000-0003

            """])
        #expect(o.summary.rowsRead == 3 && o.summary.rowsAccepted == 1)
        #expect(rows.map { "\($0[1]):\($0[2]):\($0[3])" } == ["2:電話番号:R209", "3:電話番号:R209"])
        #expect(rows.allSatisfy { $0[4].contains("電話番号のない行は数えられません") })
    }
}
