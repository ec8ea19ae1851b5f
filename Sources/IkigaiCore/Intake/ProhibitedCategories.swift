/// The categories the contract forbids collecting (特記事項 5): belief,
/// creed, religion, politics, facts that cause social discrimination, crime;
/// plus the rest of APPI's 要配慮個人情報 (health data, crime victimhood).
/// Settings may add words, never remove these.
public enum ProhibitedCategories {
    public static let builtIn: [String] = [
        "思想", "信条", "信仰", "宗教", "宗派", "支持政党", "政党", "政治",
        "本籍", "出身地", "出生地", "国籍", "人種", "民族", "門地", "社会的身分", "障害", "障がい", "病歴", "既往歴", "病名",
        "診断", "健康診断", "服薬", "性的指向", "性自認",
        "犯罪", "前科", "前歴", "逮捕", "刑事", "被害",
        "religion", "belief", "creed", "politic", "party", "birthplace", "nationality", "race", "ethnic",
        "disabilit", "handicap", "medical", "diagnos", "disease", "sexual", "criminal", "crime", "arrest", "conviction",
    ]

    /// The first prohibited word a folded header contains, if any.
    public static func match(header: String, extra: [String]) -> String? {
        let h = foldHeader(header)
        for w in builtIn + extra.map(foldHeader) where !w.isEmpty && h.contains(w) {
            return w
        }
        return nil
    }

    /// NFKC, no white space, lower case: the form headers are compared in.
    public static func foldHeader(_ s: String) -> String {
        var out = ""
        for c in Text.removingWhitespace(Text.nfkc(s)).lowercased() where c != "\u{FEFF}" { out.append(c) }
        return out
    }
}
