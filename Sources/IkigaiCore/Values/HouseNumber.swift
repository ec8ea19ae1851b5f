/// The house an address names after its town (`2-3-4`, `二丁目3番4号`, `2丁目3番地の4`, then any
/// building and flat), for the same-person rules.
///
/// A resident who gives her landline at one visit and her mobile at the next is one name at
/// one house; without the house, "same name, other phone" went to the manager's review list
/// every time, hundreds of pairs a year where many residents have both phones. An address
/// written only to its 丁目 or 番 (`大久保2丁目`, `戸山2-33`) names a block of flats at best,
/// and gives no house: two residents of one name may live there. So may two flats of one
/// building, so what follows the numbers (`コーポ百人町201`) is kept apart as the flat.
public struct HouseNumber: Sendable, Hashable {
    /// A digest of the numbers, read as numbers (so `二丁目3番4号` is `2-3-4`), in the high 32
    /// bits, and of what follows them as written in the low 32 (0 when nothing does). One
    /// number, not two: it is kept on each of millions of rows. Only profiles of one name are
    /// compared by it, so 32 bits each leave a chance collision out of sight.
    public let value: UInt64

    var numbers: UInt32 { UInt32(truncatingIfNeeded: value >> 32) }
    var flat: UInt32 { UInt32(truncatingIfNeeded: value) }
    /// The same numbers without the flat: the building.
    var building: HouseNumber { HouseNumber(value: value & 0xFFFF_FFFF_0000_0000) }

    /// The house when `rest` (an address after its town, folded by `AddressParser.fold`) starts
    /// with three or four numbers, each below 65,535; nil for anything else.
    ///
    /// Separators are 丁目, 番地, 番, 号, の and any dash a clerk types (`PhoneNumber.isDash`,
    /// which includes the IME's ー). Reading stops at the first other character.
    static func read(_ rest: Substring) -> HouseNumber? {
        // On the UTF-8 bytes: iterating a Substring's scalars through its indexes was a fifth of
        // the address parse. Folded text is always contiguous; the copy is for any other.
        if let found = rest.utf8.withContiguousStorageIfAvailable(read(bytes:)) { return found }
        return Array(rest.utf8).withUnsafeBufferPointer(read(bytes:))
    }

    private static func read(bytes p: UnsafeBufferPointer<UInt8>) -> HouseNumber? {
        // Up to four numbers, 16 bits each: an array here was an allocation for every address.
        var packed: UInt64 = 0, count = 0
        var number = 0, tens = 0, reading: Kind?
        // Ends the number being read; false when it does not fit.
        func finish() -> Bool {
            guard let kind = reading else { return true }
            reading = nil
            let value = kind == .kanji ? tens + number : number
            number = 0
            tens = 0
            guard value < 0xFFFF, count < 4 else { return false }
            packed = packed << 16 | UInt64(value)
            count += 1
            return true
        }
        var i = 0
        while i < p.count {
            let (u, next) = UTF8Scalars.decode(p, at: i)
            if (0x30...0x39).contains(u) {
                if reading == .kanji, !finish() { return nil }
                reading = .arabic
                number = number * 10 + Int(u - 0x30)
                if number >= 0xFFFF { return nil }
            } else if let d = KanjiNumeral.digit(u) {
                if reading == .arabic, !finish() { return nil }
                reading = .kanji
                if d == 10 {
                    tens += (number == 0 ? 1 : number) * 10
                    number = 0
                } else {
                    number = number * 10 + d
                }
                if tens + number >= 0xFFFF { return nil }
            } else if isSeparator(u) {
                if !finish() { return nil }
            } else {
                break
            }
            i = next
        }
        guard finish(), count >= 3 else { return nil }
        // FNV-1a: over the count and the numbers (two bytes each), and over the flat's bytes.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        add(UInt8(count))
        for shift in stride(from: 16 * (count - 1), through: 0, by: -16) {
            add(UInt8(truncatingIfNeeded: packed >> UInt64(shift + 8)))
            add(UInt8(truncatingIfNeeded: packed >> UInt64(shift)))
        }
        let numbers = UInt64(UInt32(truncatingIfNeeded: h ^ h >> 32))
        guard i < p.count else { return HouseNumber(value: numbers << 32) }
        h = 0xcbf2_9ce4_8422_2325
        for k in i..<p.count { add(p[k]) }
        let flat = UInt64(UInt32(truncatingIfNeeded: h ^ h >> 32))
        return HouseNumber(value: numbers << 32 | (flat == 0 ? 1 : flat))
    }

    private enum Kind { case arabic, kanji }

    /// 丁, 目, 番, 地, 号, の and every dash.
    private static func isSeparator(_ u: UInt32) -> Bool {
        switch u {
        case 0x4E01, 0x76EE, 0x756A, 0x5730, 0x53F7, 0x306E: true
        default: Unicode.Scalar(u).map(PhoneNumber.isDash) ?? false
        }
    }
}
