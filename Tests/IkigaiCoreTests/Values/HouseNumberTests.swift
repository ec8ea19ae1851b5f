import Testing
@testable import IkigaiCore

@Suite("The house an address names, for the same-person rules")
struct HouseNumberTests {
    let parser = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿", "早稲田町"])

    func house(_ address: String) -> HouseNumber? { parser.parseWithHouse(address).house }

    @Test("one house however the clerk wrote it", arguments: [
        "大久保2-3-4", "東京都新宿区大久保2-3-4", "新宿区大久保二丁目3番4号", "大久保2丁目3番地4", "大久保２－３－４",
        "大久保2丁目3-4", "大久保2ー3ー4", "大久保2−3−4", "大久保2の3の4", "〒169-0072 東京都新宿区大久保2-3-4", "大久保 2-3-4",
        "大久保二丁目三番四号",
    ])
    func oneHouse(_ address: String) {
        #expect(house(address) != nil, "\(address)")
        #expect(house(address) == house("大久保2-3-4"), "\(address)")
    }

    @Test func kanjiNumbersAreReadAsNumbers() {
        #expect(house("百人町一丁目二十三番十号") == house("百人町1-23-10"))
        #expect(house("百人町一丁目一〇一番二号") == house("百人町1-101-2"))
        #expect(house("百人町一丁目二十三番十号") != house("百人町1-3-10"))
    }

    @Test("other houses, and addresses that name no house", arguments: [
        ("大久保2-3-4", "大久保2-3-5"), ("大久保2-3-4", "大久保2-3-4-101"), ("東京都新宿区百人町4-19-8", "新宿区百人町4-19-8コーポ百人町201"),
        ("大久保2-3-4", "大久保2-3-4コーポ大久保201"), ("大久保2-3-4コーポ大久保201", "大久保2-3-4コーポ大久保202"),
    ])
    func otherHouses(_ a: String, _ b: String) {
        #expect(house(a) != house(b), "\(a) / \(b)")
    }

    @Test func aBuildingNameIsKeptAsTheFlat() throws {
        #expect(house("大久保2-3-4 コーポ大久保201") == house("大久保2丁目3番4号コーポ大久保201"))
        let flat = try #require(house("大久保2-3-4コーポ大久保201")), bare = try #require(house("大久保2-3-4"))
        #expect(flat.numbers == bare.numbers && flat.flat != 0 && bare.flat == 0)
    }

    @Test("no value below the 番 or outside the ward", arguments: [
        "大久保2丁目", "大久保2-3", "戸山2-33", "大久保", "新宿区", "中野区中野2-3-4", "大久保2-3-4-5-6", "大久保99999-1-1",
        "大久保百二十三番地", "",
    ])
    func noHouse(_ address: String) {
        #expect(house(address) == nil, "\(address)")
    }

    @Test func theParseItselfIsUnchanged() {
        for a in ["大久保2-3-4", "新宿区大久保二丁目3番4号", "中野区中野2-3-4", "東京都", "大久保2丁目"] {
            #expect(parser.parseWithHouse(a).address == parser.parse(a), "\(a)")
        }
    }
}
