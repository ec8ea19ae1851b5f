/// The line on which each key and table of a settings file is written, so that
/// a wrong or missing value is reported at a line the manager can go to, as a
/// syntax error is. TOMLKit gives positions for syntax errors only, not for the
/// values it has read.
///
/// Keys are dotted as `TOMLReader` names them: `area.eligible_population`,
/// `handlers[2].role` (the second `[[handlers]]`), and `handlers` for the first
/// of them; also without the index (`handlers.role`, at its first line), as
/// unknown keys are named. Lines inside multi-line arrays and strings are
/// values, not keys; the scan follows them as the pre-check does.
struct TOMLKeyLines: Sendable {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var state = TOMLScanState()
        var table = ""
        // The table without the index of its `[[…]]`: the names of unknown keys carry none.
        var plainTable = ""
        var arrayCounts: [String: Int] = [:]
        var lineNumber = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Array(line)
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if state.atStatementStart {
                if let start = TOMLPrecheck.headerStart(bytes) {
                    // A header with no readable key (the pre-check has refused those) starts no table.
                    guard let parts = TOMLKeyLines.dottedKey(bytes, from: start)?.parts else { continue }
                    let name = parts.joined(separator: ".")
                    plainTable = name
                    if start >= 2, bytes[start - 2] == 0x5B {
                        let n = arrayCounts[name, default: 0] + 1
                        arrayCounts[name] = n
                        table = "\(name)[\(n)]"
                        note(name, lineNumber)
                    } else {
                        table = name
                    }
                    note(table, lineNumber)
                    continue
                }
                if let (parts, end) = TOMLKeyLines.dottedKey(bytes, from: 0), end < bytes.count, bytes[end] == 0x3D {
                    let key = parts.joined(separator: ".")
                    note(table.isEmpty ? key : table + "." + key, lineNumber)
                    if plainTable != table { note(plainTable + "." + key, lineNumber) }
                }
            }
            _ = state.scan(bytes)
        }
    }

    private mutating func note(_ key: String, _ line: Int) {
        if lines[key] == nil { lines[key] = line }
    }

    /// The line of `key`, or of the nearest table that holds it (where a missing key is to be
    /// written); nil when neither is in the file.
    func line(for key: String) -> Int? {
        var k = Substring(key)
        while true {
            if let l = lines[String(k)] { return l }
            guard let dot = k.lastIndex(of: ".") else { return nil }
            k = k[..<dot]
        }
    }

    /// The parts of a dotted key (bare or quoted) starting at `start` after white space, and
    /// the index after it and the white space that follows.
    static func dottedKey(_ b: [UInt8], from start: Int) -> (parts: [String], end: Int)? {
        var parts: [String] = []
        var i = start
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            let first = i
            if b[i] == 0x22 || b[i] == 0x27 {
                let quote = b[i]
                i += 1
                while i < b.count, b[i] != quote { i += 1 }
                guard i < b.count else { return nil }
                parts.append(String(decoding: b[(first + 1)..<i], as: UTF8.self))
                i += 1
            } else {
                while i < b.count, isBare(b[i]) { i += 1 }
                guard i > first else { return nil }
                parts.append(String(decoding: b[first..<i], as: UTF8.self))
            }
            skipSpace()
            guard i < b.count, b[i] == 0x2E else { return (parts, i) }
            i += 1
        }
    }

    private static func isBare(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x5F || c == 0x2D
    }
}

extension SettingsError {
    /// This error with the line of its key, when it has no line of its own.
    func located(by lines: TOMLKeyLines) -> SettingsError {
        guard line == nil, !key.isEmpty, let l = lines.line(for: key) else { return self }
        var e = self
        e.line = l
        return e
    }
}
