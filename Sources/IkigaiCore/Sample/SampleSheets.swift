/// The files of a sample being built, each encoded as the office saves it.
struct SampleSheets {
    let fiscalYear: Int
    private(set) var files: [(path: String, bytes: [UInt8])] = []
    var rows = 0
    /// `file,row,person` of every data row written.
    var truth: [String] = []

    enum Encoding { case utf8, utf8BOM, cp932 }

    /// Seeds the choice between a person's two phones (`SamplePerson.phone(on:seed:)`).
    let phoneSeed: UInt64

    init(fiscalYear: Int, phoneSeed: UInt64 = 0) {
        self.fiscalYear = fiscalYear
        self.phoneSeed = phoneSeed
    }

    mutating func add(_ path: String, text: String, encoding: Encoding) {
        switch encoding {
        case .utf8: files.append((path, Array(text.utf8)))
        case .utf8BOM: files.append((path, [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        case .cp932: files.append((path, CP932.fromUTF8(text) ?? Array(text.utf8)))
        }
    }

    /// Builds CSV text: quoted where needed, CRLF for Excel-saved sheets.
    static func csv(_ rows: [[String]], crlf: Bool) -> String {
        let eol = crlf ? "\r\n" : "\n"
        return rows.map { r in
            r.map { c in
                c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
            }.joined(separator: ",")
        }.joined(separator: eol) + eol
    }

    mutating func addClasses(_ classes: [ClassSeries]) {
        var rows = [["講座ID", "講座名", "区分", "定員", "曜日", "週", "開始", "終了", "会場", "期間開始", "期間終了", "祝日", "申込締切"]]
        for c in classes {
            rows.append([c.id, c.title, c.kind.rawValue, String(c.capacity), CivilDate.weekdayKanji[c.weekday],
                         c.weeks.isEmpty ? "毎週" : c.weeks.map(String.init).joined(separator: ","),
                         c.start.description, c.end.description, c.room, c.from.iso, c.until.iso, c.onHoliday.rawValue,
                         c.deadline?.iso ?? ""])
        }
        add("classes.csv", text: SampleSheets.csv(rows, crlf: true), encoding: .utf8BOM)
    }

    static let groupNames = [
        "大久保囲碁クラブ", "百人町将棋の会", "北新宿俳句会", "いきいき書道", "民謡を楽しむ会", "ちぎり絵サークル", "太極拳なかま",
        "大久保コーラス", "手芸の会", "詩吟愛好会", "健康ウォーキング", "園芸クラブ", "川柳の会", "水墨画教室", "社交ダンス同好会",
        "百人町カラオケ", "折り紙の会", "絵手紙サークル", "麻雀クラブ", "写真同好会", "ハーモニカの会", "茶話会", "短歌の会",
        "編み物サークル", "フォークダンス", "北新宿体操会", "朗読の会", "パソコン勉強会", "郷土史研究会", "ボッチャ同好会",
    ]

    mutating func addGroups(_ people: [SamplePerson], rng: inout SplitMix64, scale: Double) {
        let members = people.filter(\.inGroup)
        let groupCount = max(3, Int((30 * scale).rounded()))
        // The ward sends its lists in three batches, one of them from an old PC in Shift_JIS.
        let batches: [(String, Encoding, Bool)] = [("groups/\(fiscalYear)-04-文化系.csv", .cp932, true),
                                                   ("groups/\(fiscalYear)-04-運動系.csv", .utf8BOM, true),
                                                   ("groups/\(fiscalYear)-10-追加.csv", .utf8, false)]
        var sheets: [[[String]]] = [[["グループ名", "氏名", "電話番号", "フリガナ"]],
                                    [["No.", "グループ名", "氏名", "電話番号"]],
                                    [["group", "name", "phone"]]]
        for (i, p) in members.enumerated() {
            let g = i % groupCount
            let sheet = g % 3
            let gname = SampleSheets.groupNames[g % SampleSheets.groupNames.count] + (g >= 30 ? "\(g / 30 + 1)" : "")
            var style = SampleStyle(rng: SplitMix64(seed: rng.next()), cp932: batches[sheet].1 == .cp932)
            var phone = style.phone(p.phone)
            if rng.chance(0.01) { phone = String(phone.dropLast()) }  // a digit lost when copying
            truth.append("\(batches[sheet].0),\(sheets[sheet].count + 1),\(p.id)")
            switch sheet {
            case 0: sheets[0].append([gname, style.name(p), phone, style.kana(p)])
            case 1: sheets[1].append([String(sheets[1].count), gname, style.name(p), phone])
            default: sheets[2].append([gname, style.name(p), phone])
            }
        }
        for (i, (path, enc, crlf)) in batches.enumerated() {
            rows += sheets[i].count - 1
            add(path, text: SampleSheets.csv(sheets[i], crlf: crlf), encoding: enc)
        }
    }
}
