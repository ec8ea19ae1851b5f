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
        return lines(text)
    }

    /// The lines of a text file as a reader sees them: lines folded as iCalendar folds them (CR LF
    /// and a space) joined again, then split at every line break `Character.isNewline` knows,
    /// empty lines left out. On the UTF-8 bytes: Foundation's replacing and a split by Characters
    /// were 4% of a run's instructions at 1×, over the digests of history/. A line break is a
    /// Character of its own (CR LF one Character, every other break one scalar), so splitting
    /// at each break's bytes splits where the Characters do. A fold before a combining mark is
    /// joined too, as a calendar joins it; Foundation's search, taking the space and the mark
    /// for one Character, left it.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { p in
            var out: [String] = [], line: [UInt8] = []
            func end() {
                if !line.isEmpty { out.append(String(decoding: line, as: UTF8.self)) }
                line.removeAll(keepingCapacity: true)
            }
            var i = 0
            while i < p.count {
                let b = p[i]
                if b == 0x0D, i + 2 < p.count, p[i + 1] == 0x0A, p[i + 2] == 0x20 {
                    i += 3
                    continue
                }
                // LF, VT, FF, CR; NEL (C2 85); LS and PS (E2 80 A8, E2 80 A9).
                if (0x0A...0x0D).contains(b) {
                    end()
                    i += 1
                } else if b == 0xC2, i + 1 < p.count, p[i + 1] == 0x85 {
                    end()
                    i += 2
                } else if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 {
                    end()
                    i += 3
                } else {
                    line.append(b)
                    i += 1
                }
            }
            end()
            return out
        }
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

    /// `digitRuns` of ASCII text, by bytes; nil for other text. In ASCII each byte is a Character
    /// but for CR LF, and either half ends a run as the pair does. Walking Characters was most of
    /// this step for the files of digests (history/), whose hex has ten digits in most lines.
    static func asciiDigitRuns(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { p -> [String]? in
            guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [String] = [], digits: [UInt8] = []
            func flush() {
                if digits.count >= 10 { out.append(String(decoding: digits, as: UTF8.self)) }
                digits.removeAll(keepingCapacity: true)
            }
            for b in p {
                switch b {
                case 0x30...0x39: digits.append(b)
                case 0x28, 0x29, 0x20, 0x2D: continue  // ( ) space -: inside a run, or before one
                default: flush()
                }
            }
            flush()
            return out
        }
    }

    /// Runs of digits with the separators phones are written with, as digits (ten or more: what
    /// a phone number in a text looks like). Public for the fuzz targets, which look for phone
    /// numbers where none may be.
    public static func digitRuns(_ s: String) -> [String] {
        let text = Text.nfkc(s)
        // A run needs ten ASCII digits, each one byte of the text: most text (a page's
        // messages, headings) has fewer, and walking its Characters was half of this step.
        if text.utf8.lazy.filter({ (0x30...0x39).contains($0) }).count < 10 { return [] }
        return asciiDigitRuns(text) ?? characterDigitRuns(text)
    }

    /// The numbers typed like phones anywhere in a sheet (ten or eleven digits from a 0, in any
    /// cell, read in the sheet's own encoding), but the messages' own example 03-1234-5678: what no
    /// file that is not confidential may hold, whether its row was accepted or not. Public for
    /// the fuzz targets and their replay tests; empty for a sheet that cannot be decoded.
    public static func phoneLikeNumbers(inSheet bytes: [UInt8]) -> Set<String> {
        guard case .success(let decoded) = SheetDecoder.decode(bytes) else { return [] }
        var phones = Set(digitRuns(String(decoding: decoded.utf8, as: UTF8.self)).filter { $0.hasPrefix("0") && $0.count <= 11 })
        phones.remove("0312345678")
        return phones
    }

    /// `digitRuns` of any text, Character by Character.
    static func characterDigitRuns(_ text: String) -> [String] {
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
