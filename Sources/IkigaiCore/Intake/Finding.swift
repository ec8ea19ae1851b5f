/// One problem found in the input: a refused sheet, a rejected or held row,
/// or a notice. Findings are collected, never thrown, so that one bad row or
/// sheet never stops the others from being read.
public struct Finding: Error, Sendable, Hashable, Comparable {
    /// Path under `Input/` with `/` separators (`visits/2018-04.csv`).
    public let file: String
    /// The row number Excel shows (header = 1); nil for a whole sheet.
    public let row: Int?
    /// The column's header as written in the sheet; empty when not one column.
    public let column: String
    public let code: FindingCode
    /// What is wrong and what to do, in Japanese. Never holds a cell's value:
    /// validation files are for staff, not confidential, so no personal data.
    public let message: String

    public init(file: String, row: Int?, column: String = "", code: FindingCode, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.code = code
        self.message = message
    }

    /// By file, then row (sheet-level first), then column order of discovery
    /// is kept by the caller; code breaks remaining ties for determinism.
    public static func < (a: Finding, b: Finding) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.row != b.row { return (a.row ?? 0) < (b.row ?? 0) }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        if a.column != b.column { return a.column.utf8.lexicographicallyPrecedes(b.column.utf8) }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }
}
