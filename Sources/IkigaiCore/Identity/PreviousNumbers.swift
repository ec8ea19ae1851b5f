/// What the previous run left in `people/ids.csv` for this one: the person number of each
/// profile (by the digest of its key), and the first row the profile held then.
///
/// The first row is what lets a profile that splits (one name on one phone, ages one person
/// cannot have) keep its key with the rows that had it: a visit typed 87 for 78 arriving in
/// May once took the key, the person number and the published lottery ticket of the man
/// who had applied in April, because the older of the two came first by age.
///
/// Held as one array sorted by digest, each first row as a sheet's place in a short list and
/// a row number: read into two dictionaries keyed by the hex digest, the 400,000 profiles of
/// a 100× year were about 190 MB of the monthly run's peak, held through the whole
/// same-person step.
public struct PreviousNumbers: Sendable, ExpressibleByDictionaryLiteral {
    struct Entry {
        let digest: ProfileDigest
        let number: Int
        /// Index in `files`, or -1 when the line gave no first row.
        let file: Int32
        let row: Int32
    }

    private let entries: [Entry]
    private let files: [(name: String, hash: Int)]
    /// The highest number given in the file, also on a line whose digest names no profile (an
    /// edited cell): new people are numbered after it, never with a number someone held.
    public let highest: Int
    /// Whether the file gave first rows (one written before they were added gives none).
    public let hasFirstRows: Bool

    public init() { self.init(Builder()) }

    public init(dictionaryLiteral elements: (ProfileDigest, Int)...) {
        var b = Builder()
        // The first of a repeated digest, as a dictionary literal keeps it.
        for (digest, number) in elements.reversed() { b.note(number: number, digest: digest) }
        self.init(b)
    }

    /// What a register leaves for the next run (`people/ids.csv`).
    public init(_ ids: [PersonRegister.ProfileNumber]) {
        var b = Builder()
        for e in ids { b.note(number: e.person, digest: e.digest, first: e.first) }
        self.init(b)
    }

    /// The lines of an `ids.csv` in file order, made into look-ups.
    public init(_ builder: Builder) {
        let lines = builder.lines
        // By digest, and within one digest in file order, so that the later line wins below.
        let order = lines.indices.sorted { (lines[$0].digest, $0) < (lines[$1].digest, $1) }
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count)
        var i = 0
        while i < order.count {
            var j = i, number = 0, file: Int32 = -1, row: Int32 = 0
            while j < order.count, lines[order[j]].digest == lines[order[i]].digest {
                let line = lines[order[j]]
                number = line.number
                if line.file >= 0 { (file, row) = (line.file, line.row) }
                j += 1
            }
            entries.append(Entry(digest: lines[order[i]].digest, number: number, file: file, row: row))
            i = j
        }
        self.entries = entries
        files = builder.files
        highest = builder.highest
        hasFirstRows = entries.contains { $0.file >= 0 }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The number the profile of `digest` had.
    public func number(of digest: ProfileDigest) -> Int? { find(digest).map { entries[$0].number } }

    /// The first row the profile of `digest` had.
    public func firstRow(of digest: ProfileDigest) -> SourceRow? {
        guard let i = find(digest), entries[i].file >= 0 else { return nil }
        let f = files[Int(entries[i].file)]
        return SourceRow(file: f.name, row: Int(entries[i].row), fileHash: f.hash)
    }

    /// The same numbers without first rows, as an `ids.csv` written before they were added.
    public var withoutFirstRows: PreviousNumbers {
        var b = Builder()
        for e in entries { b.note(number: e.number, digest: e.digest) }
        b.highest = highest
        return PreviousNumbers(b)
    }

    private func find(_ digest: ProfileDigest) -> Int? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].digest < digest { lo = mid + 1 } else { hi = mid }
        }
        return lo < entries.count && entries[lo].digest == digest ? lo : nil
    }

    /// Gathers the lines of an `ids.csv` as they are read.
    public struct Builder: Sendable {
        struct Line {
            let digest: ProfileDigest
            let number: Int
            let file: Int32
            let row: Int32
        }

        fileprivate var lines: [Line] = []
        fileprivate var files: [(name: String, hash: Int)] = []
        fileprivate var highest = 0
        private var fileIndex: [String: Int32] = [:]

        public init() {}

        public mutating func reserveCapacity(_ n: Int) { lines.reserveCapacity(n) }

        /// One line; a later line for the same digest wins, as it did when the file was read
        /// into a dictionary. A number this tool cannot have given (zero, negative, or past
        /// `PersonNumbering.largest`) is an edited cell and is left out; a digest that names no
        /// profile (nil) still keeps its number from being given again. A first row past what
        /// 32 bits hold is no row of a sheet that fits in memory, and is left out.
        public mutating func note(number: Int, digest: ProfileDigest?, first: SourceRow? = nil) {
            note(number: number, digest: digest, file: first?.file, row: first?.row)
        }

        /// `note(number:digest:first:)` with the first row's sheet and row apart, so that a
        /// sheet's name read on every line is not hashed on every line.
        mutating func note(number: Int, digest: ProfileDigest?, file name: String?, row firstRow: Int?) {
            guard number > 0, number <= PersonNumbering.largest else { return }
            highest = max(highest, number)
            guard let digest else { return }
            var file: Int32 = -1, row: Int32 = 0
            if let name, let r = firstRow.flatMap({ Int32(exactly: $0) }) {
                if let known = fileIndex[name] {
                    file = known
                } else {
                    file = Int32(files.count)
                    fileIndex[name] = file
                    files.append((name, name.hashValue))
                }
                row = r
            }
            lines.append(Line(digest: digest, number: number, file: file, row: row))
        }
    }
}
