import Foundation

/// Where an address cell points, as far as eligibility and the area
/// statistics need to know: in the ward (with town and 丁目 when given), in
/// another municipality, or not recognisable.
public enum Address: Sendable, Equatable {
    case inWard(town: String?, chome: Int?)
    /// Another prefecture, ward, city or county; carries what was recognised.
    case elsewhere(String)
    /// Neither: the row is held for a person to look at, never guessed.
    case unrecognised
}

/// Parses addresses against the ward from settings.
public struct AddressParser: Sendable {
    public let prefecture: String
    public let ward: String
    /// A city's ward without its city (`北区` of `大阪市北区`), as its own clerks write it; nil
    /// for a ward that is no city's (`新宿区`).
    let wardOfCity: String?
    /// Folded town names, longest first so that 北新宿 wins over 新宿.
    let towns: [(folded: String, name: String)]
    /// The towns again, by the UTF-8 bytes of their first character (`FirstScalar`), each list
    /// longest first: most addresses give the town first, and trying each of a ward's hundred
    /// towns in turn was a tenth of the address parse.
    let townsByFirst: [UInt32: [(folded: String, name: String)]]

    public init(prefecture: String, ward: String, towns: [String]) {
        self.prefecture = AddressParser.fold(prefecture)
        let folded = AddressParser.fold(ward)
        self.ward = folded
        let afterCity = folded.range(of: "市", options: .backwards).map { String(folded[$0.upperBound...]) }
        self.wardOfCity = afterCity.flatMap { $0.count >= 2 && $0.hasSuffix("区") ? $0 : nil }
        self.towns = towns.map { (AddressParser.fold($0), $0) }.sorted { $0.folded.count > $1.folded.count }
        self.townsByFirst = Dictionary(grouping: self.towns, by: { FirstScalar.key(Substring($0.folded)) })
    }

    /// NFKC, no white space, and ヶ/ケ/ヵ/ｹ as one (霞ヶ丘町 is written all four ways).
    static func fold(_ s: String) -> String {
        var t = Text.removingWhitespace(Text.nfkc(s))
        // On the UTF-8 bytes: ケ (E3 82 B1) and ヵ (E3 83 B5) become ヶ (E3 83 B6), three bytes for
        // three. The walk over scalars looking for them showed in the parse of every address.
        let marks = t.withUTF8 { p -> [Int] in
            var at: [Int] = []
            var i = 0
            while i + 2 < p.count {
                if p[i] == 0xE3, (p[i + 1] == 0x82 && p[i + 2] == 0xB1) || (p[i + 1] == 0x83 && p[i + 2] == 0xB5) { at.append(i) }
                i += 1
            }
            return at
        }
        if marks.isEmpty { return t }
        var bytes = Array(t.utf8)
        for i in marks {
            bytes[i + 1] = 0x83
            bytes[i + 2] = 0xB6
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Prefix tests on UTF-8 bytes: both sides are folded, so the bytes decide,
    /// and Character-by-Character `hasPrefix` was the hottest part of intake.
    /// By memcmp where both are contiguous (always, for strings built in this
    /// process): the generic `starts(with:)` over UTF-8 views, run against every
    /// prefecture and town for each address, was most of the address parse.
    @inline(__always)
    static func starts(_ s: Substring, with prefix: String) -> Bool {
        let fast = s.utf8.withContiguousStorageIfAvailable { a in
            prefix.utf8.withContiguousStorageIfAvailable { b -> Bool in
                guard a.count >= b.count else { return false }
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return b.isEmpty }
                return memcmp(pa, pb, b.count) == 0
            }
        }
        return (fast ?? nil) ?? s.utf8.starts(with: prefix.utf8)
    }

    @inline(__always)
    static func dropping(_ s: Substring, _ prefix: String) -> Substring {
        s[s.utf8.index(s.startIndex, offsetBy: prefix.utf8.count)...]
    }

    public func parse(_ raw: String) -> Address { parseWithHouse(raw).address }

    /// `parse`, and for an address in a town of the ward the house it names (`HouseNumber`).
    public func parseWithHouse(_ raw: String) -> (address: Address, house: HouseNumber?) {
        var s = AddressParser.droppingPostalCode(Substring(AddressParser.fold(raw)))
        if AddressParser.starts(s, with: prefecture) {
            s = AddressParser.dropping(s, prefecture)
        } else if let other = Prefectures.prefix(of: s) {
            return (.elsewhere(other), nil)
        }
        if AddressParser.starts(s, with: ward) {
            s = AddressParser.dropping(s, ward)
            // `新宿区新宿区大久保…`, the ward pasted twice, would otherwise read as the town 新宿.
            if AddressParser.starts(s, with: ward) { s = AddressParser.dropping(s, ward) }
            guard let (name, rest) = matchTown(s) else { return (.inWard(town: nil, chome: nil), nil) }
            return (.inWard(town: name, chome: AddressParser.chome(rest)), HouseNumber.read(rest))
        }
        if let (name, rest) = matchTown(s) {
            return (.inWard(town: name, chome: AddressParser.chome(rest)), HouseNumber.read(rest))
        }
        // `北区中崎…` in 大阪市北区: the ward's short name, then a town of the ward.
        if let short = wardOfCity, AddressParser.starts(s, with: short),
           let (name, rest) = matchTown(AddressParser.dropping(s, short)) {
            return (.inWard(town: name, chome: AddressParser.chome(rest)), HouseNumber.read(rest))
        }
        if let municipality = AddressParser.municipalityPrefix(s) { return (.elsewhere(municipality), nil) }
        // `東京都` alone, or followed by no municipality and no town of the ward, says neither
        // that the person lives in the ward nor that they live elsewhere: it is held, not refused.
        return (.unrecognised, nil)
    }

    /// Clerks often copy the postal code in front (`〒169-0072 東京都…`, `1690072新宿区…`);
    /// it says nothing the rest does not, so it is dropped. Only a whole code (three digits,
    /// an optional hyphen, four digits), so that `2-3-4` after a town is never taken for one.
    static func droppingPostalCode(_ s: Substring) -> Substring {
        // Most addresses start with a kanji (lead byte E4–E9): one compare and out. 〒 is
        // E3 80 92, and a code starts with a digit.
        guard let lead = s.utf8.first, lead == 0xE3 || (0x30...0x39).contains(lead) else { return s }
        var rest = s
        let hadMark = rest.first == "〒"
        if hadMark { rest = rest.dropFirst() }
        var t = rest
        func digits(_ n: Int) -> Bool {
            let d = t.prefix(n)
            guard d.count == n, d.allSatisfy(\.isASCIIDigit) else { return false }
            t = t.dropFirst(n)
            return true
        }
        guard digits(3) else { return hadMark ? rest : s }
        if let u = t.unicodeScalars.first, PhoneNumber.isDash(u) { t = t.dropFirst() }
        guard digits(4), t.first?.isASCIIDigit != true, !t.isEmpty else { return hadMark ? rest : s }
        return t
    }

    private func matchTown(_ s: Substring) -> (String, Substring)? {
        for t in townsByFirst[FirstScalar.key(s)] ?? [] where AddressParser.starts(s, with: t.folded) {
            return (t.name, AddressParser.dropping(s, t.folded))
        }
        return nil
    }

    /// `中野区…`, `横浜市…`, `西多摩郡…`: a municipality name of up to six
    /// characters before 区/市/郡/町/村, with no digits in it.
    static func municipalityPrefix(_ s: Substring) -> String? {
        for (i, c) in s.prefix(7).enumerated() {
            if c.isASCIIDigit || c == "-" { return nil }
            if i >= 1, "区市郡町村".contains(c) { return String(s.prefix(i + 1)) }
        }
        return nil
    }

    /// The 丁目 at the start of `rest`: `2丁目`, `二丁目`, or the first number of
    /// `2-3-4` (any dash, the long-vowel mark ー an IME puts for one, or `2の3の4`).
    /// A lone number (`1番地`) is a lot number, not a 丁目.
    static func chome(_ rest: Substring) -> Int? {
        if let decided = rest.utf8.withContiguousStorageIfAvailable({ ChomeBytes.read($0) }), let answer = decided {
            return answer
        }
        return chomeByCharacter(rest)
    }

    /// `chome` Character by Character, for text the byte reader leaves alone.
    static func chomeByCharacter(_ rest: Substring) -> Int? {
        let kanji = rest.prefix { KanjiNumeral.digits[$0] != nil || $0 == "十" }
        if !kanji.isEmpty, rest.dropFirst(kanji.count).hasPrefix("丁目") {
            return KanjiNumeral.value(of: kanji)
        }
        let digits = rest.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        if after.hasPrefix("丁目") { return n }
        if let u = after.unicodeScalars.first, PhoneNumber.isDash(u) || u == "の", after.dropFirst().first?.isASCIIDigit == true { return n }
        return nil
    }
}

/// Kanji numerals as written in 丁目 (一 … 九十九).
enum KanjiNumeral {
    static let digits: [Character: Int] = [
        "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 〇 … 九 as digits, 十 as 10, by code point: for the readers that walk UTF-8 bytes
    /// (`ChomeBytes`, `HouseNumber`).
    static func digit(_ u: UInt32) -> Int? {
        switch u {
        case 0x3007: 0   // 〇
        case 0x4E00: 1   // 一
        case 0x4E8C: 2   // 二
        case 0x4E09: 3   // 三
        case 0x56DB: 4   // 四
        case 0x4E94: 5   // 五
        case 0x516D: 6   // 六
        case 0x4E03: 7   // 七
        case 0x516B: 8   // 八
        case 0x4E5D: 9   // 九
        case 0x5341: 10  // 十
        default: nil
        }
    }

    static func value(of s: Substring) -> Int? {
        if let ten = s.firstIndex(of: "十") {
            let tens = s[..<ten].isEmpty ? 1 : s[..<ten].count == 1 ? digits[s[s.startIndex]] : nil
            let onesPart = s[s.index(after: ten)...]
            let ones = onesPart.isEmpty ? 0 : onesPart.count == 1 ? digits[onesPart[onesPart.startIndex]] : nil
            guard let t = tens, let o = ones else { return nil }
            return t * 10 + o
        }
        guard s.count == 1, let c = s.first else { return nil }
        return digits[c]
    }
}
