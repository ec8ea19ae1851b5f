/// Why a phone cell is not a Japanese number.
public enum PhoneProblem: Error, Sendable, Equatable {
    /// Letters or signs other than the separators people type.
    case unexpectedCharacters
    /// Not 10–11 digits once normalised; carries the digit count.
    case wrongLength(digits: Int)
    /// Japanese domestic numbers start with 0.
    case noLeadingZero
}

/// A Japanese phone number reduced to its domestic digits (`0312345678`), the
/// form in which the same-person rules compare phones.
public struct PhoneNumber: Hashable, Sendable {
    public let digits: String

    /// Hyphenated for printing: 03-1234-5678, 090-1234-5678, 045-123-4567.
    /// (Area codes vary in length; this is for reading aloud, not for matching.)
    /// Written from the digits' bytes: every roster line and review pair prints one, and
    /// splitting an array of Characters into three strings was a third of building the rosters
    /// at 100× (perf). Digits of another length (never parsed, only built by hand) are printed
    /// as they are.
    public var formatted: String {
        var d = digits
        return d.withUTF8 { p -> String in
            let cuts: (Int, Int)
            switch p.count {
            case 11: cuts = (3, 7)
            case 10: cuts = p[0] == 0x30 && (p[1] == 0x33 || p[1] == 0x36) ? (2, 6) : (3, 6)
            default: return digits
            }
            return String(unsafeUninitializedCapacity: p.count + 2) { out in
                var n = 0
                for (i, b) in p.enumerated() {
                    if i == cuts.0 || i == cuts.1 { out[n] = 0x2D; n += 1 }
                    out[n] = b
                    n += 1
                }
                return n
            }
        }
    }

    /// Accepts `03-1234-5678`, `0312345678`, `03(1234)5678`, full-width forms,
    /// `090 1234 5678` and `+81 3 1234 5678` (`+81` becomes the leading 0).
    public static func parse(_ raw: String) -> Result<PhoneNumber, PhoneProblem> {
        let text = droppingNote(droppingLabel(unwrappingFormula(Text.nfkc(raw))))
        return parseASCII(text) ?? parseByScalar(text)
    }

    /// `="0312345678"`: how a system export or a careful clerk keeps Excel from dropping the
    /// leading 0 (a formula whose value is the text). The text inside is the number.
    static func unwrappingFormula(_ text: String) -> String {
        guard text.hasPrefix("=\""), text.hasSuffix("\""), text.count > 3 else { return text }
        return String(text.dropFirst(2).dropLast())
    }

    /// `TEL 03-1234-5678`, `℡03-…`, `電話：03-…`, `090-1234-5678 携帯`: a word that says what the
    /// number is, before it or after it, holds no digit and is dropped like a note in brackets.
    static func droppingLabel(_ text: String) -> String {
        // Nearly every cell starts and ends with a digit: two compares of bytes and out (no label
        // starts or ends with an ASCII digit byte). `text.last` broke graphemes backwards on
        // every row, most of this function's cost.
        guard let head = text.utf8.first, let tail = text.utf8.last, !((0x30...0x39).contains(head) && (0x30...0x39).contains(tail)),
              let first = text.first else { return text }
        var t = Substring(text)
        if !first.isASCIIDigit, first != "+", first != "(",
           let label = ["電話番号", "電話", "携帯", "自宅", "TEL", "Tel", "tel"].first(where: { t.hasPrefix($0) }) {
            t = t.dropFirst(label.count).drop { $0 == ":" || $0 == "." || $0.isWhitespace }
        }
        if let label = ["携帯", "自宅"].first(where: { t.hasSuffix($0) }), t.dropLast(label.count).last?.isWhitespace == true {
            t = t.dropLast(label.count)
            while t.last?.isWhitespace == true { t = t.dropLast() }
        }
        // A label alone (`自宅`) is no number: left as written, to be refused as such.
        return t.isEmpty ? text : String(t)
    }

    /// `03-1234-5678（自宅）`, `090-1234-5678(携帯)`: a short note in brackets after the number,
    /// with no digit in it, is how many clerks tell two numbers apart. It is dropped (only the
    /// digits are kept); a note with digits (`内線12`) still makes the number unreadable.
    /// The same note before the number (`(携帯)090-1234-5678`) is dropped too; `(03)1234-5678`
    /// has digits in its brackets and stays as it is.
    static func droppingNote(_ text: String) -> String {
        if text.hasPrefix("("), let close = text.firstIndex(of: ")") {
            let note = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if isNote(note), after.contains(where: \.isNumber) {
                return droppingNote(String(after.drop { $0.isWhitespace }))
            }
        }
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
        let note = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let before = text[..<open]
        guard isNote(note), before.contains(where: \.isNumber), !before.hasSuffix(")") else { return text }
        return String(before)
    }

    /// A short note with no digit, and not one that says the number is a fax (no phone for a call).
    private static func isNote(_ note: Substring) -> Bool {
        !note.isEmpty && note.count <= 10 && !note.contains(where: \.isNumber)
            && !["fax", "ファックス", "ファクス"].contains { note.lowercased().contains($0) }
    }

    /// Hyphens, dashes and the long-vowel mark clerks type between groups of digits (in
    /// phone numbers, and in postal codes written before an address).
    static func isDash(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "-", "\u{2010}"..."\u{2015}", "\u{2212}", "\u{30FC}", "\u{FF70}": return true
        default: return false
        }
    }

    /// The reading of any text, already in NFKC.
    static func parseByScalar(_ text: String) -> Result<PhoneNumber, PhoneProblem> {
        var digits = ""
        var sawPlus = false
        for u in text.unicodeScalars {
            switch u {
            case "0"..."9": digits.unicodeScalars.append(u)
            case "+" where digits.isEmpty && !sawPlus: sawPlus = true
            case _ where isDash(u):
                continue
            case "(", ")", ".", " ", "\u{3000}", "\t":
                continue
            default: return .failure(.unexpectedCharacters)
            }
        }
        return finish(digits, sawPlus: sawPlus)
    }

    /// The same reading over bytes, for text that is all ASCII (nearly every phone once NFKC
    /// has mapped the full-width forms): building the digits scalar by scalar was a quarter of
    /// reading a person. Nil when the text holds anything else, for `parseByScalar`.
    static func parseASCII(_ text: String) -> Result<PhoneNumber, PhoneProblem>? {
        var text = text
        var sawPlus = false, nonASCII = false, unexpected = false
        let digits = text.withUTF8 { p in
            String(unsafeUninitializedCapacity: p.count) { out in
                var n = 0
                for b in p {
                    switch b {
                    case 0x30...0x39:
                        out[n] = b
                        n += 1
                    case 0x2B where n == 0 && !sawPlus: sawPlus = true
                    case 0x2D, 0x28, 0x29, 0x2E, 0x20, 0x09: continue
                    case 0x80...: nonASCII = true; return 0
                    default: unexpected = true; return 0  // as `parseByScalar`: the first such character decides
                    }
                }
                return n
            }
        }
        if nonASCII { return nil }
        if unexpected { return .failure(.unexpectedCharacters) }
        return finish(digits, sawPlus: sawPlus)
    }

    private static func finish(_ digits: String, sawPlus: Bool) -> Result<PhoneNumber, PhoneProblem> {
        var digits = digits
        if sawPlus {
            guard digits.hasPrefix("81") else { return .failure(.unexpectedCharacters) }
            // `+81 (0)3 …` keeps its trunk 0; `+81 3 …` gets it back.
            let national = digits.dropFirst(2)
            digits = national.hasPrefix("0") ? String(national) : "0" + national
        }
        guard (10...11).contains(digits.count) else { return .failure(.wrongLength(digits: digits.count)) }
        guard digits.hasPrefix("0") else { return .failure(.noLeadingZero) }
        return .success(PhoneNumber(digits: digits))
    }
}
