/// Folds names and readings to the form in which the same-person rules
/// compare them.
public enum NameFolding {
    /// NFKC; every white space, zero-width character and ideographic variation
    /// selector removed; variant and old kanji folded by `VariantKanji`; a trailing
    /// honorific 様 or 殿 dropped. Letter case is kept: the public-file guard looks for names
    /// in this form, and upper-cased, a surname alone (`CHANG`) is found inside the pages'
    /// own words (`EXCHANGE`); the same-person rules add `latinCased`.
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
                // An honorific a clerk added (山田太郎様, 山田太郎殿) is not part of the name: two
                // rows of one person on one phone were two people, and a list of "same surname,
                // other given name" (太郎様 / 太郎) even set them apart as a household.
                if n > 6, out[n - 3] == 0xE6, out[n - 2] == 0xA7, out[n - 1] == 0x98 { n -= 3 }  // 様
                else if n > 6, out[n - 3] == 0xE6, out[n - 2] == 0xAE, out[n - 1] == 0xBF { n -= 3 }  // 殿
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
            }
        }
    }

    /// White space, the middle dot, and every character Unicode says is drawn as nothing
    /// (`isDefaultIgnorable`: zero-width characters, the variation selectors U+FE00–FE0F
    /// and U+E0100–E01EF, the soft hyphen and direction marks a name copied from a web page
    /// or a Word file carries) never make two names differ.
    static func isIgnorable(_ u: Unicode.Scalar) -> Bool {
        Text.isSpace(u) || u.value == 0x30FB || u.value == 0xFF65 || isDefaultIgnorable(u.value)
    }

    /// Unicode's Default_Ignorable_Code_Point, as ranges (tests check them against the
    /// standard library's property for every scalar). Spelled out because this runs on every
    /// scalar of every name of a run, and these compares cost less than the property look-up.
    static func isDefaultIgnorable(_ v: UInt32) -> Bool {
        guard v >= 0xAD else { return false }
        // Kana and kanji, most scalars of a name: none is ignorable but the Hangul filler.
        if (0x3040...0x9FFF).contains(v) { return v == 0x3164 }
        switch v {
        case 0xAD, 0x34F, 0x61C, 0x115F...0x1160, 0x17B4...0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3,
             0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// Surname and given name when the clerk separated them with a space, folded as the
    /// same-person rules compare names (`name`, then `latinCased`).
    public static func parts(_ s: String) -> (surname: String, given: String)? {
        let pieces = Text.nfkc(s).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard pieces.count == 2 else { return nil }
        return (latinCased(name(pieces[0])), latinCased(name(pieces[1])))
    }

    /// A folded name as the same-person rules compare it: Latin letters in upper case, without
    /// commas and full stops. A name in Latin letters is one name in any case (`KIM YOUNGJA` on
    /// the residence card, `Kim Youngja` typed at the desk), and `SMITH, John` or `J. Smith`
    /// hold punctuation, not part of the name. A name with no ASCII comes back as it is.
    public static func latinCased(_ folded: String) -> String {
        // On the bytes of the String's own storage: the generic walk over its UTF-8 view cost
        // some 30 instructions a byte, on every row three times (both halves of the profile pass).
        var text = folded
        guard text.withUTF8({ $0.contains { (0x61...0x7A).contains($0) || $0 == 0x2C || $0 == 0x2E } }) else { return folded }
        var out = String.UnicodeScalarView()
        for u in folded.unicodeScalars where u != "," && u != "." {
            out.append((0x61...0x7A).contains(u.value) ? Unicode.Scalar(u.value - 0x20) ?? u : u)
        }
        return String(out)
    }

    /// A reading in one kana form: NFKC (half-width → full-width), hiragana →
    /// katakana, small kana → large, ヂ/ヅ → ジ/ズ, ヰ/ヱ → イ/エ, no ー, spaces or dots.
    public static func reading(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in Text.nfkc(s).unicodeScalars where !isIgnorable(u) && u != "ー" && u != "-" && u != "・" {
            var v = oneScript(u.value)
            if let large = smallToLarge[v] { v = large }
            if v == 0x30C2 { v = 0x30B8 }  // ヂ → ジ
            if v == 0x30C5 { v = 0x30BA }  // ヅ → ズ
            if let scalar = Unicode.Scalar(v) { out.append(scalar) }
        }
        return String(out)
    }

    /// A folded name with its kana in one script: hiragana as katakana, and the old kana ゐ/ゑ
    /// (ヰ/ヱ) as イ/エ, as a clerk who cannot type them writes them. Kanji are left as they
    /// are. `山田 はな` and `山田 ハナ`, or `ヨシヱ` and `ヨシエ`, are one name in two hands.
    static func kanaFolded(_ folded: String) -> String {
        var out = String.UnicodeScalarView()
        for u in folded.unicodeScalars { out.append(Unicode.Scalar(oneScript(u.value)) ?? u) }
        return String(out)
    }

    /// A kana code point in katakana (hiragana moved up by 0x60), with the old kana ヰ/ヱ as
    /// イ/エ, how they are written today; anything else as it is.
    static func oneScript(_ scalar: UInt32) -> UInt32 {
        var v = scalar
        if (0x3041...0x3096).contains(v) { v += 0x60 }
        if v == 0x30F0 { v = 0x30A4 }
        if v == 0x30F1 { v = 0x30A8 }
        return v
    }

    /// `山田 太郎（ヤマダ タロウ）`: a reading a clerk wrote in brackets after the name, on a
    /// sheet without a フリガナ column. Split off, it is the row's reading, and the name is the
    /// name (with it, the same person's rows without one were someone else).
    public static func splittingReading(_ written: String) -> (name: String, reading: String)? {
        // Most names do not end in a bracket: one byte compare and out (`)` or the last byte of `）`).
        guard let last = written.utf8.last, last == 0x29 || last == 0x89 else { return nil }
        guard let close = written.indices.last, written[close] == ")" || written[close] == "）",
              let open = written.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return nil }
        let name = Text.trimmed(String(written[..<open]))
        let reading = Text.trimmed(Text.nfkc(String(written[written.index(after: open)..<close])))
        // A reading of the whole name has at least one kana for each character of it: `(タロウ)`
        // after 山田 太郎 reads the given name only, and as the row's reading it would set this
        // row apart from the same person's rows that read the whole name.
        let kana = NameFolding.reading(reading)
        guard !name.isEmpty, isKana(kana), kana.unicodeScalars.count >= Text.removingWhitespace(name).count else { return nil }
        return (name, reading)
    }

    /// The words of a name written in Latin letters, in upper case and sorted, when it has
    /// two or more (`SMITH John` and `John Smith` both give `JOHN SMITH`: the residence card
    /// puts the family name first, the desk often does not); nil for any other name.
    static func latinWords(_ s: String) -> String? {
        var words: [String] = [], word = ""
        for u in Text.nfkc(s).unicodeScalars {
            switch u.value {
            case 0x41...0x5A, 0x27, 0x2D: word.unicodeScalars.append(u)
            case 0x61...0x7A: word.unicodeScalars.append(Unicode.Scalar(u.value - 0x20) ?? u)
            case 0x2C, 0x2E, 0x30FB, 0xFF65: if !word.isEmpty { words.append(word); word = "" }
            default:
                guard Text.isSpace(u) || isDefaultIgnorable(u.value) else { return nil }
                if !word.isEmpty { words.append(word); word = "" }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.count >= 2 ? words.sorted().joined(separator: " ") : nil
    }

    /// A folded name whose given name is written in kana after a surname in kanji (`藤田まさお`,
    /// `長谷川すみこ`: reception knew the surname's kanji, not the given name's): the kanji head
    /// and the reading of the kana tail (at least two kana). Nil for names that end in a kanji,
    /// or are kana throughout (`isKana`).
    static func givenInKana(_ folded: String) -> (head: String, tail: String)? {
        let scalars = Array(folded.unicodeScalars)
        var start = scalars.count
        while start > 0, isKanaScalar(scalars[start - 1].value) { start -= 1 }
        guard scalars.count - start >= 2, start > 0 else { return nil }
        var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
        head.append(contentsOf: scalars[..<start])
        tail.append(contentsOf: scalars[start...])
        return (String(head), reading(String(tail)))
    }

    static func isKanaScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x3041...0x3096, 0x309D...0x309E, 0x30A1...0x30FA, 0x30FC...0x30FE: return true
        default: return false
        }
    }

    /// Whether a folded name is written wholly in kana (hiragana, katakana, the long-vowel
    /// mark and the kana iteration marks), at least two of them.
    public static func isKana(_ folded: String) -> Bool {
        var count = 0
        for u in folded.unicodeScalars {
            guard isKanaScalar(u.value) else { return false }
            count += 1
        }
        return count >= 2
    }

    static let smallToLarge: [UInt32: UInt32] = [
        0x30A1: 0x30A2, 0x30A3: 0x30A4, 0x30A5: 0x30A6, 0x30A7: 0x30A8, 0x30A9: 0x30AA, 0x30C3: 0x30C4,
        0x30E3: 0x30E4, 0x30E5: 0x30E6, 0x30E7: 0x30E8, 0x30EE: 0x30EF, 0x30F5: 0x30AB, 0x30F6: 0x30B1,
    ]
}
