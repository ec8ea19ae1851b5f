/// What is known of a sheet once its header is read: where it is, what it
/// holds and where each column is. Rows are checked against this, whether
/// the sheet's records are held (`Sheet`) or read one at a time.
///
/// A class, immutable: it is handed with every record read, and as a struct each hand-over
/// copied its path and header tables, a retain for each (a tenth of reading a sheet).
public final class SheetHead: Sendable {
    /// Path under `Input/` with `/` separators.
    public let path: String
    public let kind: SheetKind
    public let encoding: TextEncoding
    public let header: HeaderMap
    public let byteCount: Int
    /// Line feeds in the decoded text: at least the number of its records (less when a quoted
    /// cell holds a line break, or the lines end in lone CRs), so that the arrays of a sheet's
    /// rows can be made at their size once. Growing them by doubling copied every row of a
    /// 200,000-row sheet into fresh pages again and again (memmove and page faults, a tenth
    /// of intake at 100×).
    public let lineFeeds: Int

    init(path: String, kind: SheetKind, encoding: TextEncoding, header: HeaderMap, byteCount: Int, lineFeeds: Int) {
        self.path = path
        self.kind = kind
        self.encoding = encoding
        self.header = header
        self.byteCount = byteCount
        self.lineFeeds = lineFeeds
    }
}
