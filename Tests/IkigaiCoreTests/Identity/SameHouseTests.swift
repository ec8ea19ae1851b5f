import Testing
@testable import IkigaiCore

@Suite("One name at one house is one person, whatever phone she gave")
struct SameHouseTests {
    let parser = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿"])

    func row(_ name: String, _ phone: String, _ address: String, age: Int, kana: String? = nil, date: String = "2018-05-10",
             file: String = "visits/2018-05.csv", _ row: Int) -> IdentityRow {
        let (parsed, house) = parser.parseWithHouse(address)
        guard case .inWard(let town, _) = parsed else { preconditionFailure("not in the ward: \(address)") }
        return IdentityRow(source: SourceRow(file: file, row: row),
                           person: PersonFields(name: name, kana: kana,
                                                phone: try! PhoneNumber.parse(phone).get()),
                           date: CivilDate(iso: date), age: age, town: town, house: house)
    }

    func resolve(_ rows: [IdentityRow]) -> PersonRegister {
        EvidenceResolver().resolve(IdentityRows(rows), rulings: .none, previous: [:])
    }

    @Test func landlineOneDayMobileTheNext() {
        let r = resolve([
            row("佐藤 和子", "03-3111-2222", "東京都新宿区大久保2-3-4", age: 74, kana: "サトウ カズコ", 2),
            row("佐藤　和子", "090-1234-5678", "新宿区大久保二丁目3番4号", age: 74, date: "2018-09-03", file: "visits/2018-09.csv", 2),
        ])
        #expect(r.people.count == 1)
        #expect(r.reviews.isEmpty)
    }

    /// One name and age in one town, at two houses on two phones (rows 2 and 3).
    var namesakesAtTwoHouses: [IdentityRow] {
        [row("佐藤 和子", "03-3111-2222", "大久保2-3-4", age: 74, kana: "サトウ カズコ", 2),
         row("佐藤 和子", "090-1234-5678", "大久保1-20-7", age: 74, kana: "サトウ カズコ", 3)]
    }

    @Test func oneNameAtTwoHousesOfOneTownRanksBelowOneWhoseHouseIsNotKnown() throws {
        // Two phones and two houses in one town: a namesake of her age more often than one who
        // moved and changed her phone. Beside a pair where one side wrote no house, it comes later.
        let r = resolve(namesakesAtTwoHouses + [
            row("鈴木 節子", "03-3111-3333", "大久保2-3-5", age: 80, kana: "スズキ セツコ", 4),
            row("鈴木 節子", "090-1234-9999", "大久保2丁目", age: 80, kana: "スズキ セツコ", 5),
        ])
        #expect(r.people.count == 4)
        let twoHouses = try #require(r.reviews.first { $0.a.row == 2 })
        let oneUnknown = try #require(r.reviews.first { $0.a.row == 4 })
        #expect(twoHouses.likelihood < oneUnknown.likelihood)
        #expect(twoHouses.reasonsAgainst.contains("番地・部屋が異なる"))
        #expect(!oneUnknown.reasonsAgainst.contains("番地・部屋が異なる"))
        #expect(r.reviews.map(\.a.row) == [4, 2], "most likely first")
    }

    @Test func onePhoneWithASlipRanksAboveANamesakeInTown() throws {
        // A shared phone says more than a shared name and town: her age a year off on her own
        // line is asked before two of one name and age at two houses on two phones.
        let r = resolve(namesakesAtTwoHouses + [
            row("鈴木 節子", "03-3111-3333", "大久保2-3-5", age: 80, kana: "スズキ セツコ", 4),
            row("鈴木 節子", "03-3111-3333", "大久保2-3-5", age: 83, kana: "スズキ セツコ", 5),
        ])
        #expect(r.reviews.map(\.a.row) == [4, 2])
    }

    /// A manager who ruled such a pair 別人 when it was on the review list keeps her ruling.
    @Test func anEarlierRulingOfTwoPeopleStillHolds() {
        let rows = [
            row("佐藤 和子", "03-3111-2222", "大久保2-3-4", age: 74, 2),
            row("佐藤 和子", "090-1234-5678", "大久保2-3-4", age: 74, 3),
        ]
        let key = { (phone: String) in NameFolding.name("佐藤 和子") + "\u{1}" + phone }
        let pair = Rulings.pairKey(key("0331112222"), key("09012345678"))
        let apart = Rulings(entries: [.init(pair: pair, ruling: .different, source: SourceRow(file: "decisions.csv", row: 2))], findings: [])
        let r = EvidenceResolver().resolve(IdentityRows(rows), rulings: apart, previous: [:])
        #expect(r.people.count == 2)
        #expect(r.findings.isEmpty, "the ruling still names a pair the rules see")
        #expect(resolve(rows).people.count == 1)
    }

    /// Complete linkage keeps groups apart on a contradiction, not on a pair with nothing in
    /// common: her given name in kana on her mobile (`渡邊 ようこ`) and her landline (`渡辺 洋子`)
    /// share neither name nor phone, yet nothing says they are two people.
    @Test func aSpellingInOneGroupDoesNotKeepTheHouseFromJoiningIt() {
        let rows = [
            row("渡邊 洋子", "090-2665-0666", "新宿区大久保一丁目12番6号", age: 85, kana: "わたなべようこ", date: "2018-04-01", file: "visits/2018-04.csv", 11),
            row("渡辺　洋子", "03-4056-6076", "大久保1-12-6", age: 86, kana: "ワタナベ ヨウコ", date: "2018-07-02", file: "visits/2018-07.csv", 77),
            row("渡邊 ようこ", "090(2665)0666", "東京都新宿区大久保１－１２－６", age: 86, kana: "わたなべ ようこ", date: "2018-07-31", file: "visits/2018-07.csv", 1180),
        ]
        let r = resolve(rows)
        #expect(r.people.count == 1)
        #expect(r.reviews.isEmpty)
    }

    @Test func aContradictionStillKeepsGroupsApart() {
        // The same, but the landline's reading is another: 洋子 read ヒロコ is someone else.
        let r = resolve([
            row("渡邊 洋子", "090-2665-0666", "大久保1-12-6", age: 85, kana: "ワタナベ ヨウコ", 2),
            row("渡辺 洋子", "03-4056-6076", "大久保1-12-6", age: 85, kana: "ワタナベ ヒロコ", 3),
            row("渡邊 ようこ", "090-2665-0666", "大久保1-12-6", age: 85, kana: "ワタナベ ヨウコ", 4),
        ])
        #expect(r.people.count == 2)
    }

    @Test func aFatherAndSonOfOneNameAtOneHouseStayTwo() {
        let r = resolve([
            row("田中 実", "03-3111-2222", "大久保2-3-4", age: 88, 2),
            row("田中 実", "090-1234-5678", "大久保2-3-4", age: 61, 3),
        ])
        #expect(r.people.count == 2)
    }

    @Test func aCoupleAtOneHouseStaysTwo() {
        let r = resolve([
            row("佐藤 和子", "090-1111-2222", "大久保2-3-4", age: 74, 2),
            row("佐藤 清", "090-3333-4444", "大久保2-3-4", age: 76, 3),
        ])
        #expect(r.people.count == 2)
    }

    @Test func otherReadingsAtOneHouseStayTwo() {
        let r = resolve([
            row("山田 幸子", "03-3111-2222", "大久保2-3-4", age: 70, kana: "ヤマダ サチコ", 2),
            row("山田 幸子", "090-1234-5678", "大久保2-3-4", age: 70, kana: "ヤマダ ユキコ", 3),
        ])
        #expect(r.people.count == 2)
    }

    @Test("an address that names no house still goes to the manager", arguments: [
        ("大久保2丁目", "大久保2丁目"), ("大久保2-3", "大久保2-3"), ("大久保2-3-4", "大久保2-3-5"), ("大久保2-3-4", "百人町2-3-4"),
    ])
    func noHouseNoMerge(_ a: String, _ b: String) {
        let r = resolve([
            row("佐藤 和子", "03-3111-2222", a, age: 74, 2),
            row("佐藤 和子", "090-1234-5678", b, age: 74, 3),
        ])
        #expect(r.people.count == 2, "\(a) / \(b)")
        #expect(r.reviews.count == (a.hasPrefix("大久保") && b.hasPrefix("大久保") ? 1 : 0), "\(a) / \(b)")
    }

    /// Two women of one name and age in one block of flats: one of them wrote her flat once,
    /// which tells that the bare numbers name a building, not a household.
    @Test func bareNumbersOfABuildingAreNoHouse() {
        let r = resolve([
            row("岡崎 悦子", "03-3450-9741", "東京都新宿区百人町4-19-8", age: 84, 2),
            row("岡崎 悦子", "03-3319-6315", "新宿区百人町4-19-8コーポ百人町201", age: 84, 3),
            row("岡崎悦子", "0333196315", "東京都新宿区百人町4丁目19-8", age: 84, date: "2019-01-29", file: "visits/2019-01.csv", 2),
        ])
        #expect(r.people.count == 2)
        #expect(r.reviews.count == 1)
        #expect(r.reviews.first?.reasonsFor.contains("同じ集合住宅（番地まで同じ）") == true,
                "the manager is told it is the same block of flats")
    }

    @Test func theFlatItselfNamesTheHousehold() {
        let r = resolve([
            row("岡崎 悦子", "03-3450-9741", "百人町4-19-8コーポ百人町201", age: 84, 2),
            row("岡崎 悦子", "090-1234-5678", "新宿区百人町四丁目19番8号 コーポ百人町201", age: 84, 3),
        ])
        #expect(r.people.count == 1)
    }

    /// One name at one house on `n` phones, one row each, as a name and address filled down a
    /// column by mistake leave them.
    func filledDown(_ n: Int) -> [IdentityRow] {
        (0..<n).map { i in
            row("佐藤 和子", "03-\(3100 + i / 100)-\(1000 + i % 100)", "大久保2-3-4", age: 74,
                kana: "サトウ カズコ", i + 2)
        }
    }

    @Test func aPersonHasAtMostSixtyFourSpellingsOfNameAndPhone() throws {
        let n = 200
        let r = resolve(filledDown(n))
        var rowsOf: [PersonID: Int] = [:]
        for p in r.personOf.values { rowsOf[p, default: 0] += 1 }
        #expect(rowsOf.values.allSatisfy { $0 <= EvidenceResolver.mostProfilesJoined })
        #expect(rowsOf.count >= (n + 63) / 64 && rowsOf.count < n / 2, "joined up to the limit, not left one by one")
        let notice = try #require(r.findings.first { $0.code == .crowdedPerson })
        #expect(r.findings.filter { $0.code == .crowdedPerson }.count == 1, "one notice for the sheet")
        #expect(notice.file == "visits/2018-05.csv" && notice.row == 2)
        #expect(notice.code.kind == .notice)
        #expect(!notice.message.contains("佐藤") && !notice.message.contains("03-"), "no personal data in a notice")
    }

    @Test func underTheLimitNothingChanges() {
        let r = resolve(filledDown(EvidenceResolver.mostProfilesJoined))
        #expect(r.people.count == 1)
        #expect(r.findings.isEmpty)
    }
}
