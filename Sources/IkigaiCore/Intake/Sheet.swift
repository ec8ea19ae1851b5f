/// One intake sheet read and accepted for processing: its kind, encoding,
/// column positions and data records (rows 2…).
public struct Sheet: Sendable {
    public let head: SheetHead
    /// Data records in file order, blank ones included (they keep Excel's numbering).
    public let records: [CSVRecord]

    /// Path under `Input/` with `/` separators.
    public var path: String { head.path }
    public var kind: SheetKind { head.kind }
    public var encoding: TextEncoding { head.encoding }
    public var header: HeaderMap { head.header }
    public var byteCount: Int { head.byteCount }

    /// Whether every cell of a record is empty: Excel writes `,,,,` for rows
    /// that were cleared, and such rows are not data.
    public static func isBlank(_ r: CSVRecord) -> Bool {
        r.cells.allSatisfy { Text.isBlank($0) }
    }
}
