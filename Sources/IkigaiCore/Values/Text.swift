import Foundation

/// Text folding shared by every stage: NFKC, trimming and white-space removal
/// as the intake contract asks (headers and values "match after NFKC").
public enum Text {
    /// NFKC. Foundation's NFKC dominated the profile of a run, so text made
    /// only of characters NFKC leaves alone (printable ASCII, hiragana,
    /// katakana, unified kanji, common Japanese punctuation) is returned as is.
    public static func nfkc(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy(isNFKCStable) { return s }
        return s.precomposedStringWithCompatibilityMapping
    }

    @inline(__always)
    static func isNFKCStable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20...0x7E, 0x0A, 0x0D, 0x09: return true
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x30FB: return true   // kana (precomposed), ー, ・
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return true                  // unified ideographs
        case 0x3001...0x3003, 0x3005...0x3007, 0x3008...0x3011: return true // 、。〃 々〆〇 「」『』【】
        default: return false
        }
    }

    /// Trims white space at both ends, the ideographic space (U+3000) included.
    public static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// NFKC, then trimmed: the form every cell is read in before parsing.
    public static func cell(_ s: String) -> String { trimmed(nfkc(s)) }

    /// Removes every white-space character, the ideographic space included.
    public static func removingWhitespace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !u.properties.isWhitespace { out.append(u) }
        return String(out)
    }

    /// True when the cell holds nothing but white space.
    public static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
