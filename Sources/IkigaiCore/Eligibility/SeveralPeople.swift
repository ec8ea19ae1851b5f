/// Whether a 氏名 cell names more than one person: a couple or a companion signed in on one line
/// (`山田 太郎・花子`, `山田 太郎、花子`, `山田 太郎 他1名`, `山田 ご夫妻`). Such a row counted as
/// one person, whose age, address and ID check stood for both, and the second one was never
/// counted; it is rejected with the advice to give each person a row.
///
/// A comma or slash counts only in a name written in Japanese: foreign residents' names come
/// as `NGUYEN, Thi Lan`, surname first (as `bench/other-year.py` writes them).
///
/// Kept narrow, since a wrong hit rejects a real person: `・` counts only between kanji or
/// hiragana parts one of which has a space in it (a full name), because it also joins the
/// parts of a foreign name (`ジョン・スミス`) and some clerks put it between surname and given
/// name (`山田・太郎`). `と` is never a marker: it is part of many given names.
enum SeveralPeople {
    /// The words of `name` (as `Text.cell` leaves it: NFKC, so full-width ，／＆；＋ are ASCII
    /// and every space is U+0020) that say it names several people, or nil.
    ///
    /// Every row's name comes here once: read as bytes, a character at a time, since walking
    /// its scalars cost a thousand instructions a row (callgrind, 1× sample).
    static func marker(in name: String) -> String? {
        var dot = false, space = false, bi = false, japanese = false, companionLast = false
        var separator: String?
        var bytes = name
        bytes.withUTF8 { p in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    switch b {
                    case 0x2C, 0x2F, 0x26, 0x3B, 0x2B: if separator == nil { separator = String(UnicodeScalar(b)) }
                    case 0x20, 0x09: space = true
                    default: break
                    }
                    i += 1
                    continue
                }
                if b < 0xE0 { i += 2; continue }
                guard b < 0xF0 else {
                    if i + 1 < n, b == 0xF0, (0xA0...0xAF).contains(p[i + 1]) { japanese = true }  // kanji of U+20000–2FFFF
                    i += 4
                    continue
                }
                guard i + 2 < n else { break }
                let c1 = p[i + 1], c2 = p[i + 2]
                if b == 0xE3 {
                    switch (c1, c2) {
                    case (0x80, 0x81): if separator == nil { separator = "、" }
                    case (0x83, 0xBB): dot = true
                    case (0x81, 0xB3): bi = true; japanese = true  // び, of および and 及び
                    // Hiragana and katakana, U+3041–30FA (not the CJK punctuation of E3 80, nor ・ and ー).
                    case (0x81, _), (0x82, _), (0x83, 0x80...0xBA): japanese = true
                    default: break
                    }
                } else if (0xE4...0xE9).contains(b) {
                    japanese = true
                }
                i += 3
            }
            // 名 人 他 か 妻 婦 族: the last characters `companions` looks for.
            if n >= 3 {
                switch (p[n - 3], p[n - 2], p[n - 1]) {
                case (0xE5, 0x90, 0x8D), (0xE4, 0xBA, 0xBA), (0xE4, 0xBB, 0x96), (0xE3, 0x81, 0x8B), (0xE5, 0xA6, 0xBB),
                     (0xE5, 0xA9, 0xA6), (0xE6, 0x97, 0x8F):
                    companionLast = true
                default: break
                }
            }
        }
        // Only in a name written in Japanese: `NGUYEN, Thi Lan` is one person, surname first.
        if let separator, japanese { return separator }
        if bi, let word = ["および", "及び"].first(where: { name.contains($0) }) { return word }
        if companionLast, let tail = companions(atEndOf: name) { return tail }
        if dot, space, dotJoinsFullNames(name) { return "・" }
        return nil
    }

    /// `他1名`, `他一名`, `ほか2人`, `外1名`, `他`, `ほか`, `夫妻`, `ご夫婦`, `家族` at the end, as written
    /// there without spaces.
    private static func companions(atEndOf name: String) -> String? {
        let written = Array(name.unicodeScalars.suffix(8).filter { !Text.isSpace($0) })
        // (Not 一家: with a space before it, it may be a given name.)
        for word in ["ご夫妻", "御夫妻", "夫妻", "ご夫婦", "夫婦", "ご家族", "家族"] where written.ends(with: word) {
            // A cell holding only the word is no name at all; that is not for this rule to say.
            return name.unicodeScalars.count > word.unicodeScalars.count ? word : nil
        }
        var tail = written[...]
        var counted = false
        if let last = tail.last, last == "名" || last == "人" {
            tail = tail.dropLast()
            while let d = tail.last, ("0"..."9").contains(d) || "一二三四五六七八九十".unicodeScalars.contains(d) {
                tail = tail.dropLast()
                counted = true
            }
            guard counted else { return nil }
        }
        let words = counted ? ["他", "ほか", "外"] : ["他", "ほか"]
        guard let word = words.first(where: { Array(tail).ends(with: $0) }),
              // Something before the word: the name of the first person.
              name.unicodeScalars.count > word.unicodeScalars.count + (written.count - tail.count) else { return nil }
        let k = word.unicodeScalars.count + (written.count - tail.count)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: written.suffix(k))
        return String(out)
    }

    /// Parts on both sides of every `・` written in kanji or hiragana only.
    private static func dotJoinsFullNames(_ name: String) -> Bool {
        let parts = name.unicodeScalars.split(separator: "・", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            var letters = 0
            for u in part where !Text.isSpace(u) {
                guard isKanjiOrHiragana(u) else { return false }
                letters += 1
            }
            return letters > 0
        }
    }

    private static func isKanjiOrHiragana(_ u: Unicode.Scalar) -> Bool {
        Text.isKanji(u) || (0x3041...0x309F).contains(u.value)
    }
}

private extension Array where Element == Unicode.Scalar {
    func ends(with word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        return count >= w.count && Array(self[(count - w.count)...]) == w
    }
}
