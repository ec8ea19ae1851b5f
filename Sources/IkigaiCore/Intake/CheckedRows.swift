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

    /// Calls `body` with the record of each accepted row, and the row's index, in order. Only
    /// the record is read out of each row: a `for` loop took each row out whole, a retain and a
    /// release of each object it holds (its file name, record and findings), for each of the
    /// millions of rows, in every step that walks them all; so did a closure given the row.
    @inline(__always)
    public func forEachRecord(_ body: (Int, CheckedRow.Record) -> Void) {
        for s in sheets.indices {
            let start = starts[s]
            sheets[s].withUnsafeBufferPointer { rows in
                for o in rows.indices {
                    if let record = rows[o].record { body(start + o, record) }
                }
            }
        }
    }

    /// The record of each accepted row, in order.
    public var records: Records { Records(sheets: sheets) }

    /// The records of the accepted rows, each read out of its row where it lies: a walk that
    /// took out the rows themselves copied each one whole (a retain and a release of its file
    /// name, record and findings) for every record it gave.
    public struct Records: Sequence {
        let sheets: [[CheckedRow]]

        public func makeIterator() -> Iterator { Iterator(sheets: sheets) }

        /// Walks the sheets in order and gives each accepted row's record, skipping rejected rows.
        public struct Iterator: IteratorProtocol {
            let sheets: [[CheckedRow]]
            var sheet = 0
            var offset = 0

            public mutating func next() -> CheckedRow.Record? {
                while sheet < sheets.count {
                    while offset < sheets[sheet].count {
                        defer { offset += 1 }
                        if let record = sheets[sheet][offset].record { return record }
                    }
                    sheet += 1
                    offset = 0
                }
                return nil
            }
        }
    }

    /// Whether the rows are in (file, row) order, as intake hands them over. Each row's source is
    /// read where it lies, not the row copied out for it.
    public var isInSourceOrder: Bool {
        var last: SourceRow?
        for s in sheets.indices {
            let ordered = sheets[s].withUnsafeBufferPointer { rows in
                for o in rows.indices {
                    if let l = last, rows[o].source < l { return false }
                    last = rows[o].source
                }
                return true
            }
            if !ordered { return false }
        }
        return true
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
