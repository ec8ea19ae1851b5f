import Crypto

/// The manager's answers to "same person?" questions (`Input/decisions.csv`).
///
/// A ruling names its pair by `組` (pair), a key computed from the two
/// people's folded names and phones, not from file or row numbers, so that
/// it survives re-runs, new months and edits of other rows. The manager
/// copies `people/review.csv` to `Input/decisions.csv` (or writes just the
/// 組 and 判定 columns) and fills 判定 with 同一 or 別人.
public struct Rulings: Sendable {
    /// The manager's answer, in the words written in the 判定 column.
    public enum Ruling: String, Sendable { case same = "同一", different = "別人" }

    /// One answered pair of decisions.csv, with the row it came from for messages.
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
        for r in sheet.records where !sheet.isBlank(r) {
            var pair = Text.removingWhitespace(Text.cell(sheet.header.value(.pairID, in: r.cells) ?? "")).lowercased()
            let said = Text.removingWhitespace(Text.cell(sheet.header.value(.ruling, in: r.cells) ?? "")).lowercased()
            if said.isEmpty { continue }
            // Keys written before they carried a letter in front: the same pair.
            if Rulings.isHexDigits(pair) { pair = Rulings.keyPrefix + pair }
            if Rulings.isExcelNumber(pair) {
                findings.append(Finding(file: sheet.path, row: r.row, column: sheet.header.shown(.pairID), code: .badRuling,
                                        message: "「組」が Excel で数値に変わっています（6.24693E+11 のような形）。"
                                            + "最新の people/review.csv から、この組の行をコピーし直してください。"))
                continue
            }
            let ruling: Ruling?
            // The two words the review list asks for, and what a manager writes instead: the
            // marks an IME offers for まる and ばつ (◯ U+25EF, ✕ U+2715 beside ○ and ×), and
            // short sentences (同じ人, 別の人).
            switch said {
            case "同一", "同じ", "同一人物", "同一人", "同じ人", "same", "yes", "○", "〇", "◯": ruling = .same
            case "別人", "違う", "別の人", "別人物", "different", "no", "×", "✕", "x": ruling = .different
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
    /// phone) in sorted order, first 12 hex digits, after `keyPrefix`.
    static func pairKey(_ a: String, _ b: String) -> String {
        let (x, y) = a < b ? (a, b) : (b, a)
        let digest = SHA256.hash(data: Array((x + "\u{2}" + y).utf8))
        return keyPrefix + digest.prefix(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// A letter in front keeps Excel from taking a key for a number when the manager opens
    /// review.csv to fill in 判定: bare, about one key in 150 was all digits (624693016695,
    /// saved back as 6.24693E+11) or digits around one e (read as an exponent), and that
    /// ruling was lost.
    static let keyPrefix = "r"

    static func isHexDigits(_ s: String) -> Bool {
        s.utf8.count == 12 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// What Excel leaves of a key it took for a number: `6.24693e+11`, or the digits of one
    /// that had leading zeros (`12345678901`).
    static func isExcelNumber(_ s: String) -> Bool {
        let parts = s.split(separator: "e", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let mantissa = parts.first, !mantissa.isEmpty,
              mantissa.allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return false }
        if parts.count == 1 { return true }
        let exponent = parts[1].drop { $0 == "+" || $0 == "-" }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}
