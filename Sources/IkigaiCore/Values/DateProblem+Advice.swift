extension DateProblem {
    /// What the clerk is told about a date cell that did not read, `what` being the column's
    /// Japanese name. One wording for every sheet: classes.csv said only "読めません" where a
    /// visits sheet said what was missing (a year, four digits of it, the era's range).
    public func advice(_ what: String) -> String {
        switch self {
        case .unreadable:
            return "「\(what)」が日付として読めません。2018-05-10、2018/5/10、H30.5.10、平成30年5月10日 のどれかの形で書いてください。"
        case .ambiguousYear:
            return "「\(what)」の西暦が2桁です。2018/5/10 のように4桁で書くか、H30.5.10 のように元号を付けてください。"
        case .yearLast:
            return "「\(what)」は年が最後に書かれていて、月と日のどちらが先か分かりません。2018/5/10 のように年・月・日の順で書いてください。"
        case .noSuchDay:
            return "「\(what)」は存在しない日付です（月は1〜12、日はその月の日数まで）。"
        case .outsideEra(let era):
            let range = JapaneseEra.all.first { $0.name == era }.map { e in
                "\(e.name)は\(e.firstDay.westernJapaneseString)から" + (e.lastDay.map { "\($0.westernJapaneseString)まで" } ?? "")
            } ?? ""
            return "「\(what)」は\(era)の期間外の日付です（\(range)）。元号か年を確認してください。"
        case .lunisolar:
            return "「\(what)」は明治5年以前（旧暦）の日付で、換算できません。"
        case .excelSerial:
            return "「\(what)」が日付ではなく数値（Excel の日付の通し番号）で保存されています。Excel でこの列の表示形式を「日付」にしてから保存し直してください。"
        case .noYear:
            return "「\(what)」に年がありません。2018/5/10 や H30.5.10 のように年から書いてください。"
        case .dayOnly:
            return "「\(what)」が日だけで、年と月がありません。2018/5/10 や H30.5.10 のように年と月から書いてください（シートの名前の月は使いません）。"
        case .weekdayMismatch:
            return "「\(what)」の曜日が日付と合いません。日付か曜日を直してください。"
        }
    }
}
