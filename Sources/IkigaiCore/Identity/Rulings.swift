import Crypto

/// The manager's answers to "same person?" questions (`Input/decisions.csv`).
///
/// A ruling names its pair by `組` (pair), a key computed from the two
/// people's folded names and phones, not from file or row numbers, so that
/// it survives re-runs, new months and edits of other rows. The manager
/// copies `people/review.csv` to `Input/decisions.csv` (or writes just the
/// 組 and 判定 columns) and fills 判定 with 同一 or 別人.
public struct Rulings: Sendable {
    public enum Ruling: String, Sendable { case same = "同一", different = "別人" }

    public struct Entry: Sendable {
        public let pair: String
        public let ruling: Ruling
        public let source: SourceRow
    }

    public let entries: [Entry]
    public let findings: [Finding]

    public static let none = Rulings(entries: [], findings: [])

    public init(entries: [Entry], findings: [Finding]) {
        self.entries = entries
        self.findings = findings
    }

    /// Reads the rows of decisions.csv; rows without a ruling are skipped (not yet decided).
    public init(sheet: Sheet) {
        var entries: [Entry] = []
        var findings: [Finding] = []
        var seen: [String: Int] = [:]
        for r in sheet.records where !Sheet.isBlank(r) {
            let pair = Text.removingWhitespace(Text.cell(sheet.header.value(.pairID, in: r.cells) ?? "")).lowercased()
            let said = Text.removingWhitespace(Text.cell(sheet.header.value(.ruling, in: r.cells) ?? "")).lowercased()
            if said.isEmpty { continue }
            let ruling: Ruling?
            switch said {
            case "同一", "同じ", "同一人物", "same", "yes", "○", "〇": ruling = .same
            case "別人", "違う", "different", "no", "×": ruling = .different
            default: ruling = nil
            }
            guard let ruling else {
                findings.append(Finding(file: sheet.path, row: r.row, column: sheet.header.shown(.ruling), code: .badRuling,
                                        message: "「判定」は 同一 か 別人 にしてください（空欄はまだ判定していない扱い）。"))
                continue
            }
            guard !pair.isEmpty else {
                findings.append(Finding(file: sheet.path, row: r.row, column: sheet.header.shown(.pairID), code: .missingValue,
                                        message: "「組」が空です。people/review.csv の「組」の値を写してください。"))
                continue
            }
            if let first = seen[pair] {
                findings.append(Finding(file: sheet.path, row: r.row, column: sheet.header.shown(.pairID), code: .badRuling,
                                        message: "同じ組の判定が \(first)行目にもあります。1つにしてください（この行は使いません）。"))
                continue
            }
            seen[pair] = r.row
            entries.append(Entry(pair: pair, ruling: ruling, source: SourceRow(file: sheet.path, row: r.row)))
        }
        self.init(entries: entries, findings: findings)
    }

    /// The stable key of a pair of profiles: SHA-256 over both (folded name,
    /// phone) in sorted order, first 12 hex digits.
    static func pairKey(_ a: String, _ b: String) -> String {
        let (x, y) = a < b ? (a, b) : (b, a)
        let digest = SHA256.hash(data: Array((x + "\u{2}" + y).utf8))
        return digest.prefix(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
