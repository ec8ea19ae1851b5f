/// Checks the rows of the people sheets (groups, visits, applications)
/// against the values and eligibility rules of the intake contract.
/// A class, not a struct: each record handed to the check copied the whole checker (its
/// settings, tables and parser, a retain for each) where the reading closure captured it.
public final class RowChecker: Sendable {
    public let settings: Settings
    let addresses: AddressParser
    /// Class key → series.
    let classes: [String: ClassSeries]
    /// The series in classes.csv order, and class key → place there: what the memo of each
    /// worker keeps for a 行事 or 講座ID cell (`classNamed`).
    private let classList: [ClassSeries]
    private let classIndex: [String: Int]
    /// For each town of the ward (by its bytes, as the address parser returns it), the area's
    /// entries for that town. `Settings.isInArea` compares every area town with `==`, whose
    /// Unicode-aware comparison of Japanese text showed on every row at 100×.
    let areaByTown: [TextKey: [Settings.AreaTown]]
    /// What became of classes.csv, for the message of a class ID no class has.
    let classesSheet: ClassesSheetState

    /// The longest cell a person sheet may hold (bytes of UTF-8).
    static let maxCellBytes = 2_000

    public init(settings: Settings, classes: [ClassSeries], classesSheet: ClassesSheetState = .read(unread: [:])) {
        self.settings = settings
        self.classesSheet = classesSheet
        self.addresses = settings.addressParser
        var byKey: [String: ClassSeries] = [:]
        var index: [String: Int] = [:]
        for (i, c) in classes.enumerated() where byKey[ClassSeries.key(c.id)] == nil {
            byKey[ClassSeries.key(c.id)] = c
            index[ClassSeries.key(c.id)] = i
        }
        self.classes = byKey
        self.classList = classes
        self.classIndex = index
        var area: [TextKey: [Settings.AreaTown]] = [:]
        for t in settings.wardTowns { area[TextKey(t)] = settings.area.towns.filter { $0.town == t } }
        self.areaByTown = area
    }

    /// `Settings.isInArea`, by table for the towns the address parser returns.
    func isInArea(town: String?, chome: Int?) -> Bool {
        guard let town else { return false }
        if let entries = areaByTown[TextKey(town)] { return entries.contains { $0.chome == nil || $0.chome == chome } }
        return settings.isInArea(town: town, chome: chome)
    }

    public func check(_ record: CSVRecord, in sheet: Sheet) -> CheckedRow {
        check(record, in: sheet.head, memo: CellMemo())
    }

    /// `memo`: one per worker, so that values repeated down the sheets are parsed once.
    func check(_ record: CSVRecord, in sheet: SheetHead, memo: CellMemo) -> CheckedRow {
        var ctx = RowContext(sheet: sheet, record: record, memo: memo)
        let source = SourceRow(file: sheet.path, row: record.row)
        if isRepeatedHeader(record, sheet, &ctx) {
            ctx.add(nil, .repeatedHeader, "見出しと同じ内容の行です。ファイルを連結したときに紛れ込んだ見出し行なら削除してください。")
            return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings)
        }
        // No value of these sheets is longer than a line; a huge cell is a broken row, never a name.
        for (column, i) in sheet.header.index where i < record.cells.count && record.cells[i].utf8.count > RowChecker.maxCellBytes {
            ctx.add(column, .cellTooLong, "セルが長すぎます（\(record.cells[i].utf8.count / 1024) KB）。改行や引用符のずれで複数の行が1つのセルに入っていないか確認してください。")
        }
        if !ctx.findings.isEmpty { return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings) }
        if let word = RowChecker.totalWord(ctx.nameCell()) {
            ctx.add(.name, .notARecord, "氏名が「\(word)」で、記録の行ではないようです（合計・小計などの行）。この行を消してください。")
            return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings)
        }
        ctx.reportDittoMarks()
        if isNote(&ctx, sheet) {
            let person = sheet.kind == .groups ? "氏名・電話番号" : "氏名・電話番号・住所"
            ctx.add(nil, .notARecord, "\(person)が空で、記録の行ではないようです（合計・メモ・「以下余白」などの行）。記録でなければこの行を消してください。記録なら\(person)を入れてください。")
            return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings)
        }
        if record.cells.count > sheet.header.width,
           record.cells[sheet.header.width...].contains(where: { !Text.isBlank($0) }) {
            ctx.add(nil, .extraCells, "見出しのない列（\(sheet.header.width + 1)列目より右）に値があります。列がずれていないか確認し、余分なセルを消してください。")
        }
        switch sheet.kind {
        case .groups: return checkMember(&ctx, source)
        case .visits: return checkVisit(&ctx, source)
        case .applications: return checkApplication(&ctx, source)
        case .classes, .decisions:
            return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings)
        }
    }

    /// A row with no person in it among the records: a total (`合計,,,,,,,2名`), a memo
    /// (`※本人確認は保険証で行った`), `以下余白`. Checked as a record it gave eight findings for
    /// cells the clerk never meant to fill, with advice about merged cells; it is one finding.
    /// A row with a date is a record whose person was left out, and each empty cell is named.
    private func isNote(_ ctx: inout RowContext, _ sheet: SheetHead) -> Bool {
        guard ctx.nameCell().isEmpty, ctx.cell(.phone).isEmpty else { return false }
        switch sheet.kind {
        case .groups: return true
        case .visits, .applications:
            guard ctx.cell(.address).isEmpty else { return false }
            let date = ctx.cell(ctx.dateColumn)
            if case .success = DateParser.parse(date) { return false }
            return true
        case .classes, .decisions: return false
        }
    }

    /// Words a clerk writes in the 氏名 column of a totals or end-of-list line (`,,,計,218名`).
    /// No one is called 合計; checked as a person, the line gave six findings about its empty cells.
    static let totalWords = ["計", "合計", "小計", "総計", "累計", "以下余白", "以下空白", "以上"]

    /// The totals word a name cell holds, white space ignored; nil for any other name.
    static func totalWord(_ name: String) -> String? {
        // Nearly every name fails on its first character, checked before any word is compared.
        guard let first = name.unicodeScalars.first(where: { !Text.isSpace($0) }) else { return nil }
        switch first {
        case "計", "合", "小", "総", "累", "以": return totalWords.first { isWord(name, $0) }
        default: return nil
        }
    }

    private func isRepeatedHeader(_ record: CSVRecord, _ sheet: SheetHead, _ ctx: inout RowContext) -> Bool {
        guard let nameIndex = sheet.header.index[.name], nameIndex < record.cells.count else { return false }
        // Compared without building the folded string (it showed in the profile): the header
        // row's 氏名 or "name", white space anywhere ignored, the ASCII letters in any case.
        let v = ctx.nameCell()
        return RowChecker.isWord(v, Column.name.japanese) || RowChecker.isWord(v, Column.name.english)
    }

    /// Whether `text` without its white space is `word`, ASCII letters compared without case.
    static func isWord(_ text: String, _ word: String) -> Bool {
        // Asked of every row's name: most differ from the word in their first byte, told at once
        // unless that byte can start white space (≤ 0x20, or the lead byte of U+0085, U+00A0,
        // U+1680, U+2000–205F, U+3000 or U+FEFF), which the walk below skips.
        if let t = text.utf8.first, let w = word.utf8.first, t > 0x20, t != 0xC2, t != 0xE1, t != 0xE2, t != 0xE3, t != 0xEF,
           t | 0x20 != w | 0x20 {
            return false
        }
        var expected = word.unicodeScalars.makeIterator()
        for u in text.unicodeScalars where !Text.isSpace(u) {
            guard let e = expected.next() else { return false }
            if u != e {
                guard u.isASCII, e.isASCII, UInt8(u.value) | 0x20 == UInt8(e.value) | 0x20,
                      (0x61...0x7A).contains(UInt8(e.value) | 0x20) else { return false }
            }
        }
        return expected.next() == nil
    }

    private func checkMember(_ ctx: inout RowContext, _ source: SourceRow) -> CheckedRow {
        let group = ctx.required(.group)
        let person = ctx.person()
        guard ctx.findings.isEmpty, let group, let person else {
            return CheckedRow(source: source, date: nil, record: nil, findings: ctx.findings)
        }
        return CheckedRow(source: source, date: nil,
                          record: .member(GroupMember(source: source, group: group, person: person)), findings: [])
    }

    private func checkVisit(_ ctx: inout RowContext, _ source: SourceRow) -> CheckedRow {
        let date = ctx.date(.date)
        var program: Program?
        if let p = ctx.required(.program) {
            program = ctx.memo.program(p)
            if program == nil {
                ctx.add(.program, .unknownProgram, "「事業」は 交流 か 介護予防 にしてください。")
            }
        }
        var event = ctx.required(.event)
        if program == .prevention, let e = event {
            if let c = classNamed(e, ctx.memo) {
                event = c.id
            } else {
                ctx.add(.event, .unknownClass, unknownClassMessage(e, column: Column.event.japanese))
            }
        } else if program == .exchange, let e = event, let c = classNamed(e, ctx.memo) {
            // A class visit with the wrong 事業 picked: counted as an exchange event, it left the
            // class's attendance and the prevention figures short, without a word.
            ctx.add(.program, .exchangeNamedLikeClass,
                    "「事業」が交流ですが、「行事」が介護予防の講座ID（\(c.id) \(c.title)）です。講座の来館なら「事業」を「介護予防」に直してください。"
                        + "交流の行事なら、講座IDと違う名前にしてください。確認できるまで保留にしました。")
        }
        let person = ctx.person()
        let resident = resident(&ctx, on: date)
        guard ctx.findings.isEmpty, let date, let program, let event, let person, let resident else {
            return CheckedRow(source: source, date: date, record: nil, findings: ctx.findings)
        }
        return CheckedRow(source: source, date: date, record: .visit(Visit(
            source: source, date: date, program: program, event: event, person: person,
            age: resident.age, residence: resident.residence)), findings: [])
    }

    private func checkApplication(_ ctx: inout RowContext, _ source: SourceRow) -> CheckedRow {
        let date = ctx.date(.appliedOn)
        var classID = ctx.required(.classID)
        if let id = classID {
            if let c = classNamed(id, ctx.memo) {
                classID = c.id
                if c.kind != .lottery {
                    ctx.add(.classID, .notLotteryClass, "講座「\(c.id)」は抽選ではない（自由参加の）講座なので申込は不要です。申込先の講座IDを確認してください。")
                }
            } else {
                ctx.add(.classID, .unknownClass, unknownClassMessage(id, column: Column.classID.japanese))
            }
        }
        let person = ctx.person()
        let resident = resident(&ctx, on: date)
        guard ctx.findings.isEmpty, let date, let classID, let person, let resident else {
            return CheckedRow(source: source, date: date, record: nil, findings: ctx.findings, classHint: classID)
        }
        return CheckedRow(source: source, date: date, record: .application(Application(
            source: source, appliedOn: date, classID: classID, person: person,
            age: resident.age, residence: resident.residence)), findings: [], classHint: classID)
    }

    /// The class a 行事 or 講座ID cell names, through the worker's memo: every visit row asks
    /// (an exchange event too, for H403), and folding and hashing the cell each time cost
    /// some 6,000 instructions a row; a sheet holds a few dozen events.
    private func classNamed(_ text: String, _ memo: CellMemo) -> ClassSeries? {
        let i = memo.classIndexes.value(text) { classIndex[ClassSeries.key($0)] ?? -1 }
        return i >= 0 ? classList[i] : nil
    }

    private var exampleClassID: String { classes.values.map(\.id).min() ?? "K01" }

    /// The class a clerk meant by writing its title, or its ID and title, where only the ID
    /// belongs (`いきいき体操`, `K01 いきいき体操`): named in the message, never guessed into
    /// the row, since the contract keys a visit by the ID alone. Only on the failure path.
    func classMeant(by text: String) -> ClassSeries? {
        let k = ClassSeries.key(text)
        return classes.values.sorted { $0.id < $1.id }.first { c in
            let title = ClassSeries.key(c.title)
            return !title.isEmpty && (k == title || (k.contains(ClassSeries.key(c.id)) && k.contains(title)))
        }
    }

    /// The classes a clerk listed in one cell (`K02・K04`, `K02,K04`) when a person applied
    /// to or attended more than one: two or more IDs of classes.csv and nothing else. Only on
    /// the failure path.
    func classesListed(in text: String) -> [ClassSeries] {
        let parts = Text.nfkc(text).split { !($0.isLetter && $0.isASCII) && !$0.isASCIIDigit }
        let found = parts.compactMap { classes[ClassSeries.key(String($0))] }
        return found.count >= 2 && found.count == parts.count ? found : []
    }

    /// The one class whose ID a clerk wrote with a zero dropped, a hyphen added or a note after it
    /// (`K2`, `K-02`, `K02（脳トレ）` for K02): compared on ASCII letters and digits, each run of
    /// digits without its leading zeros. Named in the message, never put in the row. Only on the
    /// failure path.
    func classLike(_ text: String) -> ClassSeries? {
        func skeleton(_ s: String) -> String {
            var out = "", digits = ""
            func flush() {
                let trimmed = digits.drop { $0 == "0" }
                out += trimmed.isEmpty && !digits.isEmpty ? "0" : String(trimmed)
                digits = ""
            }
            for c in ClassSeries.key(s) where c.isASCII && (c.isLetter || c.isNumber) {
                if c.isNumber { digits.append(c) } else { flush(); out.append(c) }
            }
            flush()
            return out
        }
        let k = skeleton(text)
        guard !k.isEmpty else { return nil }
        let like = classes.values.filter { skeleton($0.id) == k }
        return like.count == 1 ? like.first : nil
    }

    private func unknownClassMessage(_ text: String, column: String) -> String {
        switch classesSheet {
        case .missing:
            return "Input に classes.csv がないため、講座IDを確かめられません。classes.csv を置いてから実行し直してください。"
        case .refused(let path):
            return "\(path) を読み込めなかったため、講座IDを確かめられません。先に \(path) の誤り（入力チェック結果の \(path) の行）を直してください。"
        case .read(let unread):
            if let u = unread[ClassSeries.key(text)] {
                return "講座「\(u.id)」は classes.csv の \(u.row)行目にありますが、その行に誤りがあるため講座として読めていません。"
                    + "classes.csv の \(u.row)行目（入力チェック結果にあります）を直すと、この行も受け付けられます。"
            }
        }
        let listed = classesListed(in: text)
        if !listed.isEmpty {
            let ids = listed.map(\.id).joined(separator: "・")
            return "「\(column)」に講座IDが\(listed.count)つあります（\(ids)）。1行に講座ID 1つです。\(ids) のそれぞれに行を分けてください（ほかの列は同じ内容で）。"
        }
        if let c = classMeant(by: text) {
            return "「\(column)」には講座ID（\(c.id)）だけを書いてください。講座名が入っているため classes.csv の講座IDと一致しません（講座「\(c.id) \(c.title)」のことなら \(c.id) と書きます）。"
        }
        if let c = classLike(text) {
            return "「\(column)」の講座IDが classes.csv の書き方と違います。講座「\(c.id) \(c.title)」のことなら、\(c.id) と classes.csv と同じ形で書いてください。"
        }
        return column == Column.event.japanese
            ? "介護予防の「行事」には classes.csv の講座ID（例: \(exampleClassID)）を書いてください。この講座IDは classes.csv にありません。"
            : "講座IDが classes.csv にありません。申込先の講座ID（例: \(exampleClassID)）を確認してください。"
    }

    static func program(_ text: String) -> Program? {
        switch Text.removingWhitespace(text).lowercased() {
        case "交流", "地域交流", "地域交流支援", "交流事業", "地域交流事業", "exchange": return .exchange
        case "介護予防", "介護予防教室", "介護予防講座", "介護予防事業", "prevention": return .prevention
        default: return nil
        }
    }

    /// Age, address and ID checks of programs (2) and (3), on the row's date.
    private func resident(_ ctx: inout RowContext, on date: CivilDate?) -> (age: Int, residence: Residence)? {
        if let d = date, !settings.inFiscalYear(d) {
            ctx.add(ctx.dateColumn, .outsideFiscalYear,
                    "日付が\(settings.fiscalYear)年度（\(settings.fiscalYearStart.iso)〜\(settings.fiscalYearEnd.iso)）の外です。日付を確認してください。")
        }
        let age = ctx.age(on: date)
        if let a = age, a < settings.minAge {
            ctx.add(ctx.ageColumn, .underAge, "この日の年齢が\(settings.minAge)歳未満のため対象外です。年齢・生年月日の誤りなら直してください。")
        }
        var residence: Residence?
        if let written = ctx.required(.address) {
            let (address, house) = addresses.parseWithHouse(written)
            switch address {
            case .inWard(let town, let chome):
                residence = Residence(written: written, town: town, chome: chome, house: house,
                                      inArea: isInArea(town: town, chome: chome))
            case .elsewhere:
                ctx.add(.address, .outsideWard, "\(settings.wardName)外の住所のため対象外です。住所の書き間違いなら直してください。")
            case .unrecognised:
                ctx.add(.address, .addressUnrecognised,
                        "住所が\(settings.wardName)内かどうか判断できないため保留にしました。「\(settings.prefecture)\(settings.wardName)」または町名（\(settings.wardTowns.prefix(3).joined(separator: "・"))など）から書いてください。")
            }
        }
        // An empty 本人確認 cell means the ID was not checked, not a missing value.
        let idCell = ctx.cell(.idChecked)
        if !ctx.memo.idChecked(idCell) {
            let message: String
            if IDCheck.saysUnchecked(idCell) {
                message = "本人確認が済んでいないため対象外です。確認済みなら「済」か「○」を入れてください。"
            } else if let mark = IDCheck.markBeforeNote(idCell) {
                message = "「本人確認」に「\(mark)」のほかにメモ（確認した書類など）が書かれているため、確認していないものとして対象外にしました。"
                    + "確認済みなら「\(mark)」だけにしてください（確認した書類の名前は記録しません）。"
            } else {
                message = "「本人確認」の書き方が読めないため、確認していないものとして対象外にしました。確認済みなら「済」か「○」を入れてください"
                    + "（済・○・✓・有・yes・1 のどれかで読みます。確認した書類の名前は書かなくてかまいません）。"
            }
            ctx.add(.idChecked, .idNotChecked, message)
        }
        guard let age, let residence else { return nil }
        return (age, residence)
    }
}
