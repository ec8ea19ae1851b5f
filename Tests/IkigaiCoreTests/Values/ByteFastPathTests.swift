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
}
