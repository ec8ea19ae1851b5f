/// Common Japanese surnames and given names of the generation now over 60,
/// combined at random into generated people (no real person's record is
/// used). Surnames with old or variant kanji list those forms, so that the
/// sample carries the spellings the identity step must fold.
enum NamePool {
    struct Name: Sendable {
        /// The standard form first, then variants clerks also write.
        let forms: [String]
        let kana: String
    }

    static let surnames: [Name] = [
        Name(forms: ["高橋", "髙橋"], kana: "タカハシ"), Name(forms: ["斎藤", "齋藤", "齊藤"], kana: "サイトウ"),
        Name(forms: ["渡辺", "渡邊", "渡邉"], kana: "ワタナベ"), Name(forms: ["山崎", "山﨑"], kana: "ヤマザキ"),
        Name(forms: ["浜田", "濱田"], kana: "ハマダ"), Name(forms: ["島田", "嶋田"], kana: "シマダ"),
        Name(forms: ["沢田", "澤田"], kana: "サワダ"), Name(forms: ["広田", "廣田"], kana: "ヒロタ"),
        Name(forms: ["国井", "國井"], kana: "クニイ"), Name(forms: ["吉田", "𠮷田"], kana: "ヨシダ"),
        Name(forms: ["佐藤"], kana: "サトウ"), Name(forms: ["鈴木"], kana: "スズキ"), Name(forms: ["田中"], kana: "タナカ"),
        Name(forms: ["伊藤"], kana: "イトウ"), Name(forms: ["中村"], kana: "ナカムラ"), Name(forms: ["小林"], kana: "コバヤシ"),
        Name(forms: ["加藤"], kana: "カトウ"), Name(forms: ["山田"], kana: "ヤマダ"), Name(forms: ["佐々木"], kana: "ササキ"),
        Name(forms: ["山口"], kana: "ヤマグチ"), Name(forms: ["松本"], kana: "マツモト"), Name(forms: ["井上"], kana: "イノウエ"),
        Name(forms: ["木村"], kana: "キムラ"), Name(forms: ["林"], kana: "ハヤシ"), Name(forms: ["清水"], kana: "シミズ"),
        Name(forms: ["山本"], kana: "ヤマモト"), Name(forms: ["森"], kana: "モリ"), Name(forms: ["池田"], kana: "イケダ"),
        Name(forms: ["橋本"], kana: "ハシモト"), Name(forms: ["阿部"], kana: "アベ"), Name(forms: ["石川"], kana: "イシカワ"),
        Name(forms: ["前田"], kana: "マエダ"), Name(forms: ["藤田"], kana: "フジタ"), Name(forms: ["小川"], kana: "オガワ"),
        Name(forms: ["岡田"], kana: "オカダ"), Name(forms: ["後藤"], kana: "ゴトウ"), Name(forms: ["長谷川"], kana: "ハセガワ"),
        Name(forms: ["村上"], kana: "ムラカミ"), Name(forms: ["近藤"], kana: "コンドウ"), Name(forms: ["石井"], kana: "イシイ"),
        Name(forms: ["坂本"], kana: "サカモト"), Name(forms: ["遠藤"], kana: "エンドウ"), Name(forms: ["青木"], kana: "アオキ"),
        Name(forms: ["藤井"], kana: "フジイ"), Name(forms: ["西村"], kana: "ニシムラ"), Name(forms: ["福田"], kana: "フクダ"),
        Name(forms: ["太田"], kana: "オオタ"), Name(forms: ["三浦"], kana: "ミウラ"), Name(forms: ["岡本"], kana: "オカモト"),
        Name(forms: ["松田"], kana: "マツダ"), Name(forms: ["中川"], kana: "ナカガワ"), Name(forms: ["中野"], kana: "ナカノ"),
        Name(forms: ["原田"], kana: "ハラダ"), Name(forms: ["小野"], kana: "オノ"), Name(forms: ["田村"], kana: "タムラ"),
        Name(forms: ["竹内"], kana: "タケウチ"), Name(forms: ["金子"], kana: "カネコ"), Name(forms: ["和田"], kana: "ワダ"),
        Name(forms: ["中山"], kana: "ナカヤマ"), Name(forms: ["石田"], kana: "イシダ"), Name(forms: ["上田"], kana: "ウエダ"),
        Name(forms: ["森田"], kana: "モリタ"), Name(forms: ["柴田"], kana: "シバタ"), Name(forms: ["酒井"], kana: "サカイ"),
        Name(forms: ["工藤"], kana: "クドウ"), Name(forms: ["横山"], kana: "ヨコヤマ"), Name(forms: ["宮本"], kana: "ミヤモト"),
        Name(forms: ["内田"], kana: "ウチダ"), Name(forms: ["高木"], kana: "タカギ"), Name(forms: ["安藤"], kana: "アンドウ"),
    ]

    static let femaleGiven: [Name] = [
        Name(forms: ["和子"], kana: "カズコ"), Name(forms: ["幸子"], kana: "サチコ"), Name(forms: ["節子"], kana: "セツコ"),
        Name(forms: ["弘子"], kana: "ヒロコ"), Name(forms: ["京子"], kana: "キョウコ"), Name(forms: ["洋子"], kana: "ヨウコ"),
        Name(forms: ["美智子"], kana: "ミチコ"), Name(forms: ["恵子"], kana: "ケイコ"), Name(forms: ["順子"], kana: "ジュンコ"),
        Name(forms: ["久美子"], kana: "クミコ"), Name(forms: ["照子"], kana: "テルコ"), Name(forms: ["文子"], kana: "フミコ"),
        Name(forms: ["悦子"], kana: "エツコ"), Name(forms: ["清子"], kana: "キヨコ"), Name(forms: ["静江"], kana: "シズエ"),
        Name(forms: ["千代子"], kana: "チヨコ"), Name(forms: ["春江"], kana: "ハルエ"), Name(forms: ["光子"], kana: "ミツコ"),
        Name(forms: ["信子"], kana: "ノブコ"), Name(forms: ["昭子"], kana: "アキコ"), Name(forms: ["君子"], kana: "キミコ"),
        Name(forms: ["敏子"], kana: "トシコ"), Name(forms: ["良子"], kana: "ヨシコ"), Name(forms: ["美代子"], kana: "ミヨコ"),
        Name(forms: ["栄子"], kana: "エイコ"), Name(forms: ["澄子"], kana: "スミコ"), Name(forms: ["ハル"], kana: "ハル"),
    ]

    static let maleGiven: [Name] = [
        Name(forms: ["清"], kana: "キヨシ"), Name(forms: ["茂"], kana: "シゲル"), Name(forms: ["博"], kana: "ヒロシ"),
        Name(forms: ["勇"], kana: "イサム"), Name(forms: ["実"], kana: "ミノル"), Name(forms: ["進"], kana: "ススム"),
        Name(forms: ["正"], kana: "タダシ"), Name(forms: ["勝"], kana: "マサル"), Name(forms: ["武"], kana: "タケシ"),
        Name(forms: ["修"], kana: "オサム"), Name(forms: ["隆"], kana: "タカシ"), Name(forms: ["和夫"], kana: "カズオ"),
        Name(forms: ["正雄"], kana: "マサオ"), Name(forms: ["昭"], kana: "アキラ"), Name(forms: ["豊"], kana: "ユタカ"),
        Name(forms: ["誠"], kana: "マコト"), Name(forms: ["健一"], kana: "ケンイチ"), Name(forms: ["幸雄"], kana: "ユキオ"),
        Name(forms: ["義男"], kana: "ヨシオ"), Name(forms: ["三郎"], kana: "サブロウ"), Name(forms: ["一郎"], kana: "イチロウ"),
        Name(forms: ["秀夫"], kana: "ヒデオ"), Name(forms: ["敏夫"], kana: "トシオ"), Name(forms: ["光男"], kana: "ミツオ"),
        Name(forms: ["邦夫"], kana: "クニオ"), Name(forms: ["國男", "国男"], kana: "クニオ"),
    ]
}

extension NamePool {
    /// Rarer surnames and given names built from common parts, so that a
    /// large generated year has a realistic spread of names instead of a few
    /// hundred combinations repeated (readings are the usual ones of each part).
    static let surnameHeads: [(String, String)] = [
        ("上", "ウエ"), ("中", "ナカ"), ("下", "シモ"), ("大", "オオ"), ("小", "コ"), ("高", "タカ"), ("石", "イシ"), ("松", "マツ"),
        ("竹", "タケ"), ("杉", "スギ"), ("森", "モリ"), ("長", "ナガ"), ("北", "キタ"), ("南", "ミナミ"), ("西", "ニシ"), ("東", "ヒガシ"),
        ("岡", "オカ"), ("宮", "ミヤ"), ("福", "フク"), ("藤", "フジ"), ("吉", "ヨシ"), ("平", "ヒラ"), ("今", "イマ"), ("青", "アオ"),
        ("白", "シラ"), ("黒", "クロ"), ("荒", "アラ"), ("浅", "アサ"), ("柳", "ヤナギ"), ("桜", "サクラ"),
    ]
    static let surnameTails: [(String, String)] = [
        ("田", "タ"), ("川", "カワ"), ("山", "ヤマ"), ("野", "ノ"), ("村", "ムラ"), ("井", "イ"), ("本", "モト"), ("島", "シマ"),
        ("沢", "サワ"), ("原", "ハラ"), ("谷", "タニ"), ("木", "キ"), ("崎", "サキ"), ("部", "ベ"), ("内", "ウチ"), ("橋", "ハシ"),
        ("坂", "サカ"), ("池", "イケ"),
    ]
    static let givenHeads: [(String, String)] = [
        ("和", "カズ"), ("幸", "サチ"), ("節", "セツ"), ("弘", "ヒロ"), ("京", "キョウ"), ("洋", "ヨウ"), ("美智", "ミチ"), ("恵", "ケイ"),
        ("順", "ジュン"), ("久美", "クミ"), ("照", "テル"), ("文", "フミ"), ("悦", "エツ"), ("清", "キヨ"), ("光", "ミツ"), ("信", "ノブ"),
        ("昭", "アキ"), ("君", "キミ"), ("敏", "トシ"), ("良", "ヨシ"), ("美代", "ミヨ"), ("栄", "エイ"), ("澄", "スミ"), ("千代", "チヨ"),
        ("静", "シズ"), ("春", "ハル"), ("秋", "アキ"), ("菊", "キク"), ("正", "マサ"), ("秀", "ヒデ"),
    ]
    static let femaleTails: [(String, String)] = [("子", "コ"), ("江", "エ"), ("代", "ヨ"), ("枝", "エ"), ("美", "ミ")]
    static let maleTails: [(String, String)] = [("夫", "オ"), ("男", "オ"), ("雄", "オ"), ("治", "ジ"), ("彦", "ヒコ"), ("郎", "ロウ")]

    static func compound(_ heads: [(String, String)], _ tails: [(String, String)], _ rng: inout SplitMix64) -> Name {
        let h = rng.pick(heads), t = rng.pick(tails)
        return Name(forms: [h.0 + t.0], kana: h.1 + t.1)
    }
}
