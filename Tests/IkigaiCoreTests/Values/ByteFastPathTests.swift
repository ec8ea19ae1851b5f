import Testing
@testable import IkigaiCore

/// The byte-level readers that speed up intake must give exactly the
/// answers of the Character-level readers they stand in front of.
@Suite("Byte fast paths agree with the Character readers")
struct ByteFastPathTests {
    /// Texts glued from pieces that matter to the reader, the awkward ones included
    /// (combining marks, full-width digits, overlong numbers).
    func texts(_ pieces: [String], count: Int, seed: UInt64) -> [String] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined()
        }
    }

    @Test func chomeFromBytesMatchesCharacters() {
        let pieces = ["1", "2", "12", "0", "00000000000000000000000", "99999999999999999999", "一", "二", "十", "十二", "九十九",
                      "〇", "丁目", "丁", "目", "-", "ー", "番", "号", "地", "a", " ", "\u{301}", "\u{3099}", "\u{302A}",
                      "\u{FE00}", "２", "é", "😀", "\r\n"]
        for t in texts(pieces, count: 20_000, seed: 7) {
            #expect(AddressParser.chome(Substring(t)) == AddressParser.chomeByCharacter(Substring(t)), "\(t.debugDescription)")
        }
    }

    @Test func knownChome() {
        #expect(AddressParser.chome("2丁目8番3号") == 2)
        #expect(AddressParser.chome("二丁目8番3号") == 2)
        #expect(AddressParser.chome("十二丁目") == 12)
        #expect(AddressParser.chome("4-27-13") == 4)
        #expect(AddressParser.chome("123番地") == nil)
        #expect(AddressParser.chome("二十丁") == nil)
    }

    @Test func plainDatesFromBytesMatchCharacters() {
        let pieces = ["2018", "2019", "1932", "18", "0", "00", "05", "5", "2", "10", "29", "30", "31", "13", "00005",
                      "-", "/", ".", "年", "月", "日", " ", "　", "(木)", "H", "0:00", "２"]
        for t in texts(pieces, count: 20_000, seed: 11) {
            #expect(DateParser.parse(t) == DateParser.parseByCharacter(t), "\(t.debugDescription)")
        }
    }

    // Era and kanji dates (`DateParser.eraOrKanji`): every combination of these pieces.
    static let prefixes = ["", "S", "s", "S.", "H", "h", "R", "r", "M", "T", "昭和", "平成", "令和", "明治", "大正", "X", "平"]
    static let years = ["0", "1", "元", "6", "23", "31", "64", "99", "1948", "2018", "02019", "18"]
    static let months = ["0", "1", "04", "12", "13"]
    static let days = ["0", "1", "29", "30", "31", "32"]
    static let separators = [(".", "."), ("/", "/"), ("-", "."), ("年", "月"), ("年", "/"), ("月", "年")]
    static let endings = ["", "日", "(木)", " 0:00", "生"]

    @Test func everyCombinationReadsAlikeBothWays() {
        var read = 0, total = 0
        for p in ByteFastPathTests.prefixes {
            for y in ByteFastPathTests.years {
                for m in ByteFastPathTests.months {
                    for d in ByteFastPathTests.days {
                        for (s1, s2) in ByteFastPathTests.separators {
                            for e in ByteFastPathTests.endings {
                                let text = p + y + s1 + m + s2 + d + e
                                total += 1
                                let slow = DateParser.parseByCharacter(text)
                                if let fast = text.utf8.withContiguousStorageIfAvailable(DateParser.eraOrKanji) ?? nil {
                                    read += 1
                                    if fast != slow { Issue.record("\(text): bytes \(fast), characters \(slow)") }
                                }
                                if DateParser.parse(text) != slow { Issue.record("\(text): parse differs") }
                            }
                        }
                    }
                }
            }
        }
        // The forms the byte reading is for are read there, not left to the slow reading.
        #expect(read > total / 10, "\(read) of \(total)")
    }

    @Test func theCommonBirthDateFormsAreReadFromBytes() throws {
        for text in ["S23.4.1", "s23.4.1", "S.23.4.1", "H30/5/10", "昭和23年4月1日", "令和元年5月1日", "2018年5月10日", "平成30年5月10"] {
            let fast = try #require(text.utf8.withContiguousStorageIfAvailable(DateParser.eraOrKanji) ?? nil, "\(text)")
            #expect(fast == DateParser.parseByCharacter(text), "\(text)")
        }
        #expect(try DateParser.parse("昭和23年4月1日").get() == CivilDate(year: 1948, month: 4, day: 1))
        #expect(DateParser.parse("H31.5.1") == .failure(.outsideEra(era: "平成")))
        #expect(DateParser.parse("M5.12.1") == .failure(.lunisolar))
    }

    @Test func plainDatesTakeTheFastPathOnlyWhenWhole() {
        func fast(_ s: String) -> Result<CivilDate, DateProblem>? {
            var s = s
            return s.withUTF8 { DateParser.plainWestern($0) }
        }
        #expect(fast("2018-05-10") == .success(CivilDate(year: 2018, month: 5, day: 10)!))
        #expect(fast("2018/2/30") == .failure(.noSuchDay))
        #expect(fast(" 2018-05-10") == nil)
        #expect(fast("18-05-10") == nil)
        #expect(fast("2018-05-10x") == nil)
    }

    @Test func areaTableMatchesTheSettingsScan() throws {
        let s = try Settings.parse(Support.settings)
        let checker = RowChecker(settings: s, classes: [])
        for town in s.wardTowns + ["大久保\u{301}", "", "新宿"] as [String?] + [nil] {
            for chome in [nil] + Array(0...12) as [Int?] {
                #expect(checker.isInArea(town: town, chome: chome) == s.isInArea(town: town, chome: chome),
                        "\(town ?? "nil") \(chome.map(String.init) ?? "nil")")
            }
        }
    }

    @Test func variantBitmapMissesNoTableEntry() {
        let wrong = (UInt32(0)..<0x3_0000).compactMap(Unicode.Scalar.init).filter {
            VariantKanji.fold($0) != (VariantKanji.byScalar[$0.value] ?? $0)
        }
        #expect(wrong.isEmpty)
        #expect(VariantKanji.fold(Unicode.Scalar(0x9AD9)!) == Unicode.Scalar(0x9AD8)!)  // 髙 → 高
    }

    @Test func peopleDigitsArePaddedLikePersonIDs() {
        for n in [0, 7, 12, 99_999, 100_000, 1_234_567] {
            var out: [UInt8] = [0x50]
            RunDocuments.appendDigits(n, minWidth: 5, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == PersonID(n).description)
        }
        var row: [UInt8] = []
        RunDocuments.appendDigits(0, minWidth: 1, to: &row)
        RunDocuments.appendDigits(40_213, minWidth: 1, to: &row)
        #expect(String(decoding: row, as: UTF8.self) == "040213")
        var g = SplitMix64(seed: 21)
        for _ in 0..<10_000 {
            let n = Int(truncatingIfNeeded: g.next() >> UInt64(1 + g.next() % 63)), width = Int(g.next() % 12)
            var out: [UInt8] = [0x2C]
            RunDocuments.appendDigits(n, minWidth: width, to: &out)
            let plain = String(n)
            #expect(String(decoding: out, as: UTF8.self) == "," + String(repeating: "0", count: max(0, width - plain.count)) + plain)
        }
        var negative: [UInt8] = []
        RunDocuments.appendDigits(-42, minWidth: 5, to: &negative)
        #expect(String(decoding: negative, as: UTF8.self) == "-42")
    }

    /// The byte-built hyphenation prints what splitting the digits as Characters printed.
    @Test func phonesAreHyphenatedAsBefore() {
        func byCharacters(_ digits: String) -> String {
            let d = Array(digits)
            func part(_ r: Range<Int>) -> String { String(d[r]) }
            if d.count == 11 { return part(0..<3) + "-" + part(3..<7) + "-" + part(7..<11) }
            if digits.hasPrefix("03") || digits.hasPrefix("06") { return part(0..<2) + "-" + part(2..<6) + "-" + part(6..<10) }
            return part(0..<3) + "-" + part(3..<6) + "-" + part(6..<10)
        }
        var g = SplitMix64(seed: 5)
        for i in 0..<5_000 {
            let length = 10 + i % 2
            let digits = "0" + String((1..<length).map { _ in Character(String(g.next() % 10)) })
            #expect(PhoneNumber(digits: digits).formatted == byCharacters(digits))
        }
        #expect(PhoneNumber(digits: "0312345678").formatted == "03-1234-5678")
        #expect(PhoneNumber(digits: "0452345678").formatted == "045-234-5678")
        #expect(PhoneNumber(digits: "09012345678").formatted == "090-1234-5678")
        #expect(PhoneNumber(digits: "012345").formatted == "012345")
    }

    @Test func asciiPhonesReadAsByScalar() {
        let pieces = ["0", "3", "8", "1", "03", "090", "1234", "5678", "+", "+81", "(", ")", "-", ".", " ", "\t", "a", "#",
                      "\u{2212}", "ー", "\u{3000}"]
        var asciiSeen = 0
        for t in texts(pieces, count: 20_000, seed: 13) {
            guard let fast = PhoneNumber.parseASCII(t) else { continue }
            asciiSeen += 1
            #expect(fast == PhoneNumber.parseByScalar(t), "\(t.debugDescription)")
        }
        #expect(asciiSeen > 10_000)
        #expect(PhoneNumber.parseASCII("03-1234-ー5678") == nil)
        #expect(PhoneNumber.parse("+81 (0)3 1234 5678") == .success(PhoneNumber(digits: "0312345678")))
    }
}
