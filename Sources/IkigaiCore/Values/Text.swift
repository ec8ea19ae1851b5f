import Foundation

/// Text folding shared by every stage: NFKC, trimming and white-space removal
/// as the intake contract asks (headers and values "match after NFKC").
public enum Text {
    /// NFKC. Foundation's NFKC dominated the profile of a run, so text made
    /// only of characters NFKC leaves alone (printable ASCII, hiragana,
    /// katakana, unified kanji, common Japanese punctuation) is returned as is.
    ///
    /// Clerks' sheets are full of the ideographic space and full-width digits,
    /// hyphens and letters (`広田　順子`, `６７`, `北新宿２－８－２０`); NFKC maps
    /// each of those to one ASCII character, so they are mapped here too and
    /// only other text goes to Foundation (which bridges through NSString and
    /// was the largest cost of reading a sheet).
    public static func nfkc(_ s: String) -> String { nfkc(s, droppingControls: false) }

    /// `nfkc`, or with `droppingControls` the NFKC of `withoutControls(s)`. The scan that picks
    /// the path finds the control characters too, at no cost to text without them: a separate
    /// pass over every cell for them was 1.25% of a 10× run's instructions (callgrind).
    static func nfkc(_ s: String, droppingControls: Bool) -> String {
        enum Need { case nothing, mapping, foundation, controls }
        var copy = s
        let need = copy.withUTF8 { p -> Need in
            var need = Need.nothing, i = 0
            var previous: UInt32 = 0
            while i < p.count {
                // Printable ASCII, the most common byte, without decoding.
                if (0x20...0x7E).contains(p[i]) { i += 1; previous = 0; continue }
                let (u, next) = UTF8Scalars.decode(p, at: i)
                i = next
                defer { previous = u }
                if isNFKCStable(u) { continue }
                if isFullWidthASCII(u) || HalfWidthKana.maps(u) {
                    need = .mapping
                    continue
                }
                if isControl(u) { return .controls }
                // A sound mark is mapped only where it joins the half-width kana before it into one
                // full-width kana (ｶﾞ → ガ); anywhere else its composition is left to Foundation.
                guard HalfWidthKana.composed(previous, u) != nil else { return .foundation }
            }
            return need
        }
        switch need {
        case .nothing: return s
        case .mapping: return mappingWidths(s)
        case .foundation: return foundationNFKC(s)
        case .controls: return droppingControls ? nfkc(withoutControls(s), droppingControls: false) : foundationNFKC(s)
        }
    }

    /// NFKC through Foundation, composed once more: on Linux its compatibility mapping leaves
    /// the marks it makes of ﾞ and ﾟ apart (`ｶﾞ` → `カ` + U+3099, where NFKC gives `ガ`), so a
    /// half-width reading would differ from the same reading in full width byte for byte.
    /// Canonical composition of that result is the NFKC the standard defines.
    static func foundationNFKC(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// U+3000 → space and U+FF01…FF5E → ASCII, on the UTF-8 bytes: appending scalar by
    /// scalar to a `String.UnicodeScalarView` was most of reading an address or a phone.
    /// Both are three bytes (`E3 80 80`, `EF BC 81`…`EF BD 9E`) that become one, so the
    /// result is never longer; every other sequence is copied as it is.
    ///
    /// Half-width katakana (`ﾔﾏﾀﾞ ﾊﾅｺ`, what many clerks type in フリガナ) become full-width,
    /// three bytes for three, a sound mark joined into the kana before it (`nfkc` lets through
    /// only marks that join): sent to Foundation, they were the largest part of its NFKC.
    static func mappingWidths(_ s: String) -> String {
        var s = s
        return s.withUTF8 { p in
            String(unsafeUninitializedCapacity: p.count) { out in
                var i = 0, n = 0
                while i < p.count {
                    let b = p[i]
                    if i + 2 < p.count, b == 0xEF, p[i + 1] == 0xBD || p[i + 1] == 0xBE {
                        let (u, next) = UTF8Scalars.decode(p, at: i)
                        if HalfWidthKana.maps(u) {
                            var full = HalfWidthKana.fullWidth(u)
                            var after = next
                            if next < p.count {
                                let (mark, afterMark) = UTF8Scalars.decode(p, at: next)
                                if let joined = HalfWidthKana.composed(u, mark) {
                                    full = joined
                                    after = afterMark
                                }
                            }
                            // Every full-width kana and mark they map to is three bytes of UTF-8.
                            out[n] = UInt8(0xE0 | (full >> 12))
                            out[n + 1] = UInt8(0x80 | ((full >> 6) & 0x3F))
                            out[n + 2] = UInt8(0x80 | (full & 0x3F))
                            n += 3
                            i = after
                            continue
                        }
                    }
                    if i + 2 < p.count, b == 0xE3 || b == 0xEF {
                        let b1 = p[i + 1], b2 = p[i + 2]
                        var ascii: UInt8?
                        if b == 0xE3 && b1 == 0x80 && b2 == 0x80 { ascii = 0x20 }
                        else if b == 0xEF && b1 == 0xBC && (0x81...0xBF).contains(b2) { ascii = b2 - 0x60 }  // FF01 → !
                        else if b == 0xEF && b1 == 0xBD && (0x80...0x9E).contains(b2) { ascii = b2 - 0x20 }  // FF40 → `
                        if let a = ascii {
                            out[n] = a
                            n += 1
                            i += 3
                            continue
                        }
                    }
                    out[n] = b
                    n += 1
                    i += 1
                }
                return n
            }
        }
    }

    /// U+3000 and U+FF01…FF5E, whose NFKC form is a single ASCII character.
    @inline(__always)
    static func isFullWidthASCII(_ u: UInt32) -> Bool {
        u == 0x3000 || (0xFF01...0xFF5E).contains(u)
    }

    @inline(__always)
    static func isNFKCStable(_ u: UInt32) -> Bool {
        switch u {
        case 0x20...0x7E, 0x0A, 0x0D, 0x09: return true
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x30FB: return true   // kana (precomposed), ー, ・
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return true                  // unified ideographs
        case 0x3001...0x3003, 0x3005...0x3007, 0x3008...0x3011: return true // 、。〃 々〆〇 「」『』【】
        case 0x301C, 0x2212, 0x25CB, 0x25EF, 0x2713, 0x2714, 0xD7: return true // 〜 − ○ ◯ ✓ ✔ × (no decomposition)
        // Names: the variation selectors of 国󠄀-like glyphs, the supplementary ideographs (𠮷),
        // and the twelve unified ideographs of the compatibility block (﨑), none of which
        // decompose. Sent to Foundation, such names were most of what it still normalised.
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true
        case 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x3134F: return true
        case 0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29: return true
        default: return false
        }
    }

    /// Trims white space at both ends, the ideographic space (U+3000) included.
    /// Pure Swift: Foundation's trimming bridges through NSString and showed
    /// in the profile of every run.
    public static func trimmed(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { p in
            var start = 0
            while start < p.count {
                let (u, next) = UTF8Scalars.decode(p, at: start)
                if !isSpace(u) { break }
                start = next
            }
            var end = p.count
            while end > start {
                let first = UTF8Scalars.start(before: end, in: p)
                if !isSpace(UTF8Scalars.decode(p, at: first).value) { break }
                end = first
            }
            if start == 0 && end == p.count { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
        }
    }

    /// White space, checked without the Unicode property tables for the
    /// characters sheets actually hold.
    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool { isSpace(u.value) }

    /// A kanji as names use them: the unified ideographs and their extensions, the compatibility
    /// ideographs (﨑), and 々.
    static func isKanji(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    @inline(__always)
    static func isSpace(_ u: UInt32) -> Bool {
        switch u {
        // U+FEFF (a byte-order mark left inside a joined file) counts as space too.
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x3000, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0xFEFF:
            return true
        case 0...0x7F, 0x3001...0x9FFF: return false
        default: return Unicode.Scalar(u)?.properties.isWhitespace ?? false
        }
    }

    /// Without control characters (`withoutControls`), NFKC, then trimmed: the form every cell is
    /// read in before parsing.
    public static func cell(_ s: String) -> String { isFoldedASCII(s) ? s : trimmed(nfkc(s, droppingControls: true)) }

    /// Printable ASCII with no space at either end (or empty): text that `cell` leaves as it is.
    @inline(__always)
    static func isFoldedASCII(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { p in
            guard let first = p.first, let last = p.last else { return true }
            guard first != 0x20, last != 0x20 else { return false }
            for b in p where b < 0x20 || b > 0x7E { return false }
            return true
        }
    }

    /// Removes every white-space character, the ideographic space included.
    public static func removingWhitespace(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { p in
            var i = 0
            while i < p.count {
                let (u, next) = UTF8Scalars.decode(p, at: i)
                if isSpace(u) { break }
                i = next
            }
            if i == p.count { return s }
            // The bytes of every other code point, copied as they are: never longer than `s`.
            return String(unsafeUninitializedCapacity: p.count) { out in
                var n = 0
                for k in 0..<i { out[k] = p[k] }
                n = i
                while i < p.count {
                    let (u, next) = UTF8Scalars.decode(p, at: i)
                    if !isSpace(u) {
                        for k in i..<next where k < p.count { out[n] = p[k]; n += 1 }
                    }
                    i = next
                }
                return n
            }
        }
    }

    /// True when the cell holds nothing but white space.
    public static func isBlank(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { p in
            var i = 0
            while i < p.count {
                // An ASCII letter or digit, the common case, ends the walk at once.
                if p[i] > 0x20 && p[i] < 0x80 { return false }
                let (u, next) = UTF8Scalars.decode(p, at: i)
                if !isSpace(u) { return false }
                i = next
            }
            return true
        }
    }

    /// Whether `needle`'s UTF-8 bytes occur in `s`'s. For text folded alike (both NFKC), the same
    /// answer as looking for it code point by code point: UTF-8 never matches inside another
    /// character. `String.contains` compares Characters, which showed in the profile.
    static func containsBytes(_ s: String, _ needle: String) -> Bool {
        var hay = s, pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                // Short texts (an address, a town): a first-byte test and memcmp is all it takes.
                let first = n[0]
                for i in 0...(h.count - n.count) where h[i] == first && memcmp(hb + i, nb, n.count) == 0 { return true }
                return false
            }
        }
    }
}
