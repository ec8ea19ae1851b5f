import Foundation
import Testing
@testable import IkigaiCore

@Suite("Text folding fast paths agree with Foundation and NFKC")
struct TextFoldingTests {
    /// Every character the hand-written NFKC maps, alone and inside Japanese text,
    /// and text that must still go through Foundation.
    static let samples: [String] = {
        var s = (0xFF01...0xFF5E).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        s += ["広田　順子", "６７", "北新宿２－８－２０", "東京都新宿区大久保２丁目３番４号", "Ｓｈｉｎｊｕｋｕ　ｋｕ", "〇〜−○◯✓✔",
              "ｶﾞｯｺｳ", "ﾔﾏﾀﾞ　ﾊﾅｺ", "㍻30.5.10", "髙橋①", "か\u{3099}", "Ａ\u{0301}", "全角（かっこ）", "、。「」"]
        // The half-width block alone, and each of its characters followed by ﾞ and by ﾟ, whether
        // NFKC joins the two (ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ) or not (ｱﾞ, ﾞﾞ, ｰﾟ).
        for v in 0xFF61...0xFF9F {
            guard let u = Unicode.Scalar(v) else { continue }
            s += [String(Character(u)), String(Character(u)) + "\u{FF9E}", String(Character(u)) + "\u{FF9F}"]
        }
        s += ["ｷﾀﾓﾄ ﾃﾙｺ", "ﾊﾞﾊﾟﾋﾞﾋﾟ", "ｶﾞﾞ", "ｶ\u{3099}", "か\u{FF9E}", "ｶﾞ\u{309A}", "ｳﾞｧｲｵﾘﾝ", "ｶﾞ", "｢ｱ｣､｡･"]
        return s
    }()

    /// NFKC as the standard defines it: Foundation's compatibility mapping, then canonical
    /// composition, which Foundation on Linux leaves out after mapping half-width marks.
    static func reference(_ text: String) -> [Unicode.Scalar] {
        Array(text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test("nfkc equals NFKC", arguments: samples)
    func nfkc(_ text: String) {
        #expect(Array(Text.nfkc(text).unicodeScalars) == Self.reference(text))
    }

    /// Values from Python's `unicodedata.normalize("NFKC", …)`, which composes after mapping.
    @Test func halfWidthSoundMarksJoinTheirKana() {
        let expected: [(String, [UInt32])] = [
            ("ｶﾞｯｺｳ", [0x30AC, 0x30C3, 0x30B3, 0x30A6]), ("ﾊﾟ", [0x30D1]), ("ｳﾞ", [0x30F4]), ("かﾞ", [0x304C]),
            ("ｱﾞ", [0x30A2, 0x3099]), ("ﾔﾏﾀﾞ ﾊﾅｺ", [0x30E4, 0x30DE, 0x30C0, 0x20, 0x30CF, 0x30CA, 0x30B3]),
        ]
        for (text, scalars) in expected {
            #expect(Text.nfkc(text).unicodeScalars.map(\.value) == scalars, "\(text)")
        }
        // Compared by bytes, as the identity keys are: the same reading in either width.
        #expect(TextKey(Text.nfkc("ﾔﾏﾀﾞ ﾊﾅｺ")) == TextKey("ヤマダ ハナコ"))
    }

    /// What the fast path passes through unchanged must be what NFKC leaves alone: every code
    /// point of the first plane, and every seventh above it.
    @Test func scalarsTakenAsStableAreLeftAloneByNFKC() {
        let wrong = Array(0...0xFFFF).filter { !(0xD800...0xDFFF).contains($0) } + Array(stride(from: 0x10000, through: 0x10FFFF, by: 7))
        let moved = wrong.filter { v in
            guard Text.isNFKCStable(UInt32(v)), let u = Unicode.Scalar(v) else { return false }
            return Self.reference(String(Character(u))) != [u]
        }
        #expect(moved.isEmpty, "\(moved.prefix(5).map { String($0, radix: 16) })")
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
                      "髙", "大久保", "2-8", " ", "\t", "\u{00A0}", "\u{2003}", "😀", "é", "e\u{301}", "㍻",
                      "ｶ", "ﾊ", "ｳ", "ｰ", "ﾝ", "ﾞ", "ﾟ", "･", "｢", "\u{309A}", "𠮷", "\u{E0100}", "﨑", "\u{FE00}",
                      "×", "\u{FA10}", "\u{FA12}", "\u{2F800}", "\u{0301}"]
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &g)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined()
        }
    }

    @Test func nfkcOfGluedTextEqualsFoundation() {
        let wrong = Self.glued(count: 20_000, seed: 3).filter {
            Array(Text.nfkc($0).unicodeScalars) != Self.reference($0)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.debugDescription))")
    }

    /// The folding of names as it was written first, scalar by scalar.
    static func nameByScalars(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in Text.nfkc(s).unicodeScalars where !NameFolding.isIgnorable(u) { out.append(VariantKanji.fold(u)) }
        return String(out)
    }

    @Test func nameFoldingOnBytesEqualsTheWalkOverScalars() {
        let texts = Self.glued(count: 20_000, seed: 11) + Self.samples + ["", "髙橋　﨑子", "𠮷田 國男", "東本　国\u{E0100}男"]
        let wrong = texts.filter { Array(NameFolding.name($0).unicodeScalars) != Array(Self.nameByScalars($0).unicodeScalars) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.debugDescription))")
        #expect(NameFolding.name("𠮷田　髙子") == "吉田高子")
    }

    /// `withoutControls` against a walk over the scalars: the controls XML has no place for and
    /// DEL and the C1 controls are dropped, a vertical tab or form feed becomes a space, the rest
    /// (tab, line breaks, U+0085, U+FFFD, everything printable) is kept.
    @Test func controlCharactersAreTakenOutOfCells() {
        func reference(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                switch u.value {
                case 0x09, 0x0A, 0x0D, 0x85: out.append(u)
                case 0x0B, 0x0C: out.append(" ")
                case 0...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
                default: out.append(u)
                }
            }
            return String(out)
        }
        let controls: [Unicode.Scalar] = ["\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{10}", "\u{1F}",
                                          "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}"]
        var generator = SplitMix64(seed: 41)
        for text in Self.glued(count: 3_000, seed: 41) {
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<3 {
                scalars.insert(controls[Int(generator.next() % UInt64(controls.count))],
                               at: Int(generator.next() % UInt64(scalars.count + 1)))
            }
            let t = String(String.UnicodeScalarView(scalars))
            #expect(Text.withoutControls(t) == reference(t), "\(t.debugDescription)")
            #expect(Text.withoutControls(reference(t)) == reference(t))
        }
        #expect(Text.cell(" 大久\u{10}保\u{B}花\u{7F} ") == "大久保 花")
        #expect(Text.cell("架空\t太郎") == "架空\t太郎")
    }

    @Test func cellsInPlainASCIIAreTheirOwnFoldedForm() {
        for t in Self.glued(count: 5_000, seed: 13) + ["2018/5/1", "87", " 87", "87 ", "a\tb", "", "\u{7F}", "Y"] {
            #expect(Text.cell(t) == Text.trimmed(Text.nfkc(Text.withoutControls(t))), "\(t.debugDescription)")
            if Text.isFoldedASCII(t) { #expect(Array(Text.trimmed(Text.nfkc(t)).utf8) == Array(t.utf8)) }
        }
        #expect(Text.isFoldedASCII("2018/5/1") && !Text.isFoldedASCII(" 87") && !Text.isFoldedASCII("a\tb"))
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

    @Test func aSearchByBytesFindsWhatASearchByCodePointsFinds() {
        // The guard strikes the ward's towns from each address by bytes; on NFKC text that must
        // find exactly the places a walk over code points finds.
        let texts = Self.glued(count: 1_500, seed: 21).map(Text.nfkc)
        let needles = Self.glued(count: 300, seed: 22).map(Text.nfkc) + ["大久保", "百人町", "2-8", "か", ""]
        for t in texts {
            let u = Array(t.unicodeScalars)
            for n in needles {
                let v = Array(n.unicodeScalars)
                let expected = v.isEmpty || (v.count <= u.count && (0...(u.count - v.count)).contains { Array(u[$0..<($0 + v.count)]) == v })
                #expect(Text.containsBytes(t, n) == expected, "\(t.debugDescription) \(n.debugDescription)")
            }
        }
        #expect(Text.containsBytes("新宿区百人町2-8", "百人町") && !Text.containsBytes("百人", "百人町"))
    }
}
