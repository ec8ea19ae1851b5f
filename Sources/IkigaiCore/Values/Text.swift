import Foundation

/// Text folding shared by every stage: NFKC, trimming and white-space removal
/// as the intake contract asks (headers and values "match after NFKC").
public enum Text {
    /// NFKC; skips the (common) pure-ASCII case, which NFKC leaves unchanged.
    public static func nfkc(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return s.precomposedStringWithCompatibilityMapping
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
