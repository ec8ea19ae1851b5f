/// Folds names and readings to the form in which the same-person rules
/// compare them.
public enum NameFolding {
    /// NFKC; every white space, zero-width character and ideographic variation
    /// selector removed; variant and old kanji folded by `VariantKanji`.
    /// Scalar by scalar: a variation selector is a scalar of its own inside
    /// a Character, and every variant in the table is one scalar.
    public static func name(_ s: String) -> String {
        // On the UTF-8 bytes: appending scalar by scalar to a `String.UnicodeScalarView` was most
        // of folding a name, once for every row of intake.
        var text = Text.nfkc(s)
        return text.withUTF8 { p in
            // A folded kanji takes at most four bytes where its variant took three or more.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count * 2 + 4) { out in
                var i = 0, n = 0
                while i < p.count {
                    let (v, next) = UTF8Scalars.decode(p, at: i)
                    defer { i = next }
                    guard let u = Unicode.Scalar(v), !isIgnorable(u) else { continue }
                    let folded = VariantKanji.fold(u)
                    if folded == u {
                        for k in i..<next { out[n] = p[k]; n += 1 }
                    } else {
                        UTF8.encode(folded) { out[n] = $0; n += 1 }
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
            }
        }
    }

    /// White space, zero-width characters and the variation selectors
    /// (U+FE00–FE0F, U+E0100–E01EF) never make two names differ.
    static func isIgnorable(_ u: Unicode.Scalar) -> Bool {
        Text.isSpace(u) || (0xFE00...0xFE0F).contains(u.value) || (0xE0100...0xE01EF).contains(u.value)
            || (0x200B...0x200D).contains(u.value) || u.value == 0xFEFF || u.value == 0x30FB || u.value == 0xFF65
    }

    /// Surname and given name when the clerk separated them with a space.
    public static func parts(_ s: String) -> (surname: String, given: String)? {
        let pieces = Text.nfkc(s).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard pieces.count == 2 else { return nil }
        return (name(pieces[0]), name(pieces[1]))
    }

    /// A reading in one kana form: NFKC (half-width → full-width), hiragana →
    /// katakana, small kana → large, ヂ/ヅ → ジ/ズ, no ー, spaces or dots.
    public static func reading(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in Text.nfkc(s).unicodeScalars where !isIgnorable(u) && u != "ー" && u != "-" && u != "・" {
            var v = u.value
            if (0x3041...0x3096).contains(v) { v += 0x60 }  // hiragana → katakana
            if let large = smallToLarge[v] { v = large }
            if v == 0x30C2 { v = 0x30B8 }  // ヂ → ジ
            if v == 0x30C5 { v = 0x30BA }  // ヅ → ズ
            if let scalar = Unicode.Scalar(v) { out.append(scalar) }
        }
        return String(out)
    }

    static let smallToLarge: [UInt32: UInt32] = [
        0x30A1: 0x30A2, 0x30A3: 0x30A4, 0x30A5: 0x30A6, 0x30A7: 0x30A8, 0x30A9: 0x30AA, 0x30C3: 0x30C4,
        0x30E3: 0x30E4, 0x30E5: 0x30E6, 0x30E7: 0x30E8, 0x30EE: 0x30EF, 0x30F5: 0x30AB, 0x30F6: 0x30B1,
    ]
}
