import Dispatch
import Synchronization

/// The last check before files that anyone may see are written: no name,
/// phone or address from the input may appear in them. HTML is read as a
/// reader sees it (libxml2 text nodes), CSV cell by cell, other text line by
/// line. A hit fails the run and names the file, never the person.
public enum PublicGuard {
    /// A public file that contained personal data, and what kind (never the data itself).
    public struct Leak: Error, Sendable {
        public let file: String
        public let what: String
    }

    /// Paths under Output/ that are public (not staff-only, not confidential).
    public static func isPublic(_ path: String) -> Bool {
        path == "summary.json" || path.hasPrefix("schedule.") || path.hasPrefix("stats/") || path.hasPrefix("history/")
    }

    public static func check(_ files: [OutputFile], intake: IntakeResult) throws(Leak) {
        try check(files, needles: Needles(intake: intake))
    }

    /// Checks the public files on all cores and throws the leak of the first offending file in
    /// the order given.
    ///
    /// Read in two rounds: each file is cut into the texts a reader sees, then those texts are
    /// searched in chunks. By files alone, the largest (history/last-run.json, 60,000 lines at
    /// 100×) was searched on one core for a second while the other sat idle.
    public static func check(_ files: [OutputFile], needles: Needles) throws(Leak) {
        let open = files.filter { isPublic($0.path) && !$0.confidential }
        HTMLGuard.prepare()
        let texts = Parallel.map(open, PublicGuard.segments)
        let chunk = 512
        let chunks = open.indices.flatMap { i in
            let n = texts[i].count
            return stride(from: 0, to: n, by: chunk).map { (file: i, range: $0..<min(n, $0 + chunk)) }
        }
        // (file, first segment of the chunk) → what leaked; the least key is the first leak in order.
        let leaks = Mutex([[Int]: String]())
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let (file, range) = chunks[c]
            guard let what = firstLeak(in: texts[file][range], needles) else { return }
            leaks.withLock { $0[[file, range.lowerBound]] = what }
        }
        if let first = leaks.withLock({ $0.min { $0.key.lexicographicallyPrecedes($1.key) } }) {
            throw Leak(file: open[first.key[0]].path, what: first.value)
        }
    }

    /// The texts of a file as a reader sees them: an HTML page's text nodes, a CSV file's
    /// cells, other files' lines.
    static func segments(of f: OutputFile) -> [String] {
        let text = String(decoding: f.bytes, as: UTF8.self)
        if f.path.hasSuffix(".html") { return HTMLGuard.textNodes(text) }
        if f.path.hasSuffix(".csv"), case .success(let records) = CSVParser.parse(Array(f.bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })) {
            return records.flatMap(\.cells)
        }
        return text.replacingOccurrences(of: "\r\n ", with: "").split(whereSeparator: \.isNewline).map(String.init)
    }

    /// What the first leaking text of `texts` holds: a name, an address or a phone.
    static func firstLeak(in texts: ArraySlice<String>, _ needles: Needles) -> String? {
        for s in texts {
            if needles.names.occurs(in: NameFolding.name(s)) { return "氏名 (a name)" }
            if needles.addresses.occurs(in: PublicGuard.addressFolded(s)) { return "住所 (an address)" }
            for run in digitRuns(s) where PublicGuard.phoneCode(run).map(needles.phones.contains) == true {
                return "電話番号 (a phone number)"
            }
        }
        return nil
    }

    /// A run of ASCII digits as one number, a leading 1 keeping its length (`0312345678` is
    /// 10312345678): a set of 400,000 phones as Strings was hashed and compared as text for
    /// every row at 100×. Nil for anything else, and for runs too long to be a phone.
    static func phoneCode(_ digits: String) -> UInt64? {
        var text = digits
        return text.withUTF8 { p -> UInt64? in
            guard p.count <= 18 else { return nil }
            var code: UInt64 = 1
            for b in p {
                guard (0x30...0x39).contains(b) else { return nil }
                code = code * 10 + UInt64(b - 0x30)
            }
            return code
        }
    }

    /// Every dash the phone reader accepts (`PhoneNumber.isDash`: a phone typed with an en
    /// dash in an event title is a phone all the same), brackets and space. Switches, not
    /// `String.contains`, which walked the set's Characters for every character of every page.
    static func isPhoneSeparator(_ c: Character) -> Bool {
        switch c {
        case "(", ")", " ": return true
        default:
            let scalars = c.unicodeScalars
            guard let u = scalars.first, scalars.count == 1 else { return false }
            return PhoneNumber.isDash(u)
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

/// Needles found by their first two code points and their length, so that a
/// text is scanned once whatever the number of needles. Both sides are
/// NFKC-folded, so comparing scalars finds every occurrence that comparing
/// Characters would (and a needle inside a longer cluster too, which for a
/// leak check errs on the safe side).
///
/// At each place of the text, a bit table of the first two code points turns
/// most places away at once; where it does not, the text is looked up at each
/// needle length that starts so. Comparing every needle with the same start
/// was most of the guard: a town's name starts some 100,000 addresses at 100×,
/// and the statistics pages name the towns.
struct NeedleIndex: Sendable {
    /// The lengths (in code points) of the needles with each start, shortest first.
    private var lengths: [UInt64: [Int]] = [:]
    /// Needles by the hash of their code points (a collision is told apart by comparing).
    private var byHash: [UInt64: [[Unicode.Scalar]]] = [:]
    /// One bit per start, at `slot(key)`.
    private var starts = [UInt64](repeating: 0, count: NeedleIndex.slots / 64)
    private static let slots = 1 << 16

    /// `needles` may repeat one (two spellings of an address fold alike); it is kept once.
    init(_ needles: [String]) {
        // Each table is reached once per needle, through its `default:` accessor, and sized up
        // front: three look-ups of each and the tables' growth were most of building the index
        // (400,000 names and as many addresses at 100×).
        byHash.reserveCapacity(needles.count)
        var c: [Unicode.Scalar] = []
        for n in needles {
            c.removeAll(keepingCapacity: true)
            c.append(contentsOf: n.unicodeScalars)
            guard c.count >= 2 else { continue }
            guard NeedleIndex.add(c, to: &byHash[NeedleIndex.hash(c[...]), default: []]) else { continue }
            let k = NeedleIndex.key(c[0], c[1])
            NeedleIndex.add(c.count, to: &lengths[k, default: []])
            let slot = NeedleIndex.slot(k)
            starts[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        lengths = lengths.mapValues { $0.sorted() }
    }

    /// Adds the needle unless the bucket holds it; whether it was added.
    private static func add(_ needle: [Unicode.Scalar], to bucket: inout [[Unicode.Scalar]]) -> Bool {
        if bucket.contains(needle) { return false }
        bucket.append(needle)
        return true
    }

    /// Adds a length unless the list holds it (a start has a few lengths at most).
    private static func add(_ length: Int, to list: inout [Int]) {
        if !list.contains(length) { list.append(length) }
    }

    @inline(__always)
    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48) }

    @inline(__always)
    private static func mix(_ h: UInt64, _ u: Unicode.Scalar) -> UInt64 {
        let x = (h ^ UInt64(u.value)) &* 0x9E37_79B9_7F4A_7C15
        return x ^ x >> 29
    }

    private static func hash(_ c: ArraySlice<Unicode.Scalar>) -> UInt64 {
        c.reduce(0xcbf2_9ce4_8422_2325, mix)
    }

    func occurs(in string: String) -> Bool {
        let text = Array(string.unicodeScalars)
        guard text.count >= 2, !lengths.isEmpty else { return false }
        for i in 0..<(text.count - 1) {
            let k = NeedleIndex.key(text[i], text[i + 1]), slot = NeedleIndex.slot(k)
            guard starts[slot >> 6] & 1 << UInt64(slot & 63) != 0, let ls = lengths[k] else { continue }
            // The hash of text[i..<end], grown one code point at a time to each length.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325, end = i
            for n in ls {
                guard i + n <= text.count else { break }
                while end < i + n { h = NeedleIndex.mix(h, text[end]); end += 1 }
                if let found = byHash[h], found.contains(where: { text[i..<end].elementsEqual($0) }) { return true }
            }
        }
        return false
    }
}
