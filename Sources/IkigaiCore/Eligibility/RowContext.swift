/// The cells of one row with the findings gathered while reading them; each
/// reader reports every problem of the row at once, so a clerk fixes a row
/// in one pass.
struct RowContext {
    let sheet: SheetHead
    let record: CSVRecord
    let memo: CellMemo
    private var recorded: [Finding] = []
    /// Columns holding a ditto mark (R222), with the mark: told in one finding for the row.
    private var dittos: [(column: Column, mark: String)] = []

    /// What the row was found to be, a ditto mark in any of its cells told once for them all.
    var findings: [Finding] {
        dittos.isEmpty ? recorded : recorded + [DittoMark.finding(file: sheet.path, row: record.row, dittos, in: sheet.header)]
    }
    /// The 氏名 cell once read: the repeated-header check and the person both need it, and
    /// names are not memoised across rows.
    private var nameCellRead: String?

    init(sheet: SheetHead, record: CSVRecord, memo: CellMemo) {
        self.sheet = sheet
        self.record = record
        self.memo = memo
    }

    mutating func add(_ column: Column?, _ code: FindingCode, _ message: String) {
        if let column {
            // What the reader of a marked cell would add (an unreadable date, an ID check not
            // done) is not news to the clerk once the mark is told.
            if !dittos.isEmpty, dittos.contains(where: { $0.column == column }) { return }
            // A mark read as a date, phone or ID check fails there: told as the mark it is. Asked
            // only when a finding is made, not of every cell (see `reportDittoMarks`).
            if let raw = sheet.header.value(column, in: record.cells), let mark = DittoMark.mark(in: raw) {
                dittos.append((column, mark))
                return
            }
        }
        recorded.append(Finding(file: sheet.path, row: record.row, column: column.map { sheet.header.shown($0) } ?? "",
                                code: code, message: message))
    }

    /// Columns whose reader takes any text: a mark there reads as a value (a group called 〃), so
    /// it is looked for in every row. Marks elsewhere fail their reader and are caught in `add`.
    private static let freeText: [Column] = [.group, .event, .name, .kana]

    /// Notes each free-text cell of the row that holds a ditto mark (`〃`, `同上`).
    mutating func reportDittoMarks() {
        for column in RowContext.freeText {
            guard let raw = sheet.header.value(column, in: record.cells), let mark = DittoMark.mark(in: raw) else { continue }
            dittos.append((column, mark))
        }
    }

    /// `Text.cell` of the column's cell, through the memo: names, addresses and
    /// phones recur in every month's sheet.
    func cell(_ c: Column) -> String { memo.cell(sheet.header.value(c, in: record.cells) ?? "", c) }

    /// `cell(.name)`, read once per row.
    mutating func nameCell() -> String {
        if let v = nameCellRead { return v }
        let v = cell(.name)
        nameCellRead = v
        return v
    }

    /// The cell, or nil after reporting that it is empty.
    mutating func required(_ c: Column) -> String? {
        let v = c == .name ? nameCell() : cell(c)
        if v.isEmpty {
            add(c, .missingValue, "「\(c.japanese)」が空です。" + (RowContext.oftenMerged.contains(c)
                ? "上の行と同じなら、この行にも入れてください（Excel で結合したセルは、CSV では最初の行にしか値が残りません）。"
                : "入力してください。"))
            return nil
        }
        return v
    }

    /// Columns a sheet often merges over the rows below (one group's members, one day's
    /// visits): a CSV keeps the value in the first row only. Not filled down, since a value
    /// simply forgotten would then take the one above; the message says how to fix it.
    static let oftenMerged: Set<Column> = [.group, .date, .program, .event, .appliedOn, .classID]

    var dateColumn: Column { sheet.kind == .applications ? .appliedOn : .date }
    var ageColumn: Column { sheet.header.index[.birthDate] != nil && !cell(.birthDate).isEmpty ? .birthDate : .age }

    mutating func date(_ c: Column) -> CivilDate? {
        guard let v = required(c) else { return nil }
        return parseDate(v, column: c, what: c.japanese)
    }

    private mutating func parseDate(_ v: String, column c: Column, what: String) -> CivilDate? {
        switch memo.date(v, c) {
        case .success(let d): return d
        case .failure(let p):
            let code: FindingCode
            switch p {
            case .noSuchDay: code = .noSuchDay
            case .outsideEra, .lunisolar: code = .dateOutsideEra
            case .weekdayMismatch: code = .weekdayMismatch
            case .unreadable, .ambiguousYear, .yearLast, .excelSerial, .noYear, .dayOnly: code = .badDate
            }
            add(c, code, c == .birthDate && p == .unreadable ? RowContext.birthDateAdvice(v) ?? p.advice(what) : p.advice(what))
            return nil
        }
    }

    /// What an unreadable 生年月日 cell seems to hold instead of a birth date: an age, or a
    /// birth date without its day. Not quoted: no part of a birth date goes into any output.
    static func birthDateAdvice(_ v: String) -> String? {
        if CellMemo.readAge(v) != nil {
            return "「生年月日」に年齢が書かれているようです。年齢なら、この列の見出しを「年齢」にしてください（列のほかの行も年齢のとき）。"
                + "生年月日なら 昭和23年5月10日 のように年・月・日を書いてください。"
        }
        var bare = Text.removingWhitespace(v)
        for suffix in ["生まれ", "生"] where bare.hasSuffix(suffix) { bare.removeLast(suffix.count) }
        let yearAndMonth = ["1日", ".1", "/1", "-1"].contains { day in
            if case .success = DateParser.parse(bare + day) { return true }
            return false
        }
        if yearAndMonth || CellMemo.isBirthYear(writtenAsAge: v) {
            return "「生年月日」が日まで書かれていません。昭和23年5月10日 のように年・月・日を書いてください。"
        }
        return nil
    }

    /// Name, reading and phone of the person the row is about.
    mutating func person() -> PersonFields? {
        var name = required(.name)
        var kana = cell(.kana)
        if let written = name, let split = NameFolding.splittingReading(written) {
            name = split.name
            if kana.isEmpty { kana = split.reading }
        }
        if let written = name {
            let (bare, note) = NameNotes.split(written)
            // 山田 太郎（他1名）: the companion is in the note.
            if let marker = SeveralPeople.marker(in: bare) ?? note.flatMap({ SeveralPeople.marker(in: bare + " " + $0) }) {
                add(.name, .severalPeople, "「氏名」に2人以上の名前があるようです（「\(marker)」）。1行に1人ずつ、行を分けて書いてください（電話番号などほかの列もそれぞれの行に）。"
                    + "1人の名前なら、名前以外の文字を消してください。")
                name = nil
            } else {
                name = bare
            }
        }
        var phone: PhoneNumber?
        if let p = required(.phone) {
            switch PhoneNumber.parse(p) {
            case .success(let n): phone = n
            case .failure where PhoneNumber.lostItsLeadingZero(p):
                add(.phone, .badPhone, "電話番号の先頭の 0 がありません（Excel で数値として保存すると消えます）。"
                    + "この列の表示形式を「文字列」にしてから 03-1234-5678 の形で入力し直してください。")
            case .failure where PhoneNumber.isExcelNumber(p):
                add(.phone, .badPhone, "電話番号が Excel で数値（3.11E+08 のような形）に変わっています。"
                    + "この列の表示形式を「文字列」にしてから 03-1234-5678 の形で入力し直してください。")
            case .failure where PhoneNumber.saysNone(p):
                add(.phone, .badPhone, "電話番号が「ない」と書かれています。氏名と電話番号で同じ人を見分けるため、電話番号のない行は数えられません。"
                    + "本人に番号を確かめて 03-1234-5678 の形で書いてください。")
            case .failure where PhoneNumber.holdsSeveral(p):
                add(.phone, .badPhone, "電話番号が2つ以上書かれています。1つにしてください（同じ人の記録には、いつも同じ番号を書きます）。")
            case .failure(.wrongLength(let n)):
                add(.phone, .badPhone, "電話番号の数字が\(n)桁です。市外局番から10桁か11桁で書いてください（例: 03-1234-5678）。")
            case .failure(.unexpectedCharacters):
                add(.phone, .badPhone, "電話番号に数字・ハイフン・かっこ以外の文字があります。03-1234-5678 の形で書いてください。")
            case .failure(.noLeadingZero):
                add(.phone, .badPhone, "電話番号は 0 で始まる市外局番から書いてください（例: 03-1234-5678）。")
            }
        }
        guard let name, let phone else { return nil }
        return PersonFields(name: name, kana: kana.isEmpty ? nil : kana, phone: phone)
    }

    /// The age on `date`: from 生年月日 by the legal rule when given (the birth
    /// date is not kept), else from 年齢; both given must agree.
    mutating func age(on date: CivilDate?) -> Int? {
        let ageText = cell(.age)
        let birthText = cell(.birthDate)
        if ageText.isEmpty && birthText.isEmpty {
            let has = sheet.header.index[.birthDate] != nil ? Column.birthDate : Column.age
            add(has, .missingValue, "「年齢」か「生年月日」のどちらかを入力してください。")
            return nil
        }
        var stated: Int?
        if !ageText.isEmpty {
            if let n = memo.statedAge(ageText) { stated = n } else {
                // 150 or -5 is a number, but telling its writer to "write a whole number" reads as nonsense;
                // 1948 or 昭和23年 is the year of birth, typed into the wrong column.
                // (The year is not quoted: no part of a birth date goes into any output.)
                if CellMemo.isBirthYear(writtenAsAge: ageText) {
                    add(.age, .badAge, "「年齢」に生まれた年（1948 や 昭和23年 の形）が書かれているようです。その日の年齢を 72 のような整数で書いてください。")
                } else if case .success = DateParser.parse(ageText) {
                    add(.age, .badAge, "「年齢」に日付が書かれています。生年月日なら、この列の見出しを「生年月日」にしてください（列のほかの行も生年月日のとき）。"
                        + "年齢なら 72 のような整数で書いてください。")
                } else if CellMemo.isApproximateAge(ageText) {
                    add(.age, .badAge, "「年齢」がおおよそ（70代・約70 など）で書かれています。年齢は年代別の集計と対象かどうかの判断に使うため、"
                        + "本人確認書類で確かめたその日の年齢を 72 のような整数で書いてください。")
                } else {
                    add(.age, .badAge, CellMemo.writtenNumber(ofAge: ageText) == nil
                        ? "「年齢」は 72 のような整数で書いてください。"
                        : "「年齢」が 0〜130 の範囲にありません。打ち間違いでないか確かめて直してください。")
                }
                return nil
            }
        }
        guard !birthText.isEmpty else { return stated }
        guard let birth = parseDate(birthText, column: .birthDate, what: "生年月日") else { return nil }
        guard let date else { return nil }
        guard let computed = birth.legalAge(on: date), computed <= 130 else {
            add(.birthDate, .birthAfterDate, "「生年月日」が来館・申込の日付より後か、あり得ない年です。生年月日を確認してください。")
            return nil
        }
        if let s = stated, s != computed {
            // One year apart: mostly an age copied from an earlier record or the registration
            // card, which the birthday has since overtaken. The birth date needs no updating.
            let stale = abs(s - computed) == 1 ? "1歳違いなら、年齢を前の記録から写した可能性があります。その場合は「年齢」を空にしてください（生年月日からその日の年齢を計算します）。" : ""
            add(.age, .ageBirthMismatch, "「年齢」と「生年月日」から計算した年齢が合いません。どちらかを直してください。" + stale)
            return nil
        }
        return computed
    }
}
