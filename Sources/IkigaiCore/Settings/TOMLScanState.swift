/// Where a value that spans lines stands: open arrays and inline tables,
/// an open multi-line string, and whether an array waits for a value.
struct TOMLScanState {
    var open: [UInt8] = []  // `[` or `{` of each container not yet closed
    var multiline: UInt8?  // the quote byte of an open """ or ''' string
    var arrayWantsValue = false

    var atStatementStart: Bool { open.isEmpty && multiline == nil }

    /// Scans one line; returns the byte index of a `}` where an array wants a value.
    mutating func scan(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if let q = multiline {
                if c == q, i + 2 < b.count, b[i + 1] == q, b[i + 2] == q { multiline = nil; i += 3; continue }
                if q == 0x22, c == 0x5C { i += 2; continue }
                i += 1
                continue
            }
            switch c {
            case 0x20, 0x09, 0x0D: i += 1; continue  // white space keeps what is expected
            case 0x23: return nil  // a comment runs to the end of the line
            case 0x7D where arrayWantsValue: return i
            default: break
            }
            arrayWantsValue = false
            switch c {
            case 0x22, 0x27:
                if i + 2 < b.count, b[i + 1] == c, b[i + 2] == c { multiline = c; i += 3; continue }
                // A one-line string: skip to its closing quote.
                i += 1
                while i < b.count, b[i] != c {
                    if c == 0x22, b[i] == 0x5C { i += 1 }
                    i += 1
                }
                i += 1
            case 0x5B:
                open.append(c)
                arrayWantsValue = true
                i += 1
            case 0x7B:
                open.append(c)
                i += 1
            case 0x5D, 0x7D:
                if !open.isEmpty { open.removeLast() }
                i += 1
            case 0x2C:
                arrayWantsValue = open.last == 0x5B
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }
}
