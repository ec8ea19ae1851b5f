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
    /// The words of `name` (as `Text.cell` leaves it) that say it names several people, or nil.
    static func marker(in name: String) -> String? {
        var dot = false, space = false, bi = false, japanese = false
        var separator: Unicode.Scalar?
        for u in name.unicodeScalars {
            switch u {
            // After NFKC, full-width ，／＆；＋ and half-width ､ are these.
            case "、", ",", "/", "&", ";", "+": separator = separator ?? u
            case "・": dot = true
            case "び": bi = true
            default:
                if Text.isSpace(u) { space = true } else if !japanese, u.value >= 0x3041 { japanese = isKanjiOrKana(u) }
            }
        }
        // Only in a name written in Japanese: `NGUYEN, Thi Lan` is one person, surname first.
        if let separator, japanese { return String(separator) }
        if bi, let word = ["および", "及び"].first(where: { name.contains($0) }) { return word }
        if let tail = companions(atEndOf: name) { return tail }
        if dot, space, dotJoinsFullNames(name) { return "・" }
        return nil
    }

    /// `他1名`, `他一名`, `ほか2人`, `外1名`, `他`, `ほか`, `夫妻`, `ご夫婦`, `家族` at the end, as written
    /// there without spaces.
    private static func companions(atEndOf name: String) -> String? {
        // Every row's name comes here: out on its last character, without building anything.
        guard let last = name.unicodeScalars.last, "名人他か妻婦族".unicodeScalars.contains(last) else { return nil }
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

    private static func isKanjiOrKana(_ u: Unicode.Scalar) -> Bool {
        isKanjiOrHiragana(u) || (0x30A1...0x30FA).contains(u.value)
    }

    private static func isKanjiOrHiragana(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3041...0x309F, 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }
}

private extension Array where Element == Unicode.Scalar {
    func ends(with word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        return count >= w.count && Array(self[(count - w.count)...]) == w
    }
}
