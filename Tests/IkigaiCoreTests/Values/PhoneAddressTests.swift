import Testing
@testable import IkigaiCore

@Suite("Phones compared by digits")
struct PhoneTests {
    @Test("each written form gives the same digits", arguments: [
        "03-1234-5678", "0312345678", "03(1234)5678", "０３－１２３４－５６７８", "03 1234 5678", "+81 3 1234 5678",
        "+81-3-1234-5678", "+81 (0)3 1234 5678", "03ー1234ー5678", "03−1234−5678",
    ])
    func landline(_ text: String) throws {
        #expect(try PhoneNumber.parse(text).get().digits == "0312345678")
    }

    @Test func mobile() throws {
        #expect(try PhoneNumber.parse("090 1234 5678").get().digits == "09012345678")
        #expect(try PhoneNumber.parse("090-1234-5678").get().digits == "09012345678")
    }

    @Test func wrongLengths() {
        #expect(PhoneNumber.parse("03-1234-567") == .failure(.wrongLength(digits: 9)))
        #expect(PhoneNumber.parse("090-1234-56789") == .failure(.wrongLength(digits: 12)))
        #expect(PhoneNumber.parse("") == .failure(.wrongLength(digits: 0)))
        #expect(PhoneNumber.parse("03-1234-567８90") == .failure(.wrongLength(digits: 12)))
    }

    @Test func notAPhone() {
        #expect(PhoneNumber.parse("不明") == .failure(.unexpectedCharacters))
        #expect(PhoneNumber.parse("3123456789") == .failure(.noLeadingZero))
        #expect(PhoneNumber.parse("+1 212 555 0100") == .failure(.unexpectedCharacters))
    }

    @Test func aNoteInBracketsAfterTheNumberIsDropped() throws {
        for t in ["03-1111-2222（自宅）", "090-1234-5678(携帯)", "0311112222 (自宅)", "03(1111)2222（代表）", "03-1111-2222(home)"] {
            #expect(try PhoneNumber.parse(t).get().digits.hasPrefix("0"), "\(t)")
        }
        #expect(try PhoneNumber.parse("03-1111-2222（自宅）").get().digits == "0311112222")
        #expect(PhoneNumber.parse("03-1111-2222（内線12）") == .failure(.unexpectedCharacters), "a note with digits is not dropped")
        #expect(PhoneNumber.parse("(自宅)") == .failure(.unexpectedCharacters), "a note alone is no number")
        #expect(PhoneNumber.parse("03-1111-2222（自宅の番号はこちらです）") == .failure(.unexpectedCharacters), "a long text is not a note")
        #expect(PhoneNumber.parse("03-1111-2222 実家") == .failure(.unexpectedCharacters), "only a bracketed note, or a known label")
    }

    @Test func aNoteInBracketsBeforeTheNumberIsDropped() throws {
        for t in ["(携帯)090-1111-2222", "（携帯）０９０－１１１１－２２２２", "(携帯) 090 1111 2222", "(本人)09011112222(携帯)"] {
            #expect(try PhoneNumber.parse(t).get().digits == "09011112222", "\(t)")
        }
        #expect(try PhoneNumber.parse("(03)1111-2222").get().digits == "0311112222", "brackets round the area code stay")
        #expect(PhoneNumber.parse("(内線1)03-1111-2222") == .failure(.unexpectedCharacters), "a note with digits is not dropped")
        #expect(PhoneNumber.parse("(FAX)03-1111-2222") == .failure(.unexpectedCharacters), "a fax number is not a phone")
        #expect(PhoneNumber.parse("03-1111-2222(FAX)") == .failure(.unexpectedCharacters))
    }

    @Test("a label that says what the number is, before or after it, is dropped", arguments: [
        "TEL 03-1111-2222", "TEL:03-1111-2222", "Tel.03-1111-2222", "ＴＥＬ：０３－１１１１－２２２２", "℡03-1111-2222",
        "電話 03-1111-2222", "電話番号：03-1111-2222", "自宅 03-1111-2222", "03-1111-2222 自宅", "03-1111-2222　自宅",
        // Excel's way of keeping the leading 0: a formula whose value is the text.
        "=\"0311112222\"", "=\"03-1111-2222\"",
    ])
    func aLabelIsDropped(_ text: String) throws {
        #expect(try PhoneNumber.parse(text).get().digits == "0311112222")
    }

    @Test func onlyAKnownLabelIsDropped() throws {
        #expect(PhoneNumber.parse("FAX 03-1111-2222") == .failure(.unexpectedCharacters), "a fax number is not a phone")
        #expect(PhoneNumber.parse("TEL") == .failure(.unexpectedCharacters), "a label alone is no number")
        #expect(PhoneNumber.parse("自宅") == .failure(.unexpectedCharacters))
        #expect(PhoneNumber.parse("03-1111-2222自宅") == .failure(.unexpectedCharacters), "after the number, only apart from it")
        #expect(try PhoneNumber.parse("携帯 090-1234-5678").get().digits == "09012345678")
    }

    @Test func whatExcelLeavesOfAPhoneIsRecognised() {
        for t in ["311112222", "9012345678", "３１１１１２２２２"] { #expect(PhoneNumber.lostItsLeadingZero(t), "\(t)") }
        for t in ["0311112222", "31111222", "90123456789", "3-1111-2222", ""] { #expect(!PhoneNumber.lostItsLeadingZero(t), "\(t)") }
        for t in ["3.11E+08", "9.01235e+09", "3E+8", " 3.11E+08 "] { #expect(PhoneNumber.isExcelNumber(t), "\(t)") }
        for t in ["3.11E08", "3.11E-08", "E+08", "3.E+08", "03-1111-2222", "3.11E+"] { #expect(!PhoneNumber.isExcelNumber(t), "\(t)") }
    }

    @Test func aRunNamesExcelAsTheCauseOfALostLeadingZero() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,架空 一郎,311112222\n囲碁,架空 二郎,3.11E+08\n囲碁,架空 三郎,03-1111-222\n"],
                      in: dir + "/in")
        _ = try Support.run(input: dir + "/in", output: out)
        let rows = Support.validationRows(out)
        #expect(rows.map { $0[3] } == ["R209", "R209", "R209"])
        #expect(rows[0][4].contains("先頭の 0 がありません"))
        #expect(rows[1][4].contains("Excel で数値"))
        #expect(rows[2][4].contains("9桁"), "a short number typed with hyphens keeps its own message")
    }
}

@Suite("Addresses in the ward")
struct AddressTests {
    let parser = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿", "新宿", "霞ヶ丘町"])

    @Test("the forms of one address", arguments: [
        "東京都新宿区大久保2-3-4", "新宿区大久保二丁目3番4号", "大久保2-3-4", "大久保２－３－４", "新宿区大久保2丁目3-4",
        "東京都 新宿区 大久保 2-3-4", "東京都新宿区大久保２丁目３番４号", "大久保二丁目3-4 コーポ101",
        "〒169-0072 東京都新宿区大久保2-3-4", "〒１６９－００７２新宿区大久保2-3-4", "169-0072 大久保2-3-4", "1690072 新宿区大久保二丁目3番4号",
        "〒 169-0072 大久保2-3-4", "〒大久保2-3-4", "〒169ー0072 新宿区大久保2-3-4", "169−0072大久保2-3-4",
        // The dashes clerks type: the long-vowel mark an IME gives (full and half width), minus,
        // hyphen and bar signs, and the old 2の3の4.
        "大久保2ー3ー4", "大久保2ｰ3ｰ4", "大久保２ー３ー４", "大久保2−3−4", "大久保2‐3‐4", "大久保2―3―4", "大久保2の3の4", "大久保2ー3",
    ])
    func sameTownAndChome(_ text: String) {
        #expect(parser.parse(text) == .inWard(town: "大久保", chome: 2))
    }

    @Test func longestTownWins() {
        #expect(parser.parse("北新宿1-2-3") == .inWard(town: "北新宿", chome: 1))
        #expect(parser.parse("新宿区新宿5-1-1") == .inWard(town: "新宿", chome: 5))
        #expect(parser.parse("新宿区霞ケ丘町1-1") == .inWard(town: "霞ヶ丘町", chome: 1))
        #expect(parser.parse("百人町十二丁目1番") == .inWard(town: "百人町", chome: 12))
    }

    @Test func theWardPastedTwiceIsReadOnce() {
        #expect(parser.parse("新宿区新宿区大久保2-3-4") == .inWard(town: "大久保", chome: 2))
        #expect(parser.parse("東京都新宿区新宿区新宿5-1-1") == .inWard(town: "新宿", chome: 5))
    }

    @Test("ages as forms and Excel write them", arguments: [("70", 70), ("７０", 70), ("70歳", 70), ("満70歳", 70), ("満 70 才", 70), ("70.0", 70), ("70.00", 70), ("070", 70)])
    func statedAges(_ text: String, _ age: Int) {
        #expect(CellMemo.readAge(Text.cell(text)) == age)
    }

    @Test("not an age", arguments: ["70.5", "七十", "70代", "満", ".0", "70歳位", "131", "-70", "7 0.0."])
    func notAnAge(_ text: String) {
        #expect(CellMemo.readAge(Text.cell(text)) == nil)
    }

    @Test func theFourSpellingsOfKasumigaokaAreOne() {
        for spelling in ["霞ヶ丘町", "霞ケ丘町", "霞ヵ丘町", "霞ｹ丘町", "霞 ケ 丘町"] {
            #expect(parser.parse("新宿区\(spelling)2-1") == .inWard(town: "霞ヶ丘町", chome: 2), "\(spelling)")
        }
        // The folding by bytes against a walk over scalars, around every neighbour of ケ and ヵ in UTF-8.
        for t in TextFoldingTests.glued(count: 5_000, seed: 19).map({ $0 + "ケヵヶゲカ" + $0 }) {
            let base = Text.removingWhitespace(Text.nfkc(t))
            let expected = String(String.UnicodeScalarView(base.unicodeScalars.map { $0 == "ケ" || $0 == "ヵ" ? "ヶ" : $0 }))
            #expect(Array(AddressParser.fold(t).utf8) == Array(expected.utf8), "\(t.debugDescription)")
        }
    }

    @Test func aWardOfACityWrittenWithoutItsCity() {
        // Another city's ward: its clerks write 北区中崎… for 大阪市北区中崎…. Only before a town
        // of the ward: 北区 alone is as much Tokyo's 北区, and 王子 is no town of this one.
        let osaka = AddressParser(prefecture: "大阪府", ward: "大阪市北区", towns: ["梅田", "中崎", "天満"])
        #expect(osaka.parse("北区中崎3-5") == .inWard(town: "中崎", chome: 3))
        #expect(osaka.parse("大阪府北区梅田1-2-3") == .inWard(town: "梅田", chome: 1))
        #expect(osaka.parse("大阪市北区天満2丁目3番4号") == .inWard(town: "天満", chome: 2))
        #expect(osaka.parse("北区王子1-2-3") == .elsewhere("北区"))
        #expect(osaka.parse("東京都北区中崎1-2-3") == .elsewhere("東京都"))
        #expect(osaka.parse("大阪市中央区本町1-2-3") == .elsewhere("大阪市"))
        // A ward that is no city's keeps to its own name.
        #expect(parser.parse("区大久保2-3-4") == .unrecognised)
    }

    @Test func wardGivenTownUnknown() {
        #expect(parser.parse("東京都新宿区西新宿2-8-1") == .inWard(town: nil, chome: nil))
    }

    @Test func lotNumberIsNoChome() {
        #expect(parser.parse("大久保123番地") == .inWard(town: "大久保", chome: nil))
    }

    @Test("other municipalities", arguments: ["東京都中野区中央2-3-4", "中野区中央2-3-4", "埼玉県川口市本町1-2-3", "横浜市港北区1-1", "神奈川県横浜市中区1-1"])
    func elsewhere(_ text: String) {
        guard case .elsewhere = parser.parse(text) else {
            Issue.record("\(text) was not recognised as outside the ward")
            return
        }
    }

    @Test("unrecognised addresses are held", arguments: [
        "大窪2-1-1", "2丁目3-4", "", "コーポ大久保101",
        // The prefecture alone says neither in the ward nor elsewhere.
        "東京都", "東京都 ", "東京都コーポ101", "〒169-0072", "〒169-0072 東京都",
        // Not a postal code: too few digits, or a lot number glued to more digits.
        "169-007 大久保2-3-4", "16900721 大久保2-3-4",
    ])
    func unrecognised(_ text: String) {
        #expect(parser.parse(text) == .unrecognised)
    }

    @Test func idMarks() {
        for m in ["済", "○", "〇", "✓", "有", "yes", "y", "1", "YES", "１", " 済 ", "✔\u{FE0F}", "✓\u{FE0E}"] { #expect(IDCheck.isChecked(m), "\(m)") }
        for m in ["", "未", "×", "no", "0", "なし", "済み?"] { #expect(!IDCheck.isChecked(m), "\(m)") }
    }

    @Test func aCellWithTwoPhonesIsAskedForOne() throws {
        for t in ["03-1111-2222 / 090-1234-5678", "03-1111-2222、090-1234-5678", "0311112222 09012345678",
                  "03-1111-2222 または 090 1234 5678", "03-1111-2222\n090-1234-5678", "03-1111-2222・03-1111-3333"] {
            #expect(PhoneNumber.holdsSeveral(t), "\(t)")
        }
        for t in ["03-1111-2222", "090 1234 5678", "03-1111-2222 / 内線12", "なし", "03-1111 / 2222", ""] {
            #expect(!PhoneNumber.holdsSeveral(t), "\(t)")
        }
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,架空 一郎,03-1111-2222 / 090-1234-5678\n囲碁,架空 二郎,03-1111-2222 / 内線\n"],
                      in: dir + "/in")
        _ = try Support.run(input: dir + "/in", output: out)
        let rows = Support.validationRows(out)
        #expect(rows.map { $0[3] } == ["R209", "R209"], "the row is still refused: staff choose the number")
        #expect(rows.first?[4].contains("電話番号が2つ以上書かれています") == true)
        #expect(rows.last?[4].contains("2つ以上") == false)
        #expect(!rows.joined().joined().contains("1111"), "the numbers are not repeated in the message")
    }
}
