import Foundation
import Testing
@testable import IkigaiCore

@Suite("Same person across sheets and months")
struct IdentityTests {
    var nextRow = 2

    func row(_ name: String, _ phone: String, kana: String? = nil, age: Int? = nil, date: String? = "2018-05-10",
             town: String? = "大久保", file: String = "visits/2018-05.csv", row: Int) -> IdentityRow {
        IdentityRow(source: SourceRow(file: file, row: row),
                    person: PersonFields(name: name, kana: kana,
                                         phone: try! PhoneNumber.parse(phone).get()),
                    date: date.flatMap { CivilDate(iso: $0) }, age: age, town: town)
    }

    func people(_ rows: [IdentityRow], rulings: Rulings = .none) -> (Int, PersonRegister) {
        let r = EvidenceResolver().resolve(rows, rulings: rulings, previous: [:])
        return (r.people.count, r)
    }

    @Test("variant spellings of one person merge", arguments: [
        ("高橋 和子", "髙橋　和子"), ("山崎 清", "山﨑清"), ("渡辺 茂", "渡邊 茂"), ("渡辺 茂", "渡邉 茂"),
        ("斎藤 博", "齋藤 博"), ("斉藤 博", "齊藤 博"), ("斉藤 博", "斎藤 博"), ("沢田 勇", "澤田 勇"), ("浜田 実", "濱田 実"),
        ("国井 進", "國井 進"), ("島田 正", "嶋田 正"), ("広田 勝", "廣田 勝"), ("吉田 修", "𠮷田 修"),
        ("広瀬 竜也", "廣瀨 龍也"), ("曽根 弥生", "曾根 彌生"), ("柳田 清", "栁田 淸"), ("田淵 豊", "田渕 豐"),
        ("葛西 隆", "葛\u{E0100}西 隆"), ("辻 昭", "辻\u{FE00} 昭"), ("ＡＢＣ 花子", "ABC花子"), ("佐藤\u{200B}豊", "佐藤 豊"),
        // Invisible characters a name copied from a web page or a Word file may carry.
        // An honorific a clerk added.
        ("山田 太郎", "山田 太郎様"), ("山田 太郎", "山田太郎 様"), ("山田 太郎", "山田 太郎殿"),
        ("山田 太郎", "山田太郎\u{00AD}"), ("山田 太郎", "\u{200E}山田\u{2060}太郎"), ("山田 太郎", "山田\u{202A}太郎\u{202C}"),
    ])
    func variantsMerge(_ a: String, _ b: String) {
        let (n, _) = people([row(a, "03-1111-2222", age: 70, row: 2), row(b, "0311112222", age: 70, row: 3)])
        #expect(n == 1, "\(a) / \(b)")
    }

    @Test func theIgnorableTableIsUnicodes() {
        // Every scalar: the spelled-out ranges are exactly Default_Ignorable_Code_Point.
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if NameFolding.isDefaultIgnorable(v) != u.properties.isDefaultIgnorableCodePoint {
                Issue.record("U+\(String(v, radix: 16, uppercase: true))")
                return
            }
        }
    }

    @Test("readings in any kana form are one reading", arguments: ["サトウ カズコ", "さとう かずこ", "ｻﾄｳ ｶｽﾞｺ", "サトウ・カズコ", "サトウ　カズコ"])
    func readings(_ kana: String) {
        #expect(NameFolding.reading(kana) == "サトウカズコ")
    }

    @Test func smallKanaAndLongVowel() {
        #expect(NameFolding.reading("ジョウ") == NameFolding.reading("ジヨウ"))
        #expect(NameFolding.reading("ｶﾞｯｺｳ") == "ガツコウ")
        #expect(NameFolding.reading("ユーコ") == NameFolding.reading("ユコ"))
        #expect(NameFolding.reading("チヂミ") == NameFolding.reading("チジミ"))
    }

    @Test func unknownVariantWithTheSameReadingAndPhoneMerges() {
        // 佐籐 is a common mistyping of 佐藤 that no table lists; same phone, same reading, same age.
        let (n, _) = people([row("佐藤 和子", "03-1111-2222", kana: "サトウ カズコ", age: 70, row: 2),
                             row("佐籐 和子", "03-1111-2222", kana: "さとう かずこ", age: 70, row: 3)])
        #expect(n == 1)
    }

    @Test func nameWrittenInKanaIsItsOwnReading() {
        // Reception wrote the name in kana when the kanji were not known.
        let (n, _) = people([row("齊藤 二郎", "03-5555-0000", kana: "サイトウ ジロウ", age: 66, row: 2),
                             row("ｻｲﾄｳ ｼﾞﾛｳ", "0355550000", age: 66, row: 3), row("さいとう じろう", "03-5555-0000", age: 66, row: 4)])
        #expect(n == 1)
        // A kana name that reads otherwise on the same landline is someone else of the household.
        let (m, _) = people([row("佐藤 和子", "03-1111-2222", kana: "サトウ カズコ", age: 72, row: 2),
                             row("サトウ キヨシ", "03-1111-2222", age: 72, row: 3)])
        #expect(m == 2)
    }

    @Test("a reading in brackets after the name is split off", arguments: [
        ("山田 太郎（ヤマダ タロウ）", "山田 太郎", "ヤマダ タロウ"), ("山田太郎(やまだ たろう)", "山田太郎", "やまだ たろう"),
        ("山田 太郎 (ﾔﾏﾀﾞ ﾀﾛｳ)", "山田 太郎", "ヤマダ タロウ"), ("山田 太郎（ヤマダ・タロウ）", "山田 太郎", "ヤマダ・タロウ"),
    ])
    func readingInBrackets(_ written: String, _ name: String, _ reading: String) throws {
        let split = try #require(NameFolding.splittingReading(written))
        #expect(split.name == name && split.reading == reading)
    }

    @Test func bracketsThatAreNotAReadingStay() {
        // (タロウ) reads the given name only: as the row's reading it would part this row from
        // the same person's rows that read the whole name.
        for written in ["山田 太郎（旧姓 田中）", "山田 太郎", "（ヤマダ）", "山田 太郎（ア）", "山田 太郎）", "山田 太郎（タロウ）"] {
            #expect(NameFolding.splittingReading(written) == nil, "\(written)")
        }
    }

    @Test func sameSurnameAndReadingWithAnotherKanjiForTheGivenNameMerges() {
        // 二郎 and 次郎 both read ジロウ: one household cannot have two of one reading, so a
        // shared reading outweighs "same surname, other given name".
        let (n, _) = people([row("齊藤 二郎", "03-5555-0000", kana: "サイトウ ジロウ", age: 66, row: 2),
                             row("斎藤 次郎", "03-5555-0000", kana: "さいとう じろう", age: 66, row: 3)])
        #expect(n == 1)
        let (m, _) = people([row("齊藤 二郎", "03-5555-0000", kana: "サイトウ ジロウ", age: 66, row: 2),
                             row("斎藤 次郎", "03-5555-0000", kana: "サイトウ ツギオ", age: 66, row: 3)])
        #expect(m == 2)
    }

    @Test func aReadingOfPartOfTheNameIsNoEvidenceAgainst() {
        // カズコ reads the given name only; with one digit of the phone mistyped, name, age and
        // town make the two one person, as they do without a reading.
        let (n, _) = people([row("佐藤 和子", "03-1111-2222", kana: "カズコ", age: 70, row: 2),
                             row("佐藤 和子", "03-1111-2223", kana: "サトウ カズコ", age: 70, row: 3)])
        #expect(n == 1)
    }

    @Test func aGivenNameInHiraganaOnceAndKatakanaOnceIsOneWoman() {
        // Clerks write an elderly woman's kana name either way, and the old kana ヱ/ヰ as エ/イ.
        // As "same surname, other given name" on her own phone she was two of one household.
        for (a, b) in [("山田 はな", "山田 ハナ"), ("山田 ヨシヱ", "山田 よしえ"), ("山田はな", "山田 ハナ"), ("山田 キヰ", "山田 キイ")] {
            let (n, _) = people([row(a, "03-1111-2222", age: 84, row: 2), row(b, "03-1111-2222", age: 84, row: 3)])
            #expect(n == 1, "\(a) / \(b)")
        }
        // Other kana are another name, and a name alone on other phones is still not evidence.
        let (m, _) = people([row("山田 はな", "03-1111-2222", age: 84, row: 2), row("山田 ハル", "03-1111-2222", age: 84, row: 3)])
        #expect(m == 2)
        let (k, _) = people([row("山田 はな", "03-1111-2222", age: 84, town: "大久保", row: 2),
                             row("山田 ハナ", "03-9999-8888", age: 84, town: "百人町", row: 3)])
        #expect(k == 2)
        #expect(NameFolding.reading("ヨシヱ") == NameFolding.reading("よしえ"))
    }

    @Test func coupleOnOneLandlineStaysApart() {
        let (n, _) = people([row("佐藤 和子", "03-1111-2222", age: 72, row: 2), row("佐藤 清", "03-1111-2222", age: 74, row: 3),
                             row("佐藤和子", "03-1111-2222", age: 72, row: 4)])
        #expect(n == 2)
    }

    @Test func commonNameWithOtherPhoneAndInconsistentAgeIsTwoPeople() {
        let (n, r) = people([row("鈴木 幸子", "03-1111-2222", age: 70, date: "2018-05-10", row: 2),
                             row("鈴木 幸子", "03-3333-4444", age: 82, date: "2018-06-10", row: 3)])
        #expect(n == 2)
        #expect(r.reviews.isEmpty)
    }

    @Test func ageOnlyMovesUpByOneAYear() {
        let a = row("田中 実", "03-1111-2222", age: 70, date: "2018-04-10", row: 2)
        var p = Profile(index: 0, name: "田中実", phone: "0311112222")
        p.note(age: 70, on: CivilDate(iso: "2018-04-10")!)
        var q = Profile(index: 1, name: "田中実", phone: "0399998888")
        q.note(age: 71, on: CivilDate(iso: "2019-03-10")!)
        #expect(p.agesConsistent(with: q) == true)
        var older = Profile(index: 2, name: "田中実", phone: "0399998888")
        older.note(age: 72, on: CivilDate(iso: "2019-03-10")!)
        #expect(p.agesConsistent(with: older) == false)
        var younger = Profile(index: 3, name: "田中実", phone: "0399998888")
        younger.note(age: 69, on: CivilDate(iso: "2018-09-10")!)
        #expect(p.agesConsistent(with: younger) == false)
        _ = a
    }

    @Test func uncertainPairGoesToReviewAndARulingSettlesIt() throws {
        // One digit apart, the same name and age, but different towns and no reading: the rules cannot settle it.
        let rows = [row("伊藤 節子", "03-1111-2222", age: 75, row: 2),
                    row("伊藤 節子", "03-1111-2223", age: 75, town: "百人町", row: 9)]
        let (n, r) = people(rows)
        #expect(n == 2)
        let pair = try #require(r.reviews.first)
        #expect(pair.likelihood > 0.5)
        #expect(pair.reasonsFor.contains("電話番号が1桁だけ違う"))
        #expect(pair.a == SourceRow(file: "visits/2018-05.csv", row: 2))

        let same = Rulings(entries: [.init(pair: pair.pair, ruling: .same, source: SourceRow(file: "decisions.csv", row: 2))], findings: [])
        let (merged, r2) = people(rows, rulings: same)
        #expect(merged == 1)
        #expect(r2.reviews.isEmpty, "a settled pair leaves the review list")
        let different = Rulings(entries: [.init(pair: pair.pair, ruling: .different, source: SourceRow(file: "decisions.csv", row: 2))], findings: [])
        let (apart, r3) = people(rows, rulings: different)
        #expect(apart == 2)
        #expect(r3.reviews.isEmpty)
    }

    @Test func agesADecadeApartRankBelowASlipOfAYear() throws {
        // Two residents of one name at a care home give its phone: 70 and 85 are two people far
        // more often than 70 and 72 are. Both stay for the manager; the slip is asked first.
        let rows = [
            row("山田 太郎", "03-3200-1111", age: 70, date: "2018-05-17", row: 2),
            row("山田 太郎", "03-3200-1111", age: 85, date: "2018-05-18", row: 3),
            row("佐藤 清", "03-3200-1111", age: 70, date: "2018-05-17", row: 4),
            row("佐藤 清", "03-3200-1111", age: 72, date: "2018-05-18", row: 5),
        ]
        let (n, r) = people(rows)
        #expect(n == 4)
        #expect(r.reviews.count == 2)
        let slip = try #require(r.reviews.first { $0.a.row == 4 || $0.b.row == 4 })
        let decade = try #require(r.reviews.first { $0.a.row == 2 || $0.b.row == 2 })
        #expect(slip.likelihood > decade.likelihood)
        #expect(r.reviews.first?.pair == slip.pair, "most likely first")
        #expect(slip.reasonsAgainst.contains { $0.hasPrefix("年齢が日付と矛盾する") })
        #expect(decade.reasonsAgainst.contains("年齢が10歳以上離れている（親子や、同じ施設の同名の別人の可能性）"))
    }

    @Test(arguments: [(70, 79, false), (70, 80, true), (61, 95, true)])
    func howFarApartAgesAre(_ a: Int, _ b: Int, _ far: Bool) throws {
        let (_, r) = people([row("山田 太郎", "03-3200-1111", age: a, date: "2018-05-17", row: 2),
                             row("山田 太郎", "03-3200-1111", age: b, date: "2018-05-17", row: 3)])
        let pair = try #require(r.reviews.first)
        #expect(pair.reasonsAgainst.contains { $0.hasPrefix("年齢が10歳以上離れている") } == far, "\(a) / \(b)")
    }

    @Test func oneNameOnOnePhoneWithAgesOnePersonCannotHaveGoesToReview() throws {
        // A father and son of one name on one landline, or one person with a mistyped age:
        // the rules cannot tell, so neither is merged silently. A group list (no age) and a
        // later visit whose age fits join the first of them.
        let member = row("山田 太郎", "03-5555-6666", age: nil, date: nil, town: nil, file: "groups/a.csv", row: 2)
        let seventy = row("山田 太郎", "03-5555-6666", age: 70, date: "2018-05-17", row: 2)
        let eightyFive = row("山田　太郎", "0355556666", age: 85, date: "2018-05-18", row: 3)
        let seventyLater = row("山田 太郎", "03-5555-6666", age: 70, date: "2018-09-01", row: 4)
        let rows = [member, seventy, eightyFive, seventyLater]
        let (n, r) = people(rows)
        #expect(n == 2)
        #expect(r.personOf[member.source] == r.personOf[seventy.source])
        #expect(r.personOf[seventyLater.source] == r.personOf[seventy.source])
        #expect(r.personOf[eightyFive.source] != r.personOf[seventy.source])
        let pair = try #require(r.reviews.first)
        #expect(r.reviews.count == 1)
        #expect(pair.reasonsFor.contains("電話番号が同じ"))
        #expect(pair.reasonsAgainst.contains { $0.hasPrefix("年齢が10歳以上離れている") })

        let same = Rulings(entries: [.init(pair: pair.pair, ruling: .same, source: SourceRow(file: "decisions.csv", row: 2))], findings: [])
        let (merged, r2) = people(rows, rulings: same)
        #expect(merged == 1)
        #expect(r2.reviews.isEmpty)
        let different = Rulings(entries: [.init(pair: pair.pair, ruling: .different, source: SourceRow(file: "decisions.csv", row: 2))], findings: [])
        let (apart, r3) = people(rows, rulings: different)
        #expect(apart == 2)
        #expect(r3.reviews.isEmpty)
        #expect(r3.findings.isEmpty, "the ruling found its pair")
    }

    @Test func theTwoOfOneNameAndPhoneKeepTheirPairAndNumbersWhenAnEarlierSheetArrives() throws {
        let seventy = row("山田 太郎", "03-5555-6666", age: 70, date: "2018-05-17", row: 2)
        let eightyFive = row("山田 太郎", "03-5555-6666", age: 85, date: "2018-05-18", row: 3)
        let r1 = EvidenceResolver().resolve([seventy, eightyFive], rulings: .none, previous: [:])
        let previous = PreviousNumbers(r1.ids)
        // An applications sheet sorts before the visits: now the 85-year-old comes first.
        let early = row("山田 太郎", "03-5555-6666", age: 85, date: "2018-04-20", file: "applications/2018-04.csv", row: 2)
        let r2 = EvidenceResolver().resolve([early, seventy, eightyFive], rulings: .none, previous: previous)
        #expect(r2.people.count == 2)
        #expect(r2.personOf[seventy.source] == r1.personOf[seventy.source])
        #expect(r2.personOf[eightyFive.source] == r1.personOf[eightyFive.source])
        #expect(r2.personOf[early.source] == r1.personOf[eightyFive.source])
        #expect(try #require(r2.reviews.first).pair == (try #require(r1.reviews.first)).pair)
    }

    @Test func aLaterRowWithAnAgeThatCannotBeHisDoesNotTakeHisNumberOrPair() throws {
        // Found running month by month: in April a man of 78 applied and visited; in May a visit
        // on his phone said 87. The older cohort ranked first by age, so the May row took his
        // key: his person number, his pair keys and the lottery ticket published in April.
        let april = [row("井上 正男", "03-4167-9213", age: 78, date: "2018-04-11", file: "applications/2018-04.csv", row: 57),
                     row("井上 正男", "03-4167-9213", age: 78, date: "2018-04-17", file: "visits/2018-04.csv", row: 642)]
        let may = row("井上 正男", "03-4167-9213", age: 87, date: "2018-05-28", file: "visits/2018-05.csv", row: 956)
        let r1 = EvidenceResolver().resolve(april, rulings: .none, previous: [:])
        let r2 = EvidenceResolver().resolve(april + [may], rulings: .none, previous: PreviousNumbers(r1.ids))
        #expect(r2.people.count == 2)
        #expect(r2.personOf[april[0].source] == r1.personOf[april[0].source])
        #expect(r2.personOf[april[1].source] == r1.personOf[april[1].source])
        #expect(r2.personOf[may.source] != r1.personOf[april[0].source])
        // A third run keeps both, and so does one from an ids.csv without first rows (age order).
        let r3 = EvidenceResolver().resolve(april + [may], rulings: .none, previous: PreviousNumbers(r2.ids))
        #expect(r3.personOf[may.source] == r2.personOf[may.source] && r3.personOf[april[0].source] == r2.personOf[april[0].source])
        #expect(try #require(r3.reviews.first).pair == (try #require(r2.reviews.first)).pair)
        let numbersOnly = PreviousNumbers(r2.ids).withoutFirstRows
        let old = EvidenceResolver().resolve(april + [may], rulings: .none, previous: numbersOnly)
        #expect(old.people.count == 2)
    }

    @Test func oneMistypedDigitWithNameAgeAndTownMerges() {
        let (n, r) = people([row("伊藤 節子", "03-1111-2222", kana: "イトウ セツコ", age: 75, row: 2),
                             row("伊藤 節子", "03-1111-2223", age: 75, row: 3)])
        #expect(n == 1)
        #expect(r.reviews.isEmpty)
    }

    @Test func staleRulingIsReported() {
        let stale = Rulings(entries: [.init(pair: "0123456789ab", ruling: .same, source: SourceRow(file: "decisions.csv", row: 5))], findings: [])
        let (_, r) = people([row("伊藤 節子", "03-1111-2222", age: 75, row: 2)], rulings: stale)
        #expect(r.findings.map(\.code) == [.staleRuling])
        #expect(r.findings.first?.row == 5)
    }

    @Test func noChainingThroughAThirdRecord() {
        // A and B share a phone and a reading (one person, variant spelling); C shares the
        // reading and phone with B too but is 20 years older: C must not join A and B,
        // and the manager's "same" for A–C cannot pull in B when B–C is ruled different.
        let a = row("佐藤 和子", "03-1111-2222", kana: "サトウ カズコ", age: 70, row: 2)
        let b = row("佐籐 和子", "03-1111-2222", kana: "サトウ カズコ", age: 70, row: 3)
        let c = row("佐藤 和子", "03-1111-2223", kana: "サトウ カズコ", age: 90, row: 4)
        let (n, r) = people([a, b, c])
        #expect(n == 2)
        #expect(r.personOf[a.source] == r.personOf[b.source])
        #expect(r.personOf[a.source] != r.personOf[c.source])
    }

    @Test func completeLinkageRefusesAChain() {
        var clusters = Clusters(count: 3)
        let different: Set<[Int]> = [[0, 2]]
        clusters.merge(0, 1) { x, y in !different.contains([min(x, y), max(x, y)]) }
        clusters.merge(1, 2) { x, y in !different.contains([min(x, y), max(x, y)]) }
        #expect(clusters.find(0) == clusters.find(1))
        #expect(clusters.find(2) != clusters.find(0), "2 may not join through 1 while 0–2 are different")
    }

    @Test func numbersStayWhenTheInputGrows() {
        let first = [row("伊藤 節子", "03-1111-2222", row: 2), row("小林 清", "03-2222-3333", row: 3)]
        let r1 = EvidenceResolver().resolve(first, rulings: .none, previous: [:])
        let previous = PreviousNumbers(r1.ids)
        // A new sheet that sorts first brings a new person.
        let grown = [row("青木 勇", "03-5555-6666", file: "groups/a.csv", row: 2)] + first
        let r2 = EvidenceResolver().resolve(grown, rulings: .none, previous: previous)
        #expect(r2.personOf[first[0].source] == r1.personOf[first[0].source])
        #expect(r2.personOf[first[1].source] == r1.personOf[first[1].source])
        #expect(r2.personOf[grown[0].source] == PersonID(3))
    }
}
