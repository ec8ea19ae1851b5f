/// What a clerk writes into a 氏名 cell besides the name: a note in brackets after it
/// (`架空 一郎（新規）`, `(代理)`, `【初回】`), a mark before or after it (`※`, `★`, `◎`), and
/// `さん`. Each made the row a person of its own: one resident written four ways on one phone
/// was four users, and the review list asked about every pair. The name is kept without them
/// (rosters print it so); the note is handed back so that `SeveralPeople` can read
/// `（他1名）` or `（夫妻）` in it.
///
/// A reading in brackets (`山田 太郎（ヤマダ タロウ）`) is split off before this, by
/// `NameFolding.splittingReading`. 様 and 殿 are left to `NameFolding.name`, which drops them
/// from the compared form as it always has.
enum NameNotes {
    /// The name without its notes, and the notes' text (nil when there were none). A cell
    /// that is nothing but a note comes back as it is.
    static func split(_ cell: String) -> (name: String, note: String?) {
        guard mayHoldNotes(cell) else { return (cell, nil) }
        var scalars = Array(cell.unicodeScalars)
        var notes: [String] = []
        var changed = true
        while changed, !scalars.isEmpty {
            changed = false
            while let u = scalars.first, isMark(u) || Text.isSpace(u) {
                scalars.removeFirst()
                changed = true
            }
            while let u = scalars.last, isMark(u) || Text.isSpace(u) {
                scalars.removeLast()
                changed = true
            }
            if let u = scalars.last, let opening = opening(of: u),
               let open = scalars.lastIndex(of: opening), open > 0 {
                notes.append(String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)])))
                scalars.removeSubrange(open...)
                changed = true
            }
            // さん after a name in kanji or after a space; a name in kana may end in さ + ん.
            if scalars.count > 3, scalars[scalars.count - 2] == "さ", scalars[scalars.count - 1] == "ん",
               Text.isSpace(scalars[scalars.count - 3]) || Text.isKanji(scalars[scalars.count - 3]) {
                scalars.removeLast(2)
                changed = true
            }
        }
        let name = Text.trimmed(String(String.UnicodeScalarView(scalars)))
        guard !name.isEmpty, name.unicodeScalars.count < cell.unicodeScalars.count else { return (cell, nil) }
        return (name, notes.isEmpty ? nil : notes.reversed().joined(separator: " "))
    }

    /// Whether the cell starts with a mark or ends with a mark, a closing bracket or ん (a
    /// superset of what `split` removes), by its first byte and last three: nearly every name
    /// starts and ends with a letter, and this runs on every row.
    static func mayHoldNotes(_ cell: String) -> Bool {
        var text = cell
        return text.withUTF8 { u in
            guard let first = u.first, let last = u.last else { return false }
            // ASCII marks and brackets: * # ! ? ) ]. Every other mark is E2 …; closing brackets are E3 80 …; ん is E3 82 93.
            func asciiMark(_ b: UInt8) -> Bool { b == 0x2A || b == 0x23 || b == 0x21 || b == 0x3F }
            if first == 0xE2 || asciiMark(first) || asciiMark(last) || last == 0x29 || last == 0x5D { return true }
            guard last >= 0x80, u.count >= 3 else { return false }
            let lead = u[u.count - 3], middle = u[u.count - 2]
            return lead == 0xE2 || (lead == 0xE3 && middle == 0x80) || (lead == 0xE3 && middle == 0x82 && last == 0x93)
        }
    }

    /// Marks clerks put beside a name; none is ever part of one.
    static func isMark(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "※", "*", "★", "☆", "◎", "○", "●", "◯", "◇", "◆", "□", "■", "△", "▲", "▽", "▼", "♪", "#", "!", "?", "✓", "✔":
            return true
        default:
            return false
        }
    }

    /// (After NFKC: full-width （）［］ are ASCII.)
    static func opening(of closing: Unicode.Scalar) -> Unicode.Scalar? {
        switch closing {
        case ")": return "("
        case "]": return "["
        case "】": return "【"
        case "〕": return "〔"
        case "」": return "「"
        case "』": return "『"
        case "〉": return "〈"
        case "》": return "《"
        default: return nil
        }
    }
}
