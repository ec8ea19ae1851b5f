import Testing
@testable import IkigaiCore

@Suite("Names in Latin letters: residents from abroad, as the card and the desk write them")
struct LatinNameTests {
    func row(_ name: String, _ phone: String, _ row: Int) -> IdentityRow {
        IdentityRow(source: SourceRow(file: "visits/2018-05.csv", row: row),
                    person: PersonFields(name: name, kana: nil,
                                         phone: try! PhoneNumber.parse(phone).get()),
                    date: CivilDate(iso: "2018-05-10"), age: 74, town: "大久保")
    }

    func people(_ rows: [IdentityRow]) -> Int {
        EvidenceResolver().resolve(IdentityRows(rows), rulings: .none, previous: [:]).people.count
    }

    @Test("one name in any letter case, width or punctuation", arguments: ["Kim Youngja", "ｋｉｍ　ｙｏｕｎｇｊａ", "KIM, YOUNGJA", "Kim Young-ja"])
    func oneName(_ written: String) {
        let expected = written.contains("-") ? "KIMYOUNG-JA" : "KIMYOUNGJA"
        #expect(NameFolding.latinCased(NameFolding.name(written)) == expected, "\(written)")
        #expect(NameFolding.latinCased(NameFolding.name("山田 花子")) == "山田花子")
    }

    /// The public-file guard keeps letter case: upper-cased, the surname `CHANG` written alone
    /// was found inside the statistics' own `EXCHANGE`, and the run stopped with nothing written.
    @Test func theGuardsFormKeepsLetterCase() {
        #expect(NameFolding.name("Chang") == "Chang")
        #expect(!NameFolding.name("\"exchange\": 12,").contains(NameFolding.name("CHANG")))
    }

    @Test func wordsInAnyOrder() {
        #expect(NameFolding.latinWords("SMITH John") == "JOHN SMITH")
        #expect(NameFolding.latinWords("John Smith") == "JOHN SMITH")
        #expect(NameFolding.latinWords("SMITH, John A.") == "A JOHN SMITH")
        #expect(NameFolding.latinWords("SMITH") == nil, "one word")
        #expect(NameFolding.latinWords("山田 太郎") == nil)
        #expect(NameFolding.latinWords("グエン・ヴァン・アン") == nil)
    }

    /// Found writing an Okubo year: the card's `KIM YOUNGJA` and the desk's `Kim Youngja` on one
    /// phone were three people with nothing said, and so were `SMITH John` and `John Smith`.
    @Test func onePersonOnOnePhone() {
        #expect(people([row("KIM YOUNGJA", "03-3614-9183", 2), row("Kim Youngja", "0336149183", 3), row("ｋｉｍ　ｙｏｕｎｇｊａ", "03-3614-9183", 4)]) == 1)
        #expect(people([row("SMITH John", "03-3614-1111", 2), row("John Smith", "03-3614-1111", 3)]) == 1)
    }

    @Test func aHouseholdStaysTwo() {
        #expect(people([row("SMITH John", "03-3614-1111", 2), row("SMITH Mary", "03-3614-1111", 3)]) == 2)
        #expect(people([row("John Smith", "03-3614-1111", 2), row("Mary Smith", "03-3614-1111", 3)]) == 2)
    }

    /// The card in Latin letters, the desk in katakana or kanji: nothing compares the two, so on
    /// one phone the manager decides (they were "other names on one phone", a household).
    @Test("another script on one phone goes to the manager", arguments: ["キム ヨンジャ", "金 英子"])
    func anotherScriptOnOnePhone(_ written: String) throws {
        let r = EvidenceResolver().resolve(IdentityRows([row("KIM YOUNGJA", "03-3614-9183", 2), row(written, "03-3614-9183", 3)]),
                                           rulings: .none, previous: [:])
        #expect(r.people.count == 2)
        let pair = try #require(r.reviews.first)
        #expect(pair.reasonsFor.contains("一方の氏名がローマ字（もう一方と比べられない）"))
    }
}
