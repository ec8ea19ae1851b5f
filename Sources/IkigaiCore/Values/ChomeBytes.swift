/// `AddressParser.chome` over UTF-8 bytes. The Character version hashed every
/// Character into the kanji-numeral table and was a third of the address
/// parse at 100× (perf, `bench/stage-cpu.sh`).
///
/// It answers only for text in which every Unicode scalar is a Character of
/// its own: ASCII, and U+3000–U+9FFF (kana, CJK punctuation, kanji) without
/// the combining marks in that range. There Characters and scalars are the
/// same, so it agrees with the Character version; for anything else it says
/// nothing and the Character version decides.
enum ChomeBytes {
    /// `.some(answer)` when decided, `nil` when the Character version must decide.
    static func read(_ b: UnsafeBufferPointer<UInt8>) -> Int?? {
        guard let scalars = simpleScalars(b) else { return nil }
        var i = 0
        var kanji = String.UnicodeScalarView()
        while i < scalars.count, let u = Unicode.Scalar(scalars[i]), isKanjiNumeral(u) {
            kanji.append(u)
            i += 1
        }
        if !kanji.isEmpty, startsWithChome(scalars, at: i) {
            return .some(KanjiNumeral.value(of: Substring(String(kanji))))
        }
        guard i == 0 else { return .some(nil) }
        var n = 0
        var overflow = false
        while i < scalars.count, (0x30...0x39).contains(scalars[i]) {
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(scalars[i] - 0x30))
            overflow = overflow || o1 || o2
            n = plus
            i += 1
        }
        // No digits, or too many for an Int (`Int(_:)` gives nil there too).
        guard i > 0, !overflow else { return .some(nil) }
        if startsWithChome(scalars, at: i) { return .some(n) }
        // `2-3-4`, with the dash a clerk's IME gives (ー) or the old `2の3の4`. The other dashes
        // (U+2010–2015, U+2212) are outside this reader's range: the Character version has them.
        if i < scalars.count, scalars[i] == 0x2D || scalars[i] == 0x30FC || scalars[i] == 0x306E, i + 1 < scalars.count,
           (0x30...0x39).contains(scalars[i + 1]) {
            return .some(n)
        }
        return .some(nil)
    }

    private static func isKanjiNumeral(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    private static func startsWithChome(_ s: [UInt32], at i: Int) -> Bool {
        i + 1 < s.count && s[i] == 0x4E01 && s[i + 1] == 0x76EE   // 丁目
    }

    /// The scalars of `b` when each is a Character of its own (see the type), else nil.
    private static func simpleScalars(_ b: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        var out: [UInt32] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                out.append(UInt32(lead))
                i += 1
                continue
            }
            // Three-byte sequences from U+3000 (E3 80 80) to U+9FFF (E9 BF BF).
            guard (0xE3...0xE9).contains(lead), i + 2 < b.count, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return nil }
            let v = (UInt32(lead & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
            guard v >= 0x3000, !(0x302A...0x302F).contains(v), v != 0x3099, v != 0x309A else { return nil }
            out.append(v)
            i += 3
        }
        return out
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
