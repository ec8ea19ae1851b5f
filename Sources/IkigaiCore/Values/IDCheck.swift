/// The 本人確認 column: whether staff saw an ID card at the door.
public enum IDCheck {
    /// The marks the contract lists, plus the look-alikes Japanese IMEs offer
    /// for ○ (◯ U+25EF) and ✓ (✔ U+2714); `yes`/`y` in any letter case.
    static let checkedMarks: Set<String> = ["済", "○", "〇", "◯", "✓", "✔", "有", "yes", "y", "1"]

    public static func isChecked(_ raw: String) -> Bool {
        checkedMarks.contains(mark(raw))
    }

    /// The cell as the marks are compared: folded, lower-cased, and without the emoji variation
    /// selector a phone or a Mac keyboard adds to ✔ (`✔️` is U+2714 U+FE0F, the same mark).
    private static func mark(_ raw: String) -> String {
        let t = Text.cell(raw).lowercased()
        guard t.unicodeScalars.contains(where: { $0.value == 0xFE0E || $0.value == 0xFE0F }) else { return t }
        return String(String.UnicodeScalarView(t.unicodeScalars.filter { $0.value != 0xFE0E && $0.value != 0xFE0F }))
    }

    /// Marks that say the ID was not seen, and an empty cell. Anything else that is not a
    /// checked mark (`保険証`, `免許証`, `TRUE`, `OK`) is unreadable rather than a "no": the row is
    /// still not counted, as the contract says, but the clerk is told the mark was not read.
    static let uncheckedMarks: Set<String> = ["", "未", "未確認", "×", "✕", "✖", "x", "無", "なし", "無し", "no", "n", "0", "false", "-", "否"]

    static func saysUnchecked(_ raw: String) -> Bool {
        uncheckedMarks.contains(mark(raw))
    }

    /// The checked mark a cell begins with when a note follows it (`済（保険証）`, `○ 免許証`,
    /// `済・保険証`): still not read, as the contract lists the marks alone, but told as a mark
    /// with a note rather than as writing nobody can read. Only on the failure path.
    ///
    /// Only a note set apart (a bracket, a space, `・`, `/`) or the kana that inflects the mark
    /// (`済み`, `有り`): `有効期限切れ` begins with 有 too, and "keep 有 alone" would tell the clerk
    /// to count an expired card as seen.
    static func markBeforeNote(_ raw: String) -> String? {
        let t = mark(raw)
        guard let first = t.first, t.count > 1, ["済", "○", "〇", "◯", "✓", "✔", "有"].contains(String(first)) else { return nil }
        let rest = t.dropFirst()
        guard let next = rest.first else { return nil }
        return "([【〔<「・、,/:; ".contains(next) || rest == "み" || rest == "り" ? String(first) : nil
    }
}
