/// What is known of a sheet once its header is read: where it is, what it
/// holds and where each column is. Rows are checked against this, whether
/// the sheet's records are held (`Sheet`) or read one at a time.
public struct SheetHead: Sendable {
    /// Path under `Input/` with `/` separators.
    public let path: String
    public let kind: SheetKind
    public let encoding: TextEncoding
    public let header: HeaderMap
    public let byteCount: Int
}
