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

    /// Whether every cell of a record is empty, a row-number column (`No.`, `番号`)
    /// aside: Excel writes `,,,,` for rows that were cleared, and a template
    /// numbered down to row 200 gives `37,,,,` for every row not yet used.
    /// Neither is data; reading the number as a record rejected each unused line.
    public static func isBlank(_ r: CSVRecord, _ header: HeaderMap) -> Bool {
        for (i, cell) in r.cells.enumerated() where !Text.isBlank(cell) {
            if header.ignored.isEmpty || !header.ignored.contains(i) { return false }
        }
        return true
    }

    /// Whether a record is empty under this sheet's header.
    public func isBlank(_ r: CSVRecord) -> Bool { Sheet.isBlank(r, header) }
}
