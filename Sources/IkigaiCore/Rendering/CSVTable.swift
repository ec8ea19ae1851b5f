/// A CSV file written for people to open in Excel: UTF-8 with BOM (so
/// Japanese Excel does not guess Shift_JIS), CRLF, RFC 4180 quoting, and cells
/// that Excel would run as a formula neutralised with a leading apostrophe.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// `=`, `+`, `-`, `@` start a formula; a tab or CR at the start can too.
    static func neutralised(_ cell: String) -> String {
        guard let f = cell.unicodeScalars.first else { return cell }
        return "=+-@\t\r".unicodeScalars.contains(f) ? "'" + cell : cell
    }

    static func quoted(_ cell: String) -> String {
        let c = neutralised(cell)
        if c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return c
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for line in [header] + rows {
            out += Array(line.map(CSVTable.quoted).joined(separator: ",").utf8)
            out += [0x0D, 0x0A]
        }
        return out
    }
}
