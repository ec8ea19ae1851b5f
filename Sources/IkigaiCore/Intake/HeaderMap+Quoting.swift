/// Which header cells a refusal may quote.
///
/// A refused sheet's message goes to the terminal, to `validation.csv` and to
/// `validation.html`, none of them confidential. Row 1 is not always headers:
/// a clerk types a name into the cell right of the last header, or a sheet
/// loses its line break between the header and the first row, and those cells
/// are a person's name, phone and address. So a header is quoted only when it
/// is a word that heads columns (this contract's, the ones clerks write
/// instead, the prohibited categories, and columns offices add that the
/// contract leaves out), with at most a short note after it; any other is
/// named by its place (「9列目」).
extension HeaderMap {
    /// Columns offices add to a visits list or a member list that the contract leaves out.
    /// Quoted so that the clerk is told which column to delete.
    static let strayHeaders = [
        "備考", "メモ", "摘要", "その他", "コメント", "特記事項", "連絡事項", "申し送り",
        "メール", "メールアドレス", "e-mail", "email", "mail", "fax", "ファックス", "郵便番号", "〒",
        "性別", "男女", "職業", "勤務先", "世帯", "家族", "家族構成", "続柄", "緊急連絡先", "保護者",
        "要介護度", "介護度", "要支援", "介護認定", "健康状態", "体調", "身長", "体重", "血圧", "血液型",
        "趣味", "会費", "参加費", "金額", "領収", "支払", "担当", "担当者", "受付者", "記入者", "入力者",
        "時間", "時刻", "開始", "終了", "曜日", "回数", "人数", "合計", "出欠", "出席", "欠席", "参加",
        "会場", "部屋", "送迎", "交通手段", "写真", "同意", "署名", "印", "押印", "会員番号", "利用者番号",
        "id", "コード", "登録日", "入会日", "退会日", "年代", "地区", "町会", "町内会", "自治会",
    ]

    /// Every word that heads columns, folded: the headers of every kind of sheet, the near
    /// misses, row-number headers, the built-in prohibited categories and the stray headers.
    static let headerWords: Set<String> = {
        var words = Set(nearMisses.keys).union(rowNumberHeaders)
        for kind in SheetKind.allCases { words.formUnion(lookup(kind).keys) }
        for w in ProhibitedCategories.builtIn + strayHeaders { words.insert(ProhibitedCategories.foldHeader(w)) }
        return words
    }()

    /// Whether the header `shown` may be quoted in a message (see the type's comment).
    static func quotable(_ shown: String, extraProhibited: [String]) -> Bool {
        let folded = ProhibitedCategories.foldHeader(shown)
        let extra = Set(extraProhibited.map(ProhibitedCategories.foldHeader))
        if headerWords.contains(folded) || extra.contains(folded) { return true }
        // 氏名（フルネーム）, 電話番号※日中, 本人確認欄: a header word and a note of words. A note
        // with a digit or an @ may be a phone, an address or a mail address.
        guard let cut = folded.firstIndex(where: { $0 == "(" || $0 == "※" || $0 == "*" }) ?? (folded.hasSuffix("欄") ? folded.index(before: folded.endIndex) : nil),
              cut != folded.startIndex else { return false }
        let note = folded[cut...]
        guard note.count <= 12, !note.contains(where: { $0.isNumber || $0 == "@" }) else { return false }
        let word = String(folded[..<cut])
        return headerWords.contains(word) || extra.contains(word)
    }

    /// A header as a finding names it: its text for the `column` field and 「備考」 for the
    /// message, or （9列目） and 9列目 when it may not be quoted. `index` counts from 0.
    static func label(_ shown: String, at index: Int, extraProhibited: [String]) -> (column: String, message: String) {
        quotable(shown, extraProhibited: extraProhibited) ? (shown, "「\(shown)」") : ("（\(index + 1)列目）", "\(index + 1)列目")
    }
}
