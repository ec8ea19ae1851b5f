extension Settings.MonthDay {
    /// A day of every year as the manager writes it: `12-29`, `12/29`, `12月29日`, in full width
    /// too. 2-29 is a day (closed in leap years only).
    init?(text: String) {
        var t = Text.removingWhitespace(Text.cell(text))
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split { $0 == "-" || $0 == "/" || $0 == "月" || $0 == "." || $0 == "ー" || $0 == "−" }
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
              CivilDate(year: 2000, month: m, day: d) != nil else { return nil }
        self.init(month: m, day: d)
    }
}
