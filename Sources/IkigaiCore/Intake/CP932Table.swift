#if canImport(Glibc)
import Glibc
#endif

/// CP932 → UTF-8 by lookup table, the table filled from glibc's iconv once per process, so
/// that what a sheet decodes to is iconv's mapping by construction and the code has no
/// mapping data of its own to get wrong.
///
/// Why not iconv itself: it converted the 65 MB of Shift_JIS sheets at 100× at about
/// 160 MB/s, which alone was most of reading them (`ikigai-bench speed --reading-only`);
/// a sheet is mostly ASCII, which the table path copies eight bytes at a time. Where iconv
/// stopped (the first byte that starts no character, or a lead byte at the end) the
/// table stops too, so the refusal message names the same offset.
struct CP932Table: Sendable {
    /// For each byte ≥ 0x80 that is a character by itself (half-width katakana): its UTF-8,
    /// packed as in `pairs`; 0 for lead bytes and bytes that start nothing.
    let singles: [UInt32]
    /// For `lead << 8 | trail`: the UTF-8 bytes in the low 24 bits (first byte lowest) and
    /// their count in the top 8; 0 where the pair is no character.
    let pairs: [UInt32]

    /// Nil where the iconv module for CP932 is missing (the caller falls back to Foundation).
    static let shared: CP932Table? = CP932Table()

    private init?() {
        guard let cd = iconv_open("UTF-8", "CP932"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        // ASCII is passed through by `decode` without a lookup: only right if iconv agrees.
        for b in UInt8(0)..<0x80 where CP932Table.convert(cd, b) != UInt32(b) | 1 << 24 { return nil }
        var singles = [UInt32](repeating: 0, count: 256)
        var pairs = [UInt32](repeating: 0, count: 65_536)
        for lead in 0x80...0xFF {
            if let one = CP932Table.convert(cd, UInt8(lead)) {
                singles[lead] = one
                continue
            }
            for trail in 0...0xFF { pairs[lead << 8 | trail] = CP932Table.convert(cd, UInt8(lead), UInt8(trail)) ?? 0 }
        }
        self.singles = singles
        self.pairs = pairs
    }

    /// iconv's UTF-8 for `first` (and `second`) when it converts them into one character, packed;
    /// nil otherwise.
    ///
    /// In buffers on the stack: the table asks this of some 16,000 byte pairs, and two arrays
    /// for each call were most of building it (2% of a run's instructions at 1×).
    private static func convert(_ cd: iconv_t, _ first: UInt8, _ second: UInt8? = nil) -> UInt32? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer -> UInt32? in
            guard let ib = buffer.baseAddress else { return nil }
            let ob = ib + 2
            ib[0] = first
            ib[1] = second ?? 0
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib).assumingMemoryBound(to: CChar.self)
            var inLeft = second == nil ? 1 : 2
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob).assumingMemoryBound(to: CChar.self)
            var outLeft = 8
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            // Back to the initial state after a failure (CP932 has no shift state; cheap insurance).
            if r == -1 { _ = iconv(cd, nil, nil, nil, nil); return nil }
            let written = 8 - outLeft
            guard inLeft == 0, (1...3).contains(written) else { return nil }
            let utf8 = UnsafeBufferPointer(start: ob, count: written)
            guard String(validating: utf8, as: UTF8.self)?.unicodeScalars.count == 1 else { return nil }
            var packed = UInt32(written) << 24
            for (k, b) in utf8.enumerated() { packed |= UInt32(b) << (8 * k) }
            return packed
        }
    }

    /// Decodes `input` into `out` (room for 3 bytes per input byte and 8 more); the bytes
    /// written, or the offset of the first byte that starts no character.
    func decode(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Result<Int, CP932.Failure> {
        guard let base = input.baseAddress else { return .success(0) }
        let n = input.count
        var i = 0, o = 0
        return singles.withUnsafeBufferPointer { singles in
            pairs.withUnsafeBufferPointer { pairs in
                while i < n {
                    while i + 8 <= n {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 { break }
                        UnsafeMutableRawPointer(out + o).storeBytes(of: word, as: UInt64.self)
                        i += 8
                        o += 8
                    }
                    guard i < n else { break }
                    let b = base[i]
                    if b < 0x80 {
                        out[o] = b
                        i += 1
                        o += 1
                        continue
                    }
                    var packed = singles[Int(b)], used = 1
                    if packed == 0 {
                        guard i + 1 < n else { return .failure(CP932.Failure(offset: i)) }
                        packed = pairs[Int(b) << 8 | Int(base[i + 1])]
                        used = 2
                        if packed == 0 { return .failure(CP932.Failure(offset: i)) }
                    }
                    // Three bytes stored whatever the length (the room allows it); the next store overwrites the rest.
                    out[o] = UInt8(truncatingIfNeeded: packed)
                    out[o + 1] = UInt8(truncatingIfNeeded: packed >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: packed >> 16)
                    o += Int(packed >> 24)
                    i += used
                }
                return .success(o)
            }
        }
    }
}
