import Dispatch
import Synchronization

/// The last check before files that anyone may see are written: no name,
/// phone or address from the input may appear in them. HTML is read as a
/// reader sees it (libxml2 text nodes), CSV cell by cell, other text line by
/// line. A hit fails the run and names the file, never the person.
public enum PublicGuard {
    public struct Leak: Error, Sendable {
        public let file: String
        public let what: String
    }

    /// Paths under Output/ that are public (not staff-only, not confidential).
    public static func isPublic(_ path: String) -> Bool {
        path == "summary.json" || path.hasPrefix("schedule.") || path.hasPrefix("stats/") || path.hasPrefix("history/")
    }

    /// What to look for: every name, phone and address of the accepted rows,
    /// folded. Built from the intake alone, so a run builds it while the
    /// identity step runs on the other core.
    public struct Needles: Sendable {
        let names: NeedleIndex
        let addresses: NeedleIndex
        let phones: Set<String>

        public init(intake: IntakeResult) {
            var names = Set<String>(), addresses = Set<String>()
            // By bytes: hashing every raw Japanese spelling (or every phone) as a String, which
            // hashes its normal form, dominated this step. Names come folded from intake.
            var seenName = Set<TextKey>(), seenAddress = Set<TextKey>(), seenPhone = Set<TextKey>()
            for row in intake.rows {
                let p: PersonFields
                var address: String?
                switch row.record {
                case .member(let m)?: p = m.person
                case .visit(let v)?: p = v.person; address = v.residence.written
                case .application(let a)?: p = a.person; address = a.residence.written
                case nil: continue
                }
                seenPhone.insert(TextKey(p.phone.digits))
                // Rows repeat the same spellings; count each once.
                if seenName.insert(TextKey(p.foldedName)).inserted, p.foldedName.count >= 2 { names.insert(p.foldedName) }
                if let a = address, seenAddress.insert(TextKey(a)).inserted {
                    let f = Text.removingWhitespace(Text.nfkc(a))
                    if f.count >= 6 { addresses.insert(f) }
                }
            }
            self.names = NeedleIndex(names)
            self.addresses = NeedleIndex(addresses)
            self.phones = Set(seenPhone.map(\.text))
        }
    }

    public static func check(_ files: [OutputFile], intake: IntakeResult) throws(Leak) {
        try check(files, needles: Needles(intake: intake))
    }

    /// Checks the public files on all cores (each is read on its own) and throws
    /// the leak of the first offending file in the order given.
    public static func check(_ files: [OutputFile], needles: Needles) throws(Leak) {
        let open = files.filter { isPublic($0.path) && !$0.confidential }
        HTMLGuard.prepare()
        let leaks = Mutex([Int: Leak]())
        DispatchQueue.concurrentPerform(iterations: open.count) { i in
            if let leak = firstLeak(in: open[i], needles) { leaks.withLock { $0[i] = leak } }
        }
        if let first = leaks.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    }

    static func firstLeak(in f: OutputFile, _ needles: Needles) -> Leak? {
        let text = String(decoding: f.bytes, as: UTF8.self)
        let segments: [String]
        if f.path.hasSuffix(".html") {
            segments = HTMLGuard.textNodes(text)
        } else if f.path.hasSuffix(".csv"), case .success(let records) = CSVParser.parse(Array(f.bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })) {
            segments = records.flatMap(\.cells)
        } else {
            segments = text.replacingOccurrences(of: "\r\n ", with: "").split(whereSeparator: \.isNewline).map(String.init)
        }
        for s in segments {
            if needles.names.occurs(in: NameFolding.name(s)) { return Leak(file: f.path, what: "氏名 (a name)") }
            if needles.addresses.occurs(in: Text.removingWhitespace(Text.nfkc(s))) { return Leak(file: f.path, what: "住所 (an address)") }
            for run in digitRuns(s) where needles.phones.contains(run) { return Leak(file: f.path, what: "電話番号 (a phone number)") }
        }
        return nil
    }

    /// `-()ー−‐` and space: a switch, not `String.contains`, which walked the set's
    /// Characters for every character of every page.
    static func isPhoneSeparator(_ c: Character) -> Bool {
        switch c {
        case "-", "(", ")", "ー", "−", "‐", " ": return true
        default: return false
        }
    }

    /// Runs of digits with the separators phones are written with, as digits.
    static func digitRuns(_ s: String) -> [String] {
        let text = Text.nfkc(s)
        // A run needs ten ASCII digits, each one byte of the text: most text (a page's
        // messages, headings) has fewer, and walking its Characters was half of this step.
        if text.utf8.lazy.filter({ (0x30...0x39).contains($0) }).count < 10 { return [] }
        var out: [String] = [], cur = ""
        for c in text {
            if c.isASCIIDigit { cur.append(c) } else if PublicGuard.isPhoneSeparator(c) && !cur.isEmpty { continue } else {
                if cur.count >= 10 { out.append(cur) }
                cur = ""
            }
        }
        if cur.count >= 10 { out.append(cur) }
        return out
    }
}

/// Needles grouped by their first two code points, so that a text is
/// scanned once whatever the number and lengths of the needles. Both sides
/// are NFKC-folded, so comparing scalars finds every occurrence that
/// comparing Characters would (and a needle inside a longer cluster too,
/// which for a leak check errs on the safe side). Keys are integers, not
/// two-character Strings, whose hashing was most of this step.
struct NeedleIndex: Sendable {
    private var byStart: [UInt64: [[Unicode.Scalar]]] = [:]

    init(_ needles: Set<String>) {
        for n in needles {
            let c = Array(n.unicodeScalars)
            guard c.count >= 2 else { continue }
            byStart[NeedleIndex.key(c[0], c[1]), default: []].append(c)
        }
    }

    @inline(__always)
    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    func occurs(in string: String) -> Bool {
        let text = Array(string.unicodeScalars)
        guard text.count >= 2, !byStart.isEmpty else { return false }
        for i in 0..<(text.count - 1) {
            guard let candidates = byStart[NeedleIndex.key(text[i], text[i + 1])] else { continue }
            for c in candidates where c.count <= text.count - i && text[i..<(i + c.count)].elementsEqual(c) { return true }
        }
        return false
    }
}
