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
}
