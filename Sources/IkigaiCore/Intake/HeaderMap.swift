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
        var lookup: [String: Column] = [:]
        for c in kind.allowed {
            lookup[ProhibitedCategories.foldHeader(c.japanese)] = c
            lookup[ProhibitedCategories.foldHeader(c.english)] = c
            lookup[ProhibitedCategories.foldHeader(c.english.replacingOccurrences(of: "_", with: ""))] = c
        }
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
        var unnamed: [Int] = []
        var width = cells.count
        // Excel leaves trailing empty header cells when a column was cleared.
        while width > 0, Text.isBlank(cells[width - 1]) { width -= 1 }
        for (i, raw) in cells.prefix(width).enumerated() {
            let shown = Text.trimmed(raw.replacingOccurrences(of: "\u{FEFF}", with: ""))
            let folded = ProhibitedCategories.foldHeader(raw)
            if let word = ProhibitedCategories.match(header: raw, extra: extraProhibited) {
                return .failure(Problem(
                    code: .prohibitedColumn, column: shown,
                    message: "列「\(shown)」は収集が禁止された項目（\(word)）です（契約の特記事項5）。このシートは読み込みませんでした。"
                        + "列ごと削除して保存し直してください。すでに書き込まれた内容は元のファイルからも消去してください。"))
            }
            if rowNumberHeaders.contains(folded) { ignored.insert(i); continue }
            if folded.isEmpty { unnamed.append(i); continue }
            guard let col = lookup[folded] else {
                unknown.append(shown)
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
        if !unknown.isEmpty {
            // A sheet with thousands of stray columns gets a short message.
            let listed = unknown.prefix(10).map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
            let more = unknown.count > 10 ? "ほか \(unknown.count - 10) 列" : ""
            return .failure(Problem(
                code: .unknownColumn, column: listed.joined(separator: "、") + (more.isEmpty ? "" : "、" + more),
                message: "決められていない列「\(listed.joined(separator: "」「"))」\(more)があるため、このシートは読み込みませんでした"
                    + "（必要な項目だけを集めるため）。使える見出しは \(allowedList) と行番号の列（No.・番号）です。"
                    + "列を削除するか見出しを直してください。"))
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

    /// The cell of `column` in `cells`, or nil when the sheet has no such column.
    public func value(_ column: Column, in cells: [String]) -> String? {
        let i = positions[column.ordinal]
        guard i >= 0 else { return nil }
        return i < cells.count ? cells[i] : ""
    }

    /// The column's header as written, for findings.
    public func shown(_ column: Column) -> String { header[column] ?? column.japanese }
}
