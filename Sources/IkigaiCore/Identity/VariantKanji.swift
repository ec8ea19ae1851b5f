/// Old and variant kanji folded to one standard form for comparing names.
/// NFKC folds none of these. Each entry says where the equivalence comes from:
///
/// - 常用: the traditional form printed in brackets beside the standard form
///   in the 常用漢字表 (2010 Cabinet notice), e.g. 澤 (沢).
/// - 人名: the 人名用漢字 list (戸籍法施行規則 別表第二), second part, which pairs
///   traditional forms usable in names with their standard forms.
/// - 戸籍: 法務省「誤字俗字・正字一覧表」/ 戸籍統一文字 and the 文字情報基盤 MJ
///   縮退マップ, which treat these as variants (異体字) of the standard form.
///
/// The target is the form most used in registers today. 斉/斎/齊/齋 are
/// folded together because clerks and residents use them interchangeably
/// for the same surname (サイトウ), as the intake contract notes.
enum VariantKanji {
    static let table: [Character: (standard: Character, source: String)] = [
        "髙": ("高", "戸籍"), "﨑": ("崎", "戸籍"), "嵜": ("崎", "戸籍"), "碕": ("崎", "戸籍"),
        "邊": ("辺", "人名"), "邉": ("辺", "戸籍"),
        "齋": ("斉", "人名"), "齊": ("斉", "人名"), "斎": ("斉", "戸籍"),
        "澤": ("沢", "常用"), "濱": ("浜", "常用"), "濵": ("浜", "戸籍"), "國": ("国", "常用"),
        "嶋": ("島", "戸籍"), "嶌": ("島", "戸籍"), "廣": ("広", "常用"), "𠮷": ("吉", "戸籍"),
        "德": ("徳", "人名"), "惠": ("恵", "常用"), "榮": ("栄", "常用"), "壽": ("寿", "常用"),
        "眞": ("真", "人名"), "滿": ("満", "常用"), "藏": ("蔵", "常用"), "禮": ("礼", "人名"),
        "櫻": ("桜", "人名"), "淺": ("浅", "常用"), "黑": ("黒", "人名"), "靜": ("静", "人名"),
        "實": ("実", "常用"), "學": ("学", "常用"), "與": ("与", "常用"), "來": ("来", "人名"),
        "亞": ("亜", "人名"), "條": ("条", "常用"), "萬": ("万", "人名"), "冨": ("富", "戸籍"),
        "槇": ("槙", "戸籍"), "兒": ("児", "人名"), "傳": ("伝", "人名"),
        "澁": ("渋", "人名"), "澀": ("渋", "戸籍"), "龜": ("亀", "人名"), "驒": ("騨", "戸籍"),
        "桒": ("桑", "戸籍"), "舘": ("館", "戸籍"), "峯": ("峰", "戸籍"), "嶽": ("岳", "人名"),
        "籠": ("篭", "戸籍"), "敎": ("教", "戸籍"),
        "龍": ("竜", "常用"), "瀨": ("瀬", "常用"), "曾": ("曽", "常用"), "彌": ("弥", "常用"),
        "稻": ("稲", "常用"), "穗": ("穂", "常用"), "綠": ("緑", "常用"), "增": ("増", "常用"),
        "寬": ("寛", "常用"), "將": ("将", "常用"), "團": ("団", "常用"), "圓": ("円", "常用"),
        "縣": ("県", "常用"), "鐵": ("鉄", "常用"), "豐": ("豊", "常用"), "莊": ("荘", "常用"),
        "勳": ("勲", "常用"), "淸": ("清", "人名"), "栁": ("柳", "戸籍"), "渕": ("淵", "戸籍"),
        "舩": ("船", "戸籍"),
    ]

    static func fold(_ c: Character) -> Character { table[c]?.standard ?? c }

    /// The same table by code point: every entry is one scalar on both sides.
    static let byScalar: [UInt32: Unicode.Scalar] = {
        var out: [UInt32: Unicode.Scalar] = [:]
        for (variant, entry) in table {
            guard let v = variant.unicodeScalars.first, variant.unicodeScalars.count == 1,
                  let s = entry.standard.unicodeScalars.first, entry.standard.unicodeScalars.count == 1 else { continue }
            out[v.value] = s
        }
        return out
    }()

    /// One bit per code point below U+10000: whether the table has it. Most scalars of a name
    /// are not variants, and hashing each into `byScalar` was a fifth of reading a person.
    static let inTable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in byScalar.keys where v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        return bits
    }()

    static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        if v < 0x10000 && inTable[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { return u }
        return byScalar[v] ?? u
    }
}
