/// Where each allowed column stands in one sheet, read from its header row.
public struct HeaderMap: Sendable {
    public let kind: SheetKind
    /// Column → index in the record.
    public let index: [Column: Int]
    /// Column → the header text as the sheet writes it (for messages).
    public let header: [Column: String]
    /// Indexes of row-number columns (`No.`, `番号`), which are ignored.
    public let ignored: Set<Int>
    /// Columns without a header inside the header row (an empty column a clerk
    /// inserted): allowed while every cell of them is empty.
    public let unnamed: [Int]
    public let width: Int
    /// Column ordinal → index in the record, or -1: `index` as an array, for the
    /// per-cell look-ups of intake.
    private let positions: [Int]
    /// The sheet's columns in `Column` order, for a walk over a row's cells.
    public let columns: [Column]

    init(kind: SheetKind, index: [Column: Int], header: [Column: String], ignored: Set<Int>, unnamed: [Int], width: Int) {
        self.kind = kind
        self.index = index
        self.header = header
        self.ignored = ignored
        self.unnamed = unnamed
        self.width = width
        var positions = Array(repeating: -1, count: Column.allCases.count)
        for (c, i) in index { positions[c.ordinal] = i }
        self.positions = positions
        self.columns = Column.allCases.filter { positions[$0.ordinal] >= 0 }
    }

    /// Headers of row-number columns, after folding.
    static let rowNumberHeaders: Set<String> = ["no", "no.", "番号", "連番", "#"]

    /// A header problem that refuses the sheet.
    public struct Problem: Error, Sendable {
        public let code: FindingCode
        public let column: String
        public let message: String
    }

    public static func read(_ cells: [String], kind: SheetKind, extraProhibited: [String]) -> Result<HeaderMap, Problem> {
        let lookup = HeaderMap.lookup(kind)
        // A header row thousands of cells wide is not a sheet of this contract; say so without
        // folding every cell.
        if cells.count > 5_000 {
            return .failure(Problem(code: .unknownColumn, column: "\(cells.count) 列",
                                    message: "1行目に \(cells.count) 個のセルがあります（多すぎます）。このシートは読み込みませんでした。使える見出しは \(kind.allowed.map(\.both).joined(separator: "、")) です。"))
        }
        var index: [Column: Int] = [:]
        var header: [Column: String] = [:]
        var ignored: Set<Int> = []
        var unknown: [String] = []
        /// Where each unknown header stands, for naming it by its place when it may not be quoted.
        var unknownAt: [Int] = []
        var unnamed: [Int] = []
        var width = cells.count
        // Excel leaves trailing empty header cells when a column was cleared.
        while width > 0, Text.isBlank(cells[width - 1]) { width -= 1 }
        for (i, raw) in cells.prefix(width).enumerated() {
            let shown = Text.trimmed(raw.replacingOccurrences(of: "\u{FEFF}", with: ""))
            let folded = ProhibitedCategories.foldHeader(raw)
            if let word = ProhibitedCategories.match(header: raw, extra: extraProhibited) {
                let quoted = quotable(shown, extraProhibited: extraProhibited)
                return .failure(Problem(
                    code: .prohibitedColumn, column: quoted ? shown : "（\(i + 1)列目）",
                    message: "\(quoted ? "列「\(shown)」" : "\(i + 1)列目")は収集が禁止された項目（\(word)）です（契約の特記事項5）。このシートは読み込みませんでした。"
                        + "列ごと削除して保存し直してください。すでに書き込まれた内容は元のファイルからも消去してください。"))
            }
            if rowNumberHeaders.contains(folded) { ignored.insert(i); continue }
            if folded.isEmpty { unnamed.append(i); continue }
            guard let col = lookup[folded] else {
                unknown.append(shown)
                unknownAt.append(i)
                continue
            }
            if index[col] != nil {
                return .failure(Problem(
                    code: .duplicateColumn, column: shown,
                    message: "列「\(col.japanese)」が2つあります。どちらか一方を削除してください。"))
            }
            index[col] = i
            header[col] = shown
        }
        let allowedList = kind.allowed.map(\.both).joined(separator: "、")
        if !unknown.isEmpty && index.isEmpty {
            // Excel's "テキスト (タブ区切り)" saved under a .csv name, or a CSV of a European
            // locale: the headers are there, in one cell. Said so, since the fix is how to save.
            for (separator, name) in [("\t", "タブ"), (";", "セミコロン（;）")] {
                let known = cells.prefix(width).flatMap { $0.components(separatedBy: separator) }
                    .filter { lookup[ProhibitedCategories.foldHeader($0)] != nil }
                guard known.count >= 2 else { continue }
                return .failure(Problem(
                    code: .unknownColumn, column: "（1行目）",
                    message: "1行目の見出しがコンマではなく\(name)で区切られています（CSV ではない形式で保存されたファイル）。"
                        + "このシートは読み込みませんでした。Excel で開き、ファイルの種類を「CSV UTF-8 (コンマ区切り)」"
                        + "または「CSV (コンマ区切り)」にして保存し直してください。"))
            }
            // Headers, but each written the way clerks often do (お名前, TEL, サークル名): say which
            // header each one means. Only words of the near-miss list are quoted, never other cells.
            let meant = unknown.filter { HeaderMap.nearMisses[ProhibitedCategories.foldHeader($0)] != nil }
            if meant.count >= 2 {
                return .failure(Problem(
                    code: .unknownColumn, column: meant.prefix(10).joined(separator: "、"),
                    message: "1行目の見出しが決められた名前ではないため、このシートは読み込みませんでした（必要な項目だけを集めるため、見出しの名前は決まっています）。"
                        + HeaderMap.hints(meant, kind: kind, present: index, extraProhibited: extraProhibited) + "使える見出しは \(allowedList) です。"))
            }
            // Not one header of the contract: a title row above the headers, or data from row 1.
            // Listing every cell as an unknown column would send the clerk after the wrong thing,
            // and, when row 1 is data, print a person's name and phone on the terminal.
            return .failure(Problem(
                code: .unknownColumn, column: "（1行目）",
                message: "1行目に決められた見出しが1つもないため、このシートは読み込みませんでした。"
                    + "表のタイトルや空の行が見出しの上にあれば削除し、見出し（\(allowedList)）を1行目にしてください。"))
        }
        if !unknown.isEmpty, let other = HeaderMap.kindOfHeaders(cells.prefix(width), besides: kind) {
            // A sheet saved in the wrong folder: "delete the columns" would have the clerk
            // destroy a good sheet. Where it belongs is what to say.
            return .failure(Problem(
                code: .unknownColumn, column: unknown.prefix(10).joined(separator: "、"),
                message: "見出しが \(other.folder)/ のシートのものです。このフォルダのシートではないため読み込みませんでした。"
                    + "列は消さずに、ファイルを Input/\(other.folder)/ フォルダに移してください。"))
        }
        if !unknown.isEmpty {
            // A sheet with thousands of stray columns gets a short message.
            let listed = zip(unknown, unknownAt).prefix(10).map { shown, i in
                label(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown, at: i, extraProhibited: extraProhibited)
            }
            let more = unknown.count > 10 ? "ほか \(unknown.count - 10) 列" : ""
            return .failure(Problem(
                code: .unknownColumn, column: listed.map(\.column).joined(separator: "、") + (more.isEmpty ? "" : "、" + more),
                message: "決められていない列\(listed.map(\.message).joined(separator: "・"))\(more)があるため、このシートは読み込みませんでした"
                    + "（必要な項目だけを集めるため）。使える見出しは \(allowedList) と行番号の列（No.・番号）です。"
                    + "列を削除するか見出しを直してください。" + hints(unknown, kind: kind, present: index, extraProhibited: extraProhibited)))
        }
        if width == 0 {
            // Blank lines above the headers (Excel keeps them as empty rows): "columns missing"
            // would send the clerk to check headers that are there, one row lower.
            return .failure(Problem(
                code: .missingColumn, column: "（1行目）",
                message: "1行目が空で、見出しがありません。このシートは読み込みませんでした。見出しの上に空の行があれば削除し、"
                    + "見出し（\(allowedList)）を1行目にしてください。"))
        }
        var missing = kind.required.filter { index[$0] == nil }.map(\.both)
        if kind.needsAgeOrBirthDate, index[.age] == nil, index[.birthDate] == nil {
            missing.append("\(Column.age.both) または \(Column.birthDate.both)")
        }
        if !missing.isEmpty {
            return .failure(Problem(
                code: .missingColumn, column: missing.joined(separator: "、"),
                message: "必要な列 \(missing.joined(separator: "、")) がありません。1行目の見出しを確認してください"
                    + "（使える見出し: \(allowedList)）。"))
        }
        return .success(HeaderMap(kind: kind, index: index, header: header, ignored: ignored, unnamed: unnamed, width: width))
    }

    /// A kind's allowed columns by folded header: Japanese, English, and English without `_`.
    static func lookup(_ kind: SheetKind) -> [String: Column] {
        var lookup: [String: Column] = [:]
        for c in kind.allowed {
            lookup[ProhibitedCategories.foldHeader(c.japanese)] = c
            lookup[ProhibitedCategories.foldHeader(c.english)] = c
            lookup[ProhibitedCategories.foldHeader(c.english.replacingOccurrences(of: "_", with: ""))] = c
        }
        return lookup
    }

    /// The other kind of intake sheet whose headers these are, every one of them and all it
    /// requires, or nil.
    static func kindOfHeaders(_ cells: ArraySlice<String>, besides kind: SheetKind) -> SheetKind? {
        let folded = cells.map { ProhibitedCategories.foldHeader($0) }.filter { !$0.isEmpty && !rowNumberHeaders.contains($0) }
        for other in [SheetKind.groups, .visits, .applications] where other != kind {
            let lookup = HeaderMap.lookup(other)
            let columns = folded.compactMap { lookup[$0] }
            guard columns.count == folded.count, other.required.allSatisfy(columns.contains) else { continue }
            return other
        }
        return nil
    }

    /// Headers clerks write for an allowed column, after folding. They still refuse the
    /// sheet (the contract fixes the names, and 連絡先 may hold more than a phone), but the
    /// message says which header was meant.
    static let nearMisses: [String: Column] = {
        let words: [(String, Column)] = [
            ("電話", .phone), ("tel", .phone), ("電話番号(自宅)", .phone), ("自宅電話", .phone), ("携帯", .phone), ("携帯電話", .phone), ("連絡先", .phone),
            ("名前", .name), ("お名前", .name), ("氏名(漢字)", .name), ("利用者名", .name), ("参加者名", .name), ("会員名", .name),
            ("ふりがな", .kana), ("よみ", .kana), ("よみがな", .kana), ("カナ", .kana), ("読み", .kana), ("ヨミ", .kana), ("カナ氏名", .kana), ("氏名カナ", .kana),
            ("来館日", .date), ("利用日", .date), ("参加日", .date), ("年月日", .date), ("日にち", .date),
            ("誕生日", .birthDate), ("生年月日(西暦)", .birthDate),
            ("年令", .age), ("年齢(歳)", .age),
            ("現住所", .address), ("住所(町名から)", .address),
            ("本人確認書類", .idChecked), ("確認", .idChecked), ("身分証確認", .idChecked), ("本人確認(済)", .idChecked),
            ("グループ", .group), ("団体名", .group), ("サークル名", .group),
            ("事業名", .program), ("区分", .program),
            ("行事名", .event), ("講座", .event), ("イベント", .event),
            ("申込日付", .appliedOn), ("受付日", .appliedOn),
            ("講座番号", .classID), ("講座コード", .classID),
        ]
        var out: [String: Column] = [:]
        for (w, c) in words { out[ProhibitedCategories.foldHeader(w)] = c }
        return out
    }()

    /// "「電話」は「電話番号」のことなら…" for each unknown header that is a known near miss.
    static func hints(_ unknown: [String], kind: SheetKind, present: [Column: Int], extraProhibited: [String]) -> String {
        var out = ""
        let allowed = lookup(kind)
        for u in unknown.prefix(10) where quotable(u, extraProhibited: extraProhibited) {
            var c = meant(ProhibitedCategories.foldHeader(u), allowed: allowed)
            // 講座 names the class: 講座ID on an application, 行事 on a visit.
            if c == .event && kind == .applications { c = .classID }
            guard let c, kind.allowed.contains(c), present[c] == nil else { continue }
            out += "「\(u)」が「\(c.japanese)」のことなら、見出しを「\(c.japanese)」に直してください。"
        }
        return out
    }

    /// The column a folded header seems to mean: a known near miss, or an allowed header or near
    /// miss with a note added after it (`本人確認欄`, `氏名(フルネーム)`, `電話番号※日中`).
    static func meant(_ folded: String, allowed: [String: Column]) -> Column? {
        if let c = nearMisses[folded] { return c }
        var bare = Substring(folded)
        if let note = bare.firstIndex(where: { $0 == "(" || $0 == "※" || $0 == "*" }), note != bare.startIndex {
            bare = bare[..<note]
        }
        if bare.hasSuffix("欄") { bare = bare.dropLast() }
        guard bare.count < folded.count, !bare.isEmpty else { return nil }
        return allowed[String(bare)] ?? nearMisses[String(bare)]
    }

    /// The cell of `column` in `cells`, or nil when the sheet has no such column.
    public func value(_ column: Column, in cells: [String]) -> String? {
        let i = positions[column.ordinal]
        guard i >= 0 else { return nil }
        return i < cells.count ? cells[i] : ""
    }

    /// The column's header as written, for findings.
    public func shown(_ column: Column) -> String { header[column] ?? column.japanese }
}
