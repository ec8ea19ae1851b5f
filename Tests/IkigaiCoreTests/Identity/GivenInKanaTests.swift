import Testing
@testable import IkigaiCore

@Suite("A given name written in kana, its kanji not known at the desk")
struct GivenInKanaTests {
    let parser = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿"])

    func row(_ name: String, _ phone: String, kana: String? = nil, at address: String = "大久保2-3-4", age: Int = 74,
             _ row: Int) -> IdentityRow {
        let (parsed, house) = parser.parseWithHouse(address)
        guard case .inWard(let town, _) = parsed else { preconditionFailure("not in the ward: \(address)") }
        return IdentityRow(source: SourceRow(file: "visits/2018-05.csv", row: row),
                           person: PersonFields(name: name, kana: kana,
                                                phone: try! PhoneNumber.parse(phone).get()),
                           date: CivilDate(iso: "2018-05-10"), age: age, town: town, house: house)
    }

    func people(_ rows: [IdentityRow]) -> Int {
        EvidenceResolver().resolve(IdentityRows(rows), rulings: .none, previous: [:]).people.count
    }

    @Test func theKanaTailIsTheGivenName() throws {
        let split = try #require(NameFolding.givenInKana(NameFolding.name("藤田 まさお")))
        #expect(split.head == "藤田" && split.tail == "マサオ")
        #expect(NameFolding.givenInKana(NameFolding.name("長谷川すみこ"))?.tail == "スミコ")
        for name in ["藤田正男", "ふじたまさお", "藤田ま", "長谷川すみ子"] {
            #expect(NameFolding.givenInKana(NameFolding.name(name)) == nil, "\(name)")
        }
    }

    @Test("one phone, and the reading ends in the kana", arguments: [
        ("藤田 まさお", "藤田 正男", "フジタ マサオ"), ("長谷川すみこ", "長谷川 すみ子", "はせがわ すみこ"), ("渡邊 ようこ", "渡辺洋子", "ﾜﾀﾅﾍﾞ ﾖｳｺ"),
    ])
    func onePhone(_ inKana: String, _ inKanji: String, _ reading: String) {
        #expect(people([row(inKanji, "03-3111-2222", kana: reading, 2), row(inKana, "0331112222", 3)]) == 1, "\(inKana)")
    }

    @Test func aWifeWithAnotherGivenNameOnTheSameLineStaysTwo() {
        #expect(people([row("藤田 正男", "03-3111-2222", kana: "フジタ マサオ", 2), row("藤田 まさこ", "03-3111-2222", 3)]) == 2)
    }

    @Test func anotherSurnameStaysTwo() {
        #expect(people([row("藤田 正男", "03-3111-2222", kana: "フジタ マサオ", 2), row("藤井 まさお", "03-3111-2222", 3)]) == 2)
    }

    /// On another phone the two meet only through the reading (the row in kana had its
    /// フリガナ filled in): then the house and the ages decide.
    @Test func otherPhoneAtTheSameHouseWithAgesThatFit() {
        let kanji = row("藤田 正男", "03-3111-2222", kana: "フジタ マサオ", 2)
        #expect(people([kanji, row("藤田 まさお", "090-1234-5678", kana: "ふじた まさお", 3)]) == 1)
        #expect(people([kanji, row("藤田 まさお", "090-1234-5678", kana: "ふじた まさお", age: 91, 3)]) == 2, "ages one person cannot have")
        #expect(people([kanji, row("藤田 まさお", "090-1234-5678", kana: "ふじた まさお", at: "大久保2-3-9", 3)]) == 2, "another house")
    }

    /// Her row in kana has no reading of its own and another phone: the two meet through
    /// surname and house, and the kanji row's reading decides.
    @Test func otherPhoneNoReadingOnTheKanaRowAtTheSameHouse() {
        #expect(people([row("藤田 正男", "03-3111-2222", kana: "フジタ マサオ", 2), row("藤田まさお", "090-1234-5678", 3)]) == 1)
        #expect(people([row("藤田 正男", "03-3111-2222", kana: "フジタ マサオ", 2), row("藤田まさこ", "090-1234-5678", 3)]) == 2)
    }

    /// Without a reading nothing tells whether まさお reads 正男: the pair goes to the manager,
    /// neither merged nor called a household.
    @Test func withoutAReadingTheManagerDecides() throws {
        let r = EvidenceResolver().resolve(IdentityRows([row("藤田 正男", "03-3111-2222", 2), row("藤田 まさお", "03-3111-2222", 3)]),
                                           rulings: .none, previous: [:])
        #expect(r.people.count == 2)
        let pair = try #require(r.reviews.first)
        #expect(pair.reasonsFor.contains("姓が同じで、一方の名がかな書き（もう一方にフリガナがない）"))
        #expect(!pair.reasonsAgainst.contains { $0.hasPrefix("姓が同じで名が異なる") })
    }

    @Test func partOfTheGivenNameInKanaBeforeTheSameKanji() {
        for (a, b) in [("斎藤はな子", "斎藤花子"), ("山本よし江", "山本良江"), ("田中ハル子", "田中春子"), ("佐々木かず子", "佐々木和子")] {
            #expect(PairVerdict.kanaForKanji(NameFolding.name(a), NameFolding.name(b)), "\(a) \(b)")
            #expect(PairVerdict.kanaForKanji(NameFolding.name(b), NameFolding.name(a)), "either way round")
        }
        for (a, b) in [("斎藤はな子", "斎藤花江"), ("斎藤はな子", "佐藤花子"), ("はな子", "花子"), ("斎藤はな子", "斎藤はな子"),
                       ("斎藤は子", "斎藤花代子"), ("斎藤はなこ", "斎藤花子"), ("斎藤花子", "斎藤春子")] {
            #expect(!PairVerdict.kanaForKanji(NameFolding.name(a), NameFolding.name(b)), "\(a) \(b)")
        }
    }

    /// `斎藤 はな子` beside `齋藤 花子` on one phone was called a household (same surname, another
    /// given name) and kept apart without a word: nothing says whether はな reads 花, so the
    /// manager is asked.
    @Test func partlyInKanaOnOnePhoneGoesToTheManager() throws {
        let r = EvidenceResolver().resolve(IdentityRows([row("齋藤 花子", "03-3111-2222", 2), row("斎藤 はな子", "03-3111-2222", 3)]),
                                           rulings: .none, previous: [:])
        #expect(r.people.count == 2)
        let pair = try #require(r.reviews.first)
        #expect(pair.reasonsFor.contains { $0.hasPrefix("姓が同じで、一方の名の一部がかな書き") })
        #expect(!pair.reasonsAgainst.contains { $0.hasPrefix("姓が同じで名が異なる") })
        // Her husband on the same line is another given name, and no question.
        let couple = EvidenceResolver().resolve(IdentityRows([row("斎藤 正男", "03-3111-2222", 2), row("斎藤 はな子", "03-3111-2222", 3)]),
                                                rulings: .none, previous: [:])
        #expect(couple.people.count == 2 && couple.reviews.isEmpty)
        // Readings that differ settle it: two people, no question.
        let read = EvidenceResolver().resolve(IdentityRows([row("斎藤 花子", "03-3111-2222", kana: "サイトウ ハナコ", 2),
                                                           row("斎藤 はな子", "03-3111-2222", kana: "サイトウ ハナエ", 3)]),
                                              rulings: .none, previous: [:])
        #expect(read.people.count == 2 && read.reviews.isEmpty)
    }

    /// Nor is she a relative of her own group: her given name in kana on her mobile, in kanji
    /// without a reading on her landline, and the house rule joins them all.
    @Test func aGivenNameInKanaIsNoRelativeOfItsKanji() {
        #expect(people([
            row("池田 良子", "070-6848-2855", age: 89, 2),
            row("池田良子", "03-3182-1301", kana: "ｲｹﾀﾞ ﾖｼｺ", age: 89, 3),
            row("池田 よしこ", "0331821301", kana: "いけだ よしこ", age: 89, 4),
        ]) == 1)
    }
}
