/// Every checked row of a run in (file, row) order, held as the arrays the
/// intake workers built, one per sheet.
///
/// Not one array: joining the sheets' arrays copied 2.3 million rows on one
/// core after both had finished (about a second at 100×, and a second copy
/// of every row in memory while it ran).
public struct CheckedRows: RandomAccessCollection, MutableCollection, Sendable {
    private var sheets: [[CheckedRow]]
    /// Index of each sheet's first row, then the row count.
    private var starts: [Int]

    public init(sheets: [[CheckedRow]]) {
        self.sheets = sheets.filter { !$0.isEmpty }
        var starts = [0]
        starts.reserveCapacity(self.sheets.count + 1)
        for s in self.sheets { starts.append(starts[starts.count - 1] + s.count) }
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts[starts.count - 1] }

    /// The sheet holding row `i`, and its place there.
    private func locate(_ i: Int) -> (sheet: Int, offset: Int) {
        precondition(i >= 0 && i < endIndex, "row index out of range")
        var lo = 0, hi = sheets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return (lo, i - starts[lo])
    }

    public subscript(i: Int) -> CheckedRow {
        get {
            let (s, o) = locate(i)
            return sheets[s][o]
        }
        set {
            let (s, o) = locate(i)
            sheets[s][o] = newValue
        }
    }

    /// Puts `replacement(row)` in place of each row it gives one for, sheet by sheet, without
    /// locating each index. Only a sheet with a replaced row is written to, so a sheet still
    /// shared with an earlier copy of the rows is copied only when one of its rows changes.
    public mutating func replace(_ replacement: (CheckedRow) -> CheckedRow?) {
        for s in sheets.indices {
            for o in sheets[s].indices {
                if let r = replacement(sheets[s][o]) { sheets[s][o] = r }
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(sheets: sheets) }

    /// Calls `body` with each row where it lies, and its index, in order. A `for` loop takes
    /// each row out as a copy: a retain and a release of each of the objects a row holds (its
    /// file name, record and findings), for each of the millions of rows, in every step that
    /// walks them all.
    public func forEachRow(_ body: (Int, borrowing CheckedRow) -> Void) {
        for s in sheets.indices {
            let start = starts[s]
            sheets[s].withUnsafeBufferPointer { rows in
                for o in rows.indices { body(start + o, rows[o]) }
            }
        }
    }

    /// Walks sheet after sheet: iterating by index would search for every row's sheet.
    public struct Iterator: IteratorProtocol {
        let sheets: [[CheckedRow]]
        var sheet = 0
        var offset = 0

        public mutating func next() -> CheckedRow? {
            while sheet < sheets.count {
                if offset < sheets[sheet].count {
                    defer { offset += 1 }
                    return sheets[sheet][offset]
                }
                sheet += 1
                offset = 0
            }
            return nil
        }
    }
}
