/// The digest by which `people/ids.csv` names a profile between runs: the first ten bytes of
/// the SHA-256 of its key, written as 20 lowercase hex digits.
///
/// Held as its ten bytes, not as the hex text: the previous run's numbers are looked up by
/// digest, and at 100× they were 400,000 heap strings held in two dictionaries through the
/// whole same-person step, about 190 MB of the monthly run's peak.
public struct ProfileDigest: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Bytes 0–7, big-endian, so that comparing numbers orders digests as their hex text.
    let high: UInt64
    /// Bytes 8–9, big-endian.
    let low: UInt16

    /// The digest of the first ten bytes of `bytes` (a SHA-256 has 32).
    init<Bytes: Sequence<UInt8>>(prefixOf bytes: Bytes) {
        var high: UInt64 = 0, low: UInt16 = 0
        for (i, b) in bytes.prefix(10).enumerated() {
            if i < 8 { high = high << 8 | UInt64(b) } else { low = low << 8 | UInt16(b) }
        }
        self.high = high
        self.low = low
    }

    /// The digest a cell of `ids.csv` holds: exactly 20 lowercase hex digits, as this tool writes
    /// them. Anything else (a cell edited by hand, or turned into a number by Excel) names no
    /// profile a run makes, so it is nil.
    public init?(hex: String) {
        var high: UInt64 = 0, low: UInt16 = 0, count = 0
        for b in hex.utf8 {
            let nibble: UInt8
            switch b {
            case 0x30...0x39: nibble = b - 0x30
            case 0x61...0x66: nibble = b - 0x61 + 10
            default: return nil
            }
            if count < 16 {
                high = high << 4 | UInt64(nibble)
            } else if count < 20 {
                low = low << 4 | UInt16(nibble)
            } else {
                return nil
            }
            count += 1
        }
        guard count == 20 else { return nil }
        self.high = high
        self.low = low
    }

    /// The 20 hex digits `ids.csv` holds.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 20) { out in
            for i in 0..<16 { out[i] = digits[Int(high >> UInt64(60 - 4 * i) & 0xF)] }
            for i in 0..<4 { out[16 + i] = digits[Int(low >> UInt16(12 - 4 * i) & 0xF)] }
            return 20
        }
    }

    public static func < (a: ProfileDigest, b: ProfileDigest) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
