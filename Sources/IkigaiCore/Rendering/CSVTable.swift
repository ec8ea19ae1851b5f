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

    /// Appends one cell, neutralised (`=`, `+`, `-`, `@` start a formula; a tab or CR
    /// at the start can too: such a cell gets a leading `'`) and quoted when it holds `,` `"` or a
    /// line break. Byte by byte: these files run to millions of cells.
    static func append(_ cell: String, to out: inout [UInt8]) {
        // On the bytes of the String's own storage: the generic walk over its UTF-8 view was
        // most of writing people/people.csv (millions of cells at 100×).
        var text = cell
        text.withUTF8 { u in
            let formula = u.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
            guard u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                if formula { out.append(0x27) }
                out.append(contentsOf: u)
                return
            }
            // The apostrophe inside the quotes: before them, the cell no longer begins with a
            // quote, so a reader takes the quotes as text and the cell's comma or line break
            // as the end of the cell or of the line (validation.csv showed it: one finding
            // read back as three lines).
            out.append(0x22)
            if formula { out.append(0x27) }
            for b in u {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        }
    }

    public var bytes: [UInt8] {
        var w = Writer(header: header)
        for line in rows { w.row(line) }
        return w.bytes
    }

    /// Writes rows straight to bytes, for tables of millions of rows
    /// (people.csv at 100×) that need not be held as arrays of cells first.
    public struct Writer: Sendable {
        public private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

        public init(header: [String]) { row(header) }

        public mutating func row(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                CSVTable.append(cell, to: &bytes)
            }
            bytes += [0x0D, 0x0A]
        }
    }
}
