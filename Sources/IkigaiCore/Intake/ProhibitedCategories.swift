import Foundation

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
        for w in builtIn + extra.map(foldHeader) where !w.isEmpty && contains(h, w) {
            return w
        }
        return nil
    }

    /// Whether the folded `word` occurs in the folded `header`, by their UTF-8 bytes. Foundation's
    /// `contains` bridged both through NSString: some 7,000 searches for a year's sheets, 1.5% of
    /// a run's instructions at 1× (a search by Characters cost more still). UTF-8 is
    /// self-synchronising, so a word's bytes match only where its first character starts.
    static func contains(_ header: String, _ word: String) -> Bool {
        var h = header, w = word
        return h.withUTF8 { hp in
            w.withUTF8 { wp in
                guard let hb = hp.baseAddress, let wb = wp.baseAddress else { return wp.isEmpty }
                // Headers and words are a few dozen bytes: each place is tried in turn.
                guard wp.count <= hp.count else { return false }
                for start in 0...(hp.count - wp.count) where hp[start] == wp[0] {
                    if memcmp(hb + start, wb, wp.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// NFKC, no white space, lower case: the form headers are compared in.
    public static func foldHeader(_ s: String) -> String {
        var out = ""
        for c in Text.removingWhitespace(Text.nfkc(s)).lowercased() where c != "\u{FEFF}" { out.append(c) }
        return out
    }
}
