extension PhoneNumber {
    /// A phone cell that says there is no number (`なし`, `無`, `不明`, `-`, `×`): told as such, not
    /// as "characters other than digits" or "0 digits", which read as if the clerk had
    /// mistyped a number.
    static func saysNone(_ raw: String) -> Bool {
        let t = Text.removingWhitespace(Text.nfkc(raw)).lowercased()
        return ["なし", "無し", "無", "ない", "不明", "未", "未定", "未記入", "-", "--", "ー", "―", "−", "‐", "×", "x", "none", "n/a", "na", "nil", "tel無し", "電話なし", "電話無し"]
            .contains(t)
    }
}
