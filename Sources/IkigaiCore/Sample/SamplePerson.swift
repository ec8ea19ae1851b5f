import Foundation

/// One generated resident of the sample: a random combination of common
/// names, a birth date, a phone and an address in the ward.
struct SamplePerson: Sendable {
    /// The generated person's number: the truth the identity benchmark scores against.
    var id = 0
    let surname: NamePool.Name
    let given: NamePool.Name
    let birth: CivilDate
    /// Digits only; couples share their landline.
    let phone: String
    let town: String
    let chome: Int
    let lot: String
    var inGroup: Bool
    var exchangeVisits: Int
    var prevention: Bool
    /// A phone number written with one digit wrong on some of the person's
    /// visit rows: the same person the rules cannot settle alone (review list).
    var mistypedPhone: String? = nil
    /// A mobile beside the landline, given at the desk now and then instead of it: one name
    /// at one house on two phones (`PairVerdict`, the house rule).
    var otherPhone: String? = nil
    /// Whether the lot is a block of flats: more than one household was drawn to it. A house
    /// holds one household, so unrelated people at one lot live in flats, and write them.
    var livesInFlats = false

    /// The phone given at an exchange event on `day`: now and then the other one.
    /// From a stream of its own (the person and the day), so that giving people a second
    /// phone changed no other cell of the sample.
    func phone(on day: CivilDate, seed: UInt64) -> String {
        guard let other = otherPhone else { return phone }
        var rng = SplitMix64(seed: seed ^ UInt64(id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(day.dayNumber)))
        return rng.chance(0.35) ? other : phone
    }
}

/// How the sample writes one cell in the ways real clerks do.
struct SampleStyle {
    var rng: SplitMix64
    /// CP932 sheets cannot hold characters outside JIS (𠮷, variation selectors, ✓).
    let cp932: Bool

    mutating func name(_ p: SamplePerson) -> String {
        var surname = p.surname.forms[0]
        if p.surname.forms.count > 1 && rng.chance(0.35) {
            let variant = rng.pick(Array(p.surname.forms.dropFirst()))
            if !cp932 || variant.unicodeScalars.allSatisfy({ $0.value <= 0xFFFF }) { surname = variant }
        }
        var given = p.given.forms[0]
        if p.given.forms.count > 1 && rng.chance(0.3) { given = p.given.forms[1] }
        if !cp932 && rng.chance(0.01), let first = given.unicodeScalars.first {
            // An ideographic variation selector after the first kanji (IVS).
            given = String(first) + "\u{E0100}" + String(given.unicodeScalars.dropFirst())
        }
        switch rng.int(0...9) {
        case 0...4: return surname + "\u{3000}" + given
        case 5...7: return surname + " " + given
        default: return surname + given
        }
    }

    mutating func kana(_ p: SamplePerson) -> String {
        let k = p.surname.kana + " " + p.given.kana
        switch rng.int(0...9) {
        case 0...5: return k
        case 6...7: return k.applyingHiragana
        default: return k.halfWidthKatakana
        }
    }

    mutating func phone(_ digits: String) -> String {
        let d = Array(digits)
        let mobile = digits.count == 11
        let a = mobile ? String(d[0..<3]) : String(d[0..<2])
        let b = mobile ? String(d[3..<7]) : String(d[2..<6])
        let c = mobile ? String(d[7...]) : String(d[6...])
        switch rng.int(0...19) {
        case 0...9: return "\(a)-\(b)-\(c)"
        case 10...12: return digits
        case 13...14: return "\(a)(\(b))\(c)"
        case 15...16: return "\(a)-\(b)-\(c)".fullWidth
        case 17...18: return "\(a) \(b) \(c)"
        default: return "+81 \(a.dropFirst()) \(b) \(c)"
        }
    }

    mutating func address(_ p: SamplePerson) -> String {
        let kanjiChome = ["", "一", "二", "三", "四", "五"][min(p.chome, 5)]
        let parts = p.lot.split(separator: "-")
        switch rng.int(0...19) {
        case 0...7: return "東京都新宿区\(p.town)\(p.chome)-\(p.lot)"
        case 8...11: return "新宿区\(p.town)\(kanjiChome)丁目\(parts[0])番\(parts.count > 1 ? parts[1] : "1")号"
        case 12...15: return "\(p.town)\(p.chome)-\(p.lot)"
        case 16...17: return "\(p.town)\(p.chome)-\(p.lot)".fullWidth
        case 18: return "東京都新宿区\(p.town)\(p.chome)丁目\(p.lot)"
        default:
            // Those who live in a block of flats write it now and then, with their own flat (it
            // was drawn for each row and for everyone, which made every house a block of flats).
            // The two draws stay, so that every other cell of the sample is as it was.
            _ = (rng.int(1...3), rng.int(1...9))
            guard p.livesInFlats else { return "東京都新宿区\(p.town)\(p.chome)-\(p.lot)" }
            return "新宿区\(p.town)\(p.chome)-\(p.lot)\nコーポ\(p.town)\(1 + p.id % 3)0\(1 + p.id % 9)"
        }
    }

    mutating func idMark() -> String {
        let marks = cp932 ? ["済", "済", "済", "○", "〇", "有", "1", "yes"] : ["済", "済", "済", "○", "✓", "有", "1", "yes", "Y"]
        return rng.pick(marks)
    }

    mutating func date(_ d: CivilDate) -> String {
        switch rng.int(0...9) {
        case 0...5: return d.iso
        case 6...8: return "\(d.year)/\(d.month)/\(d.day)"
        default:
            let era = JapaneseEra.era(of: d)
            let y = d.year - (era?.firstDay.year ?? 0) + 1
            return "\(era.map { String($0.letter) } ?? "")\(y).\(d.month).\(d.day)"
        }
    }

    mutating func birthDate(_ d: CivilDate) -> String {
        guard let era = JapaneseEra.era(of: d) else { return d.iso }
        let y = d.year - era.firstDay.year + 1
        switch rng.int(0...9) {
        case 0...3: return "\(era.name)\(y == 1 ? "元" : String(y))年\(d.month)月\(d.day)日"
        case 4...6: return "\(era.letter)\(y).\(d.month).\(d.day)"
        default: return "\(d.year)/\(d.month)/\(d.day)"
        }
    }
}

extension String {
    /// ASCII digits, letters and signs as their full-width forms.
    var fullWidth: String {
        String(String.UnicodeScalarView(unicodeScalars.map { u in
            (0x21...0x7E).contains(u.value) ? Unicode.Scalar(u.value + 0xFEE0) ?? u : u
        }))
    }

    var applyingHiragana: String {
        self.applyingTransform(StringTransform.hiraganaToKatakana, reverse: true) ?? self
    }

    var halfWidthKatakana: String {
        self.applyingTransform(StringTransform.fullwidthToHalfwidth, reverse: false) ?? self
    }
}
