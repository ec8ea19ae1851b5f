/// `AddressParser.chome` over UTF-8 bytes. The Character version hashed every
/// Character into the kanji-numeral table and was a third of the address
/// parse at 100× (perf, `bench/stage-cpu.sh`).
///
/// It answers only where the scalars it reads, and the one after them, are
/// simple: ASCII, and U+3000–U+9FFF (kana, CJK punctuation, kanji) without
/// the combining marks in that range. Each of those is a Character of its
/// own, so it agrees with the Character version; for anything else it says
/// nothing and the Character version decides.
enum ChomeBytes {
    /// `.some(answer)` when decided, `nil` when the Character version must decide.
    ///
    /// Decodes only as far as the answer needs, and one scalar beyond it (so that no mark
    /// joins the last one read): an array of every scalar of the rest (building names, flats)
    /// was an allocation per address and a fifth of the address parse.
    static func read(_ b: UnsafeBufferPointer<UInt8>) -> Int?? {
        var i = 0
        var kanji = ""
        while let (u, next) = scalar(b, at: i), KanjiNumeral.digit(u) != nil {
            if let k = Unicode.Scalar(u) { kanji.unicodeScalars.append(k) }
            i = next
        }
        guard let (first, afterFirst) = scalarOrEnd(b, at: i) else { return nil }
        if !kanji.isEmpty {
            guard startsWithChome(b, first: first, after: afterFirst) else { return .some(nil) }
            return isSettled(b, at: afterFirst, plus: 1) ? .some(KanjiNumeral.value(of: Substring(kanji))) : nil
        }
        var n = 0
        var overflow = false
        var digits = 0
        while i < b.count, (0x30...0x39).contains(b[i]) {
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(b[i] - 0x30))
            overflow = overflow || o1 || o2
            n = plus
            i += 1
            digits += 1
        }
        guard let (u, afterU) = scalarOrEnd(b, at: i) else { return nil }
        // No digits, or too many for an Int (`Int(_:)` gives nil there too).
        guard digits > 0, !overflow else { return .some(nil) }
        if startsWithChome(b, first: u, after: afterU) { return isSettled(b, at: afterU, plus: 1) ? .some(n) : nil }
        // `2-3-4`, with the dash a clerk's IME gives (ー) or the old `2の3の4`. The other dashes
        // (U+2010–2015, U+2212) are outside this reader's range: the Character version has them.
        if u == 0x2D || u == 0x30FC || u == 0x306E {
            guard let (d, afterD) = scalarOrEnd(b, at: afterU) else { return nil }
            guard (0x30...0x39).contains(d) else { return .some(nil) }
            return isSettled(b, at: afterD, plus: 0) ? .some(n) : nil
        }
        return .some(nil)
    }

    /// 丁目 from the scalar `first` on (the next one read from `after`).
    private static func startsWithChome(_ b: UnsafeBufferPointer<UInt8>, first: UInt32, after: Int) -> Bool {
        guard first == 0x4E01, let (second, _) = scalar(b, at: after) else { return false }
        return second == 0x76EE
    }

    /// Whether the `plus` scalars from byte `i`, and the one after them, are simple: then every
    /// scalar read is a Character of its own, as the Character version sees it.
    private static func isSettled(_ b: UnsafeBufferPointer<UInt8>, at i: Int, plus: Int) -> Bool {
        var i = i
        for _ in 0...plus {
            guard let (_, next) = scalarOrEnd(b, at: i) else { return false }
            if i == b.count { return true }
            i = next
        }
        return true
    }

    /// The simple scalar at byte `i` (see the type) and the byte after it; nil at the end or
    /// for any other.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard i < b.count else { return nil }
        return scalarOrEnd(b, at: i)
    }

    /// As `scalar`, with the end of the text as the scalar 0 (never one of those asked for);
    /// nil only for a scalar that is not simple, where the Character version must decide.
    private static func scalarOrEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard i < b.count else { return (0, i) }
        let lead = b[i]
        if lead < 0x80 { return (UInt32(lead), i + 1) }
        // Three-byte sequences from U+3000 (E3 80 80) to U+9FFF (E9 BF BF).
        guard (0xE3...0xE9).contains(lead), i + 2 < b.count, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return nil }
        let v = (UInt32(lead & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
        guard v >= 0x3000, !(0x302A...0x302F).contains(v), v != 0x3099, v != 0x309A else { return nil }
        return (v, i + 3)
    }
}

/// The UTF-8 bytes of a text's first Unicode scalar, as one number: a key
/// under which prefixes of that text can be looked up.
enum FirstScalar {
    static func key(_ s: Substring) -> UInt32 {
        var key: UInt32 = 0
        guard let first = s.unicodeScalars.first else { return 0 }
        for b in String(first).utf8 { key = key << 8 | UInt32(b) }
        return key
    }
}
