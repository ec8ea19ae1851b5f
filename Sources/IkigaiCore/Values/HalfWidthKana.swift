import Foundation

/// NFKC of the half-width katakana block (U+FF61–FF9F), as tables taken once from
/// Foundation (`Text.foundationNFKC`), so that `Text.nfkc` maps them without it and cannot
/// disagree with it: each character alone, and each kana joined with a following ﾞ or ﾟ.
enum HalfWidthKana {
    private static let first: UInt32 = 0xFF61, last: UInt32 = 0xFF9F

    /// Index by code point − U+FF61: the one full-width scalar NFKC makes of it, 0 if none.
    private static let single: [UInt32] = (first...last).map { v in
        guard let u = Unicode.Scalar(v) else { return 0 }
        let mapped = Array(Text.foundationNFKC(String(Character(u))).unicodeScalars)
        // Only what becomes one three-byte scalar: the byte mapping writes three bytes for three.
        guard mapped.count == 1, (0x800...0xFFFF).contains(mapped[0].value) else { return 0 }
        return mapped[0].value
    }

    /// Index by (kana − U+FF61) × 2 + (0 for ﾞ, 1 for ﾟ): the one scalar they become together, 0 if
    /// NFKC leaves them two.
    private static let joined: [UInt32] = (first...last).flatMap { v -> [UInt32] in
        [UInt32(0xFF9E), 0xFF9F].map { mark in
            guard let u = Unicode.Scalar(v), let m = Unicode.Scalar(mark) else { return 0 }
            var pair = String.UnicodeScalarView()
            pair.append(u)
            pair.append(m)
            let mapped = Array(Text.foundationNFKC(String(pair)).unicodeScalars)
            guard mapped.count == 1, (0x800...0xFFFF).contains(mapped[0].value) else { return 0 }
            return mapped[0].value
        }
    }

    /// A half-width character NFKC maps to one full-width one. The sound marks ﾞ and ﾟ alone
    /// are not among them: NFKC makes them combining marks, which join what comes before.
    @inline(__always)
    static func maps(_ u: UInt32) -> Bool {
        u >= first && u <= last && u != 0xFF9E && u != 0xFF9F && single[Int(u - first)] != 0
    }

    /// Only for `maps(u)`.
    @inline(__always)
    static func fullWidth(_ u: UInt32) -> UInt32 { single[Int(u - first)] }

    /// The one full-width kana a half-width kana and the sound mark after it become, if they do.
    @inline(__always)
    static func composed(_ kana: UInt32, _ mark: UInt32) -> UInt32? {
        guard mark == 0xFF9E || mark == 0xFF9F, maps(kana) else { return nil }
        let v = joined[Int(kana - first) * 2 + Int(mark - 0xFF9E)]
        return v == 0 ? nil : v
    }
}
