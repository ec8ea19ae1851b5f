import Testing
@testable import IkigaiCore

/// The table decoder must read every Shift_JIS sheet exactly as iconv did: the same text, and
/// the same offset in the refusal message when a byte starts no character.
@Suite("CP932 by table, held to iconv")
struct CP932TableTests {
    /// Every one- and two-byte input: each mapping of the table, each byte that starts nothing,
    /// and each lead byte left at the end of a sheet.
    @Test func everyOneAndTwoByteInputDecodesAsIconvDoes() throws {
        #expect(CP932Table.shared != nil, "glibc's CP932 module is on this machine kind")
        var mismatches: [String] = []
        for first in 0...0xFF {
            let one = [UInt8(first)]
            if CP932.toUTF8(one) != CP932.iconvToUTF8(one) { mismatches.append(String(first, radix: 16)) }
            for second in 0...0xFF {
                let two = [UInt8(first), UInt8(second)]
                if CP932.toUTF8(two) != CP932.iconvToUTF8(two) { mismatches.append(String(first << 8 | second, radix: 16)) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// Longer runs: ASCII stretches (copied eight bytes at a time) between kanji, half-width kana
    /// and the odd bad byte, at every alignment.
    @Test func mixedRunsDecodeAsIconvDoes() {
        var random = SplitMix64(seed: 932)
        let kanji: [[UInt8]] = [[0x88, 0x9F], [0x8D, 0x82], [0xFB, 0xFC], [0x87, 0x40], [0x81, 0x60], [0xF0, 0x40], [0xEE, 0xEF]]
        var bad = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...4: bytes += (0..<Int.random(in: 1...19, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
                case 5, 6: bytes += kanji[Int.random(in: 0..<kanji.count, using: &random)]
                case 7: bytes.append(UInt8.random(in: 0xA1...0xDF, using: &random))
                case 8: bytes += [0x0D, 0x0A]
                default: bytes.append(UInt8.random(in: 0x80...0xFF, using: &random))
                }
            }
            let table = CP932.toUTF8(bytes), reference = CP932.iconvToUTF8(bytes)
            #expect(table == reference, "\(bytes)")
            if case .failure = reference { bad += 1 }
        }
        #expect(bad > 300 && bad < 2_700, "both outcomes exercised: \(bad) of 3,000 refused")
    }

    @Test func aSheetDecodesToItsText() throws {
        let text = "日付,氏名,フリガナ\r\n2018-05-10,髙橋　①子,ﾀｶﾊｼ ｾﾂｺ\r\n2018-05-11,渡邊 清,ワタナベ キヨシ\r\n"
        let bytes = try #require(CP932.fromUTF8(text))
        #expect(try CP932.toUTF8(bytes).get() == Array(text.utf8))
        // Cut in the middle of the last character: refused at that character's first byte.
        #expect(CP932.toUTF8(Array(bytes.dropLast(3))) == .failure(CP932.Failure(offset: bytes.count - 4)))
    }
}
