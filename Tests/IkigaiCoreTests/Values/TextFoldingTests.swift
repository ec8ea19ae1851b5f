import Foundation
import Testing
@testable import IkigaiCore

@Suite("Text folding fast paths agree with Foundation")
struct TextFoldingTests {
    /// Every character the hand-written NFKC maps, alone and inside Japanese text,
    /// and text that must still go through Foundation.
    static let samples: [String] = {
        var s = (0xFF01...0xFF5E).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        s += ["広田　順子", "６７", "北新宿２－８－２０", "東京都新宿区大久保２丁目３番４号", "Ｓｈｉｎｊｕｋｕ　ｋｕ", "〇〜−○◯✓✔",
              "ｶﾞｯｺｳ", "ﾔﾏﾀﾞ　ﾊﾅｺ", "㍻30.5.10", "髙橋①", "か\u{3099}", "Ａ\u{0301}", "全角（かっこ）", "、。「」"]
        return s
    }()

    @Test("nfkc equals Foundation's NFKC", arguments: samples)
    func nfkc(_ text: String) {
        #expect(Array(Text.nfkc(text).unicodeScalars) == Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars))
    }

    @Test func keysCompareByBytes() {
        #expect(TextKey("大久保") == TextKey("大久保"))
        #expect(TextKey("大久保") != TextKey("大久保1"))
        var seen = Set<TextKey>()
        for s in Self.samples { seen.insert(TextKey(s)) }
        #expect(seen.count == Set(Self.samples).count)
    }

    /// Texts glued from the pieces whose UTF-8 sits next to the mapped ranges (、 is E3 80 81,
    /// ｡ is EF BD A1, the BOM is EF BB BF), so that the byte mapping is tried at every border.
    static func glued(count: Int, seed: UInt64) -> [String] {
        let pieces = ["　", "！", "０", "９", "Ａ", "ｚ", "～", "｟", "｡", "ｱ", "、", "〜", "\u{FEFF}", "\u{3099}", "か", "ガ",
                      "髙", "大久保", "2-8", " ", "\t", "\u{00A0}", "\u{2003}", "😀", "é", "e\u{301}", "㍻"]
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &g)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined()
        }
    }

    @Test func nfkcOfGluedTextEqualsFoundation() {
        let wrong = Self.glued(count: 20_000, seed: 3).filter {
            Array(Text.nfkc($0).unicodeScalars) != Array($0.precomposedStringWithCompatibilityMapping.unicodeScalars)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.debugDescription))")
    }

    @Test func whiteSpaceRemovalKeepsEveryOtherScalar() {
        let wrong = Self.glued(count: 20_000, seed: 5).filter { t in
            Array(Text.removingWhitespace(t).unicodeScalars) != t.unicodeScalars.filter { !Text.isSpace($0) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.debugDescription))")
    }

    @Test func trimmingAndBlanknessAgreeWithAWalkOverScalars() {
        let texts = Self.glued(count: 20_000, seed: 9) + ["", " ", "　", "\u{FEFF}", "a", " a ", "\u{2003}大\u{00A0}", "😀 "]
        for t in texts {
            let u = Array(t.unicodeScalars)
            let first = u.firstIndex { !Text.isSpace($0) }, last = u.lastIndex { !Text.isSpace($0) }
            let expected = first.flatMap { f in last.map { l in String(String.UnicodeScalarView(u[f...l])) } } ?? ""
            #expect(Array(Text.trimmed(t).unicodeScalars) == Array(expected.unicodeScalars), "\(t.debugDescription)")
            #expect(Text.isBlank(t) == u.allSatisfy(Text.isSpace), "\(t.debugDescription)")
        }
    }
}
