/// The 本人確認 column: whether staff saw an ID card at the door.
public enum IDCheck {
    /// The marks the contract lists, plus the look-alikes Japanese IMEs offer
    /// for ○ (◯ U+25EF) and ✓ (✔ U+2714); `yes`/`y` in any letter case.
    static let checkedMarks: Set<String> = ["済", "○", "〇", "◯", "✓", "✔", "有", "yes", "y", "1"]

    public static func isChecked(_ raw: String) -> Bool {
        checkedMarks.contains(Text.cell(raw).lowercased())
    }
}
