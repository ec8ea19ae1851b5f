extension PublicGuard {
    /// The place names the public pages print by design (prefecture, ward, its towns, the
    /// branch-office area and its 丁目), against which a needle is judged before the guard
    /// looks for it.
    ///
    /// The guard fails the whole run on a hit, and the statistics name every town and 丁目
    /// of the area. A row whose address was written only as far as its 丁目 (`大久保2丁目`),
    /// or only as the ward, or whose name was written as a surname that is also a town
    /// (`大久保`), made every run fail with nothing written, though the page held a place
    /// name, not the person. Such a needle cannot tell the two apart, and it names no one: it
    /// is left out, and everything that does name someone (a house number, a full name,
    /// a phone) is still looked for.
    struct PlaceWords: Sendable {
        /// Every part of every place name, folded as names are folded: a set, since it is asked
        /// once for each distinct name (400,000 at 100×), by bytes (`TextKey`), as both sides
        /// are folded alike.
        private let nameParts: Set<TextKey>
        /// The folded place names themselves, for a name longer than the parts kept.
        private let foldedWords: [String]
        /// Folded as addresses are folded, longest first, for the address test.
        private let asAddresses: [String]
        /// Whether a place name holds an ASCII digit; when none does, striking them from an
        /// address leaves its runs of ASCII digits as they were.
        private let wordsHaveDigits: Bool

        init(settings: Settings) {
            let words = [settings.prefecture, settings.wardName, settings.area.name]
                + settings.wardTowns + settings.area.towns.map(\.label)
            var parts = Set<TextKey>()
            foldedWords = words.map(NameFolding.name)
            // Parts up to `longestPart` characters only: every part of a word of n characters is
            // n² texts of up to n characters: a settings file with a 100,000-character prefecture
            // kept a run busy past two minutes (1,000 characters took 9.7 s). Settings now refuse
            // such a name; this keeps the cost bounded for any `Settings` however made.
            for w in foldedWords {
                let c = Array(w)
                for i in c.indices {
                    for j in i..<min(c.count, i + PlaceWords.longestPart) { parts.insert(TextKey(String(c[i...j]))) }
                }
            }
            nameParts = parts
            // The area's 丁目 labels are left out of what is struck from an address: what is
            // left of `大久保2丁目3` must keep its 2 to count as a house-level address.
            asAddresses = ([settings.prefecture, settings.wardName, settings.area.name] + settings.wardTowns)
                .map(PublicGuard.addressFolded).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            wordsHaveDigits = asAddresses.contains { $0.contains(where: \.isASCIIDigit) }
        }

        /// A name that is part of a place name (`大久保`, `百人`) is found wherever the town is
        /// printed, so it cannot be looked for.
        func isPlace(name folded: String) -> Bool {
            if nameParts.contains(TextKey(folded)) { return true }
            // A name past the parts kept (no one's name, but a cell can hold anything) is looked
            // for in the words themselves.
            guard folded.utf8.count > PlaceWords.longestPart, folded.count > PlaceWords.longestPart else { return false }
            return foldedWords.contains { $0.contains(folded) }
        }

        /// The longest part of a place name kept in `nameParts`, in characters: past any name.
        static let longestPart = 24

        /// An address names a household only with at least two numbers beyond the place
        /// names (`2-3-4`, `2丁目3番`, `二丁目三番`): `大久保2丁目`, `新宿区` or a town alone
        /// is what the area table prints.
        func namesAHousehold(address folded: String) -> Bool {
            // Most addresses are written in ASCII digits (`大久保2-3-4`): two runs of them settle
            // it without striking each of the ward's towns from each of 400,000 addresses.
            if !wordsHaveDigits, PlaceWords.numberRuns(in: folded, kanji: false) >= 2 { return true }
            // Asked by bytes first: `String.contains` compared Characters at every place of the
            // address for each of the ward's towns, most of the guard's needles at 1×.
            var rest = folded
            for w in asAddresses where Text.containsBytes(rest, w) { rest = rest.replacingOccurrences(of: w, with: " ") }
            return PlaceWords.numberRuns(in: rest, kanji: true) >= 2
        }

        /// Runs of numerals, by code point: every numeral is one, and walking Characters
        /// (grapheme breaking) was a tenth of building the needles.
        static func numberRuns(in s: String, kanji: Bool) -> Int {
            var runs = 0, inRun = false
            for u in s.unicodeScalars {
                let numeral = (0x30...0x39).contains(u.value) || (kanji && PublicGuard.isKanjiNumeral(u))
                if numeral && !inRun { runs += 1 }
                inRun = numeral
            }
            return runs
        }
    }

    /// Kanji that write numbers in addresses (`二丁目三番四号`, `十二番`).
    static func isKanjiNumeral(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": return true
        default: return false
        }
    }

    /// NFKC without white space: how the guard folds addresses and the texts it searches.
    static func addressFolded(_ s: String) -> String {
        Text.removingWhitespace(Text.nfkc(s))
    }
}
