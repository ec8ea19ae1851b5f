/// Finds the places in a settings file that the TOML library cannot be given.
///
/// toml++ (inside TOMLKit) asserts, and so aborts the whole process, when
/// `[` or `[[` at the start of a line is followed by anything but a key
/// (`[区]`, `[ 取扱者]`, `[` alone on a line, a control character), and when
/// an array holds `}` where a value should be (`["a", }]`). Fuzzing
/// settings.toml found both. A manager may well write a header in Japanese,
/// so such a place is reported as a settings error, with its line and
/// column, before the library sees the file.
enum TOMLPrecheck {
    /// Line and column (1-based) of the first character after `[` that
    /// cannot start a key, or nil when every header starts with one. Lines
    /// inside a multi-line array or string are values, not headers, so the
    /// scan follows brackets and quotes outside comments.
    static func firstBadHeader(_ text: String) -> (line: Int, column: Int)? {
        firstProblem(text).map { ($0.line, $0.column) }
    }

    enum Kind { case header, braceInArray }

    static func firstProblem(_ text: String) -> (line: Int, column: Int, kind: Kind)? {
        var state = TOMLScanState()
        var lineNumber = 0
        // Split on the byte: a Swift Character holds CR LF together, so splitting the
        // String on "\n" would leave a file saved on Windows as one line.
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Array(line)
            // The library skips a byte-order mark at the start of the file; so does this scan.
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if state.atStatementStart, let header = headerStart(bytes) {
                if let bad = badColumn(bytes, from: header) { return (lineNumber, bad, .header) }
                continue
            }
            if let bad = state.scan(bytes) {
                return (lineNumber, String(decoding: bytes[..<bad], as: UTF8.self).count + 1, .braceInArray)
            }
        }
        return nil
    }

    /// Index just after the opening `[` or `[[` when the line is a table header.
    static func headerStart(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == 0x5B else { return nil }
        i += 1
        if i < b.count, b[i] == 0x5B { i += 1 }
        return i
    }

    /// The 1-based column of the character after the opening brackets, when it cannot
    /// start a key; the end of the line counts, since a header cannot continue on the next.
    private static func badColumn(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        if i < b.count {
            let c = b[i]
            let keyStart = (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c)
                || c == 0x5F || c == 0x2D || c == 0x22 || c == 0x27 || c == 0x5D
            if keyStart { return nil }
        }
        // Column in characters, as the library counts them.
        return String(decoding: b[..<i], as: UTF8.self).count + 1
    }
}
