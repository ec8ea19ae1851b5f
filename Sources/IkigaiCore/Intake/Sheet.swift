/// One intake sheet read and accepted for processing: its kind, encoding,
/// column positions and data records (rows 2…).
public struct Sheet: Sendable {
    /// Path under `Input/` with `/` separators.
    public let path: String
    public let kind: SheetKind
    public let encoding: TextEncoding
    public let header: HeaderMap
    /// Data records in file order, blank ones included (they keep Excel's numbering).
    public let records: [CSVRecord]
    public let byteCount: Int

    /// Whether every cell of a record is empty: Excel writes `,,,,` for rows
    /// that were cleared, and such rows are not data.
    public static func isBlank(_ r: CSVRecord) -> Bool {
        r.cells.allSatisfy { Text.isBlank($0) }
    }
}
