/// Which person each accepted row is: for each sheet, one slot per row number.
///
/// It replaced a `[SourceRow: PersonID]`. At 100× that dictionary held 2.3 M
/// entries; every step that asks "whose row is this?" (repeated visits,
/// statistics, lotteries, rosters, `people/people.csv`) paid a cache miss into
/// it per row, and building it was a tenth of the identity step. Here a look-up
/// finds the sheet by the hash `SourceRow` already holds, in a small table of its
/// own, then indexes an array. (A dictionary of the sheets set up and finished a
/// SipHash for each look-up: some ten million of them at 100×, 1 % of a run's
/// instructions at 10×.)
public struct RowPersons: Sendable, Sequence {
    /// A sheet name keyed by the hash its `SourceRow` took once.
    private struct Sheet: Hashable {
        let file: String
        let hash: Int
        static func == (a: Sheet, b: Sheet) -> Bool { a.hash == b.hash && a.file == b.file }
        func hash(into h: inout Hasher) { h.combine(hash) }
    }

    /// The sheets, and for each, person number per row number; `none` where the row has no person.
    private var keys: [Sheet] = []
    private var slots: [[Int]] = []
    /// Open addressing over `keys` by each sheet's hash: a place in `keys`, or -1. A power of
    /// two at least twice the number of sheets, or empty.
    private var index: [Int32] = []
    public private(set) var count = 0
    private static let none = Int.min

    public init() {}

    public init(_ persons: [SourceRow: PersonID]) {
        for (row, id) in persons { self[row] = id }
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(row: SourceRow) -> PersonID? {
        get {
            guard row.row >= 0, let k = place(of: Sheet(file: row.file, hash: row.fileHash)), row.row < slots[k].count else { return nil }
            let n = slots[k][row.row]
            return n == RowPersons.none ? nil : PersonID(n)
        }
        set {
            // A negative row number is not an Excel row; nothing is stored for it.
            guard row.row >= 0 else { return }
            let key = Sheet(file: row.file, hash: row.fileHash)
            let stored = place(of: key).map { slots[$0].count } ?? 0
            if row.row >= stored, newValue == nil { return }
            let k = placeAdding(key)
            if row.row >= stored { slots[k].append(contentsOf: repeatElement(RowPersons.none, count: row.row + 1 - stored)) }
            let had = slots[k][row.row] != RowPersons.none
            slots[k][row.row] = newValue?.number ?? RowPersons.none
            count += (newValue == nil ? 0 : 1) - (had ? 1 : 0)
        }
    }

    /// Where `key` is in `keys`, or nil.
    private func place(of key: Sheet) -> Int? {
        guard !index.isEmpty else { return nil }
        let mask = index.count - 1
        var i = RowPersons.bucket(key.hash) & mask
        while index[i] >= 0 {
            let k = Int(index[i])
            if keys[k] == key { return k }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Where `key` is in `keys`, added (with no rows) when it is not.
    private mutating func placeAdding(_ key: Sheet) -> Int {
        if let k = place(of: key) { return k }
        keys.append(key)
        slots.append([])
        if keys.count * 2 > index.count {
            var size = 16
            while size < keys.count * 4 { size *= 2 }
            index = [Int32](repeating: -1, count: size)
            for k in keys.indices { enter(k) }
        } else {
            enter(keys.count - 1)
        }
        return keys.count - 1
    }

    private mutating func enter(_ k: Int) {
        let mask = index.count - 1
        var i = RowPersons.bucket(keys[k].hash) & mask
        while index[i] >= 0 { i = (i + 1) & mask }
        index[i] = Int32(truncatingIfNeeded: k)
    }

    private static func bucket(_ hash: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(hash)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// Fills a `RowPersons` from rows that come sheet by sheet, as the identity rows are
    /// walked: each row is stored into the open sheet's array, and the table of sheets is
    /// reached once per sheet. Through the subscript, each of the 2.3 M rows at 100× hashed its
    /// sheet's name and probed the table three times, 0.47 CPU s of the profile pass (perf).
    struct Builder {
        private var done = RowPersons()
        private var open: (key: Sheet, place: Int)?
        private var slots: [Int] = []

        mutating func set(_ row: SourceRow, _ person: PersonID) {
            guard row.row >= 0 else { return }
            if open?.key.hash != row.fileHash || open?.key.file != row.file {
                close()
                let key = Sheet(file: row.file, hash: row.fileHash)
                let k = done.placeAdding(key)
                open = (key, k)
                // Moved out, not copied: the array stays uniquely held while rows are added.
                slots = done.slots[k]
                done.slots[k] = []
            }
            if row.row >= slots.count { slots.append(contentsOf: repeatElement(RowPersons.none, count: row.row + 1 - slots.count)) }
            if slots[row.row] == RowPersons.none { done.count += 1 }
            slots[row.row] = person.number
        }

        private mutating func close() {
            if let (_, k) = open { done.slots[k] = slots }
            open = nil
            slots = []
        }

        mutating func finish() -> RowPersons {
            close()
            return done
        }
    }

    public mutating func removeValue(forKey row: SourceRow) {
        self[row] = nil
    }

    /// The same rows with each number `n` replaced by `table[n]`. The resolver first
    /// records each row's profile here, then turns profiles into person numbers.
    func renumbered(_ table: [Int]) -> RowPersons {
        var out = self
        out.slots = slots.map { $0.map { $0 == RowPersons.none ? $0 : table[$0] } }
        return out
    }

    /// The rows of `a` and of `b`, each number `n` replaced by `aTable[n]` or `bTable[n]`:
    /// the resolver's two halves put together. A run's rows are in one half only; a row given
    /// twice (identity rows built by hand) gets its number from `b`, and is counted once.
    static func merging(_ a: RowPersons, renumbered aTable: [Int], _ b: RowPersons, renumbered bTable: [Int]) -> RowPersons {
        var out = a.renumbered(aTable)
        for (key, slots) in zip(b.keys, b.slots) {
            let k = out.placeAdding(key)
            var merged = out.slots[k]
            out.slots[k] = []
            if merged.count < slots.count { merged.append(contentsOf: repeatElement(RowPersons.none, count: slots.count - merged.count)) }
            for (r, n) in slots.enumerated() where n != RowPersons.none {
                if merged[r] == RowPersons.none { out.count += 1 }
                merged[r] = bTable[n]
            }
            out.slots[k] = merged
        }
        return out
    }

    /// Every person number given, one per row (in no set order).
    public var values: [PersonID] {
        var out: [PersonID] = []
        out.reserveCapacity(count)
        for sheet in slots { for n in sheet where n != RowPersons.none { out.append(PersonID(n)) } }
        return out
    }

    /// Rows in (file, row) order, the order of `SourceRow`'s `<`. Walked in place: a list of
    /// the 2.3 million (row, person) pairs at 100× was 90 MB of fresh pages for each walk.
    public func makeIterator() -> Iterator {
        let order = keys.indices.sorted { keys[$0].file.utf8.lexicographicallyPrecedes(keys[$1].file.utf8) }
        return Iterator(sheets: order.map { (keys[$0].file, keys[$0].hash, slots[$0]) })
    }

    public var underestimatedCount: Int { count }

    /// The largest person number given, or nil when no row has one.
    public var largestNumber: Int? {
        var best: Int?
        for sheet in slots { for n in sheet where n != RowPersons.none && n > (best ?? Int.min) { best = n } }
        return best
    }

    /// Bytes of UTF-8 in the longest sheet name held.
    var longestFileName: Int { keys.map(\.file.utf8.count).max() ?? 0 }

    /// Walks the sheets in order, each sheet's slots in row order.
    public struct Iterator: IteratorProtocol {
        private let sheets: [(file: String, hash: Int, slots: [Int])]
        private var sheet = 0
        private var slots: [Int]
        private var row = 0

        fileprivate init(sheets: [(file: String, hash: Int, slots: [Int])]) {
            self.sheets = sheets
            slots = sheets.first?.slots ?? []
        }

        public mutating func next() -> (row: SourceRow, person: PersonID)? {
            while sheet < sheets.count {
                while row < slots.count {
                    let r = row
                    row += 1
                    let n = slots[r]
                    if n != RowPersons.none {
                        return (SourceRow(file: sheets[sheet].file, row: r, fileHash: sheets[sheet].hash), PersonID(n))
                    }
                }
                sheet += 1
                row = 0
                slots = sheet < sheets.count ? sheets[sheet].slots : []
            }
            return nil
        }
    }
}
