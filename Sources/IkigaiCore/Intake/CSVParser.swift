/// One CSV record: its cells and the row number Excel shows for it.
public struct CSVRecord: Sendable {
    public var cells: [String]
    /// 1 for the header; a quoted cell with line breaks keeps its record on one row.
    public var row: Int
}

/// A quote opened and never closed: everything after it would be swallowed
/// into one cell, so the sheet is refused rather than rows lost.
public struct UnterminatedQuote: Error, Sendable {
    public let row: Int
}

/// An RFC 4180 reader over UTF-8 bytes (comma, `"` quoting with `""`, CRLF or
/// LF, commas and line breaks inside quotes).
///
/// Written here rather than taken from CSV.swift or SwiftCSV: those read
/// 30 MB/s and 15 MB/s on this machine kind (shared/notes), while the speed
/// target is 150 MB/s, and they do not give Excel's row number per record.
/// Lenient where Excel is: a stray quote inside an unquoted cell, or text after
/// a closing quote, is kept as text.
public enum CSVParser {
    public static func parse(_ bytes: [UInt8]) -> Result<[CSVRecord], UnterminatedQuote> {
        bytes.withUnsafeBufferPointer { parse(buffer: $0) }
    }

    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<[CSVRecord], UnterminatedQuote> {
        bytes.withUnsafeBufferPointer { parse(buffer: $0) }
    }

    static func parse(buffer p: UnsafeBufferPointer<UInt8>) -> Result<[CSVRecord], UnterminatedQuote> {
        var records: [CSVRecord] = []
        if let q = forEach(buffer: p, { records.append($0) }) { return .failure(q) }
        return .success(records)
    }

    /// Calls `body` with each record in file order, then returns the unterminated quote that
    /// ended the file, if one did (the records before it have been given by then).
    ///
    /// One record's cells at a time, in one array reused for every record: a sheet of 100,000
    /// rows held as records was a million Strings alive at once, and building then freeing
    /// them showed as a fifth of intake (perf, 100×). Intake checks each record as it is read.
    static func forEach(buffer p: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) -> Void) -> UnterminatedQuote? {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var cells: [String] = []
        var scratch: [UInt8] = []
        var i = 0
        let n = p.count
        var row = 1
        var atRecordStart = true

        func cell(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
        }

        while i < n {
            atRecordStart = false
            if p[i] == quote {
                // Quoted cell: copy until the closing quote, unescaping "".
                let openRow = row
                i += 1
                var start = i
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while i < n {
                    if p[i] == quote {
                        if i + 1 < n && p[i + 1] == quote {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[start...i]))
                            i += 2
                            start = i
                            continue
                        }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
                        i += 1
                        closed = true
                        break
                    }
                    i += 1
                }
                if !closed { return UnterminatedQuote(row: openRow) }
                // Text after the closing quote and before the delimiter is kept.
                let tail = i
                while i < n && p[i] != comma && p[i] != cr && p[i] != lf { i += 1 }
                if i > tail { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[tail..<i])) }
                cells.append(String(decoding: scratch, as: UTF8.self))
            } else {
                let start = i
                while i < n && p[i] != comma && p[i] != cr && p[i] != lf { i += 1 }
                cells.append(cell(start, i))
            }
            if i >= n { break }
            if p[i] == comma {
                i += 1
                if i == n { cells.append("") }
                continue
            }
            // End of record: CRLF, LF, or a lone CR (old Mac Excel).
            if p[i] == cr && i + 1 < n && p[i + 1] == lf { i += 1 }
            i += 1
            body(CSVRecord(cells: cells, row: row))
            // Kept in place when `body` kept no copy of the record.
            cells.removeAll(keepingCapacity: true)
            row += 1
            atRecordStart = true
        }
        if !atRecordStart || !cells.isEmpty {
            body(CSVRecord(cells: cells, row: row))
        }
        return nil
    }
}
