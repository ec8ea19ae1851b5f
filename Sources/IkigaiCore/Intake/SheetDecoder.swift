import Foundation

/// Why a sheet's bytes are not text this tool will read.
public enum DecodeProblem: Error, Sendable, Equatable {
    case empty
    case utf16
    /// A zip (.xlsx) or OLE (.xls) container, or other binary content.
    case binary(what: String)
    /// Neither UTF-8 nor CP932; the offset (0-based) of the first bad byte
    /// under the encoding that read further.
    case undecodable(offset: Int, encoding: String)
}

/// Turns a sheet's bytes into UTF-8 text: UTF-8 (with or without BOM) first,
/// then CP932, the Shift_JIS that Japanese Excel writes. Bytes that are valid
/// in neither refuse the sheet; nothing is ever read as mojibake.
///
/// UTF-8 comes back as a slice of the bytes read, not a copy: copying each sheet
/// once more cost a memmove and fresh pages per sheet at 100×.
public enum SheetDecoder {
    public static func decode(_ bytes: [UInt8]) -> Result<(utf8: ArraySlice<UInt8>, encoding: TextEncoding), DecodeProblem> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .failure(.binary(what: "xlsx")) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .failure(.binary(what: "xls")) }
        if let nul = firstNUL(bytes) {
            // UTF-16 without a BOM puts a NUL beside every ASCII character.
            let sample = bytes.prefix(512)
            let nuls = sample.lazy.filter { $0 == 0 }.count
            return .failure(nuls * 3 >= sample.count ? .utf16 : .binary(what: "NUL@\(nul)"))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            if let bad = firstInvalidUTF8(body) { return .failure(.undecodable(offset: bad + 3, encoding: "UTF-8")) }
            return .success((body, .utf8BOM))
        }
        guard let badUTF8 = firstInvalidUTF8(bytes) else { return .success((bytes[...], .utf8)) }
        // Japanese UTF-8 often decodes as CP932 too (as mojibake), so a file
        // that is UTF-8 but for a few damaged bytes (a cut-off last character,
        // a stray byte) is refused as broken UTF-8 rather than read as CP932.
        let (valid, invalid) = utf8HighByteCounts(bytes)
        if valid > invalid { return .failure(.undecodable(offset: badUTF8, encoding: "UTF-8")) }
        switch CP932.toUTF8(bytes) {
        case .success(let out): return .success((out[...], .cp932))
        case .failure(let e):
            return .failure(badUTF8 >= e.offset
                ? .undecodable(offset: badUTF8, encoding: "UTF-8")
                : .undecodable(offset: e.offset, encoding: "Shift_JIS"))
        }
    }

    /// By `memchr`: the byte-by-byte `firstIndex(of: 0)` over every sheet was a fifth of decoding.
    static func firstNUL(_ b: [UInt8]) -> Int? {
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress, let hit = memchr(base, 0, p.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// Bytes ≥ 0x80 that belong to valid UTF-8 sequences, and those that do not.
    ///
    /// Walked in place: taking each sequence out as an array to check it was an allocation
    /// per Japanese character of every CP932 sheet, a third of decoding one.
    static func utf8HighByteCounts(_ b: [UInt8]) -> (valid: Int, invalid: Int) {
        b.withUnsafeBufferPointer { p in
            var valid = 0, invalid = 0
            walkHighBytes(p) { _, length in
                if let length { valid += length } else { invalid += 1 }
                return true
            }
            return (valid, invalid)
        }
    }

    /// Calls `body` at each byte ≥ 0x80 that is not inside a valid sequence already given, with the
    /// length of the valid UTF-8 sequence it starts (nil if it starts none), until `body` says stop.
    /// Eight ASCII bytes at a time in between: commas, digits and dates are most of a sheet.
    @inline(__always)
    private static func walkHighBytes(_ p: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ length: Int?) -> Bool) {
        var i = 0
        let n = p.count
        let raw = UnsafeRawBufferPointer(p)
        while i < n {
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return }
            if p[i] < 0x80 { i += 1; continue }
            let length = validSequence(at: i, in: p)
            guard body(i, length) else { return }
            i += length ?? 1
        }
    }

    /// The length of the valid UTF-8 sequence that starts with the byte ≥ 0x80 at `i`
    /// (overlongs, surrogates and code points past U+10FFFF are not valid), or nil.
    @inline(__always)
    private static func validSequence(at i: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return nil
        }
        if i + need >= p.count { return nil }
        let c1 = p[i + 1]
        if c1 < lo || c1 > hi { return nil }
        var k = 2
        while k <= need {
            if p[i + k] & 0xC0 != 0x80 { return nil }
            k += 1
        }
        return need + 1
    }

    /// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and
    /// code points past U+10FFFF included), or nil when all is valid.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        b.withUnsafeBufferPointer(firstInvalidUTF8(in:))
    }

    /// The offset from the slice's start.
    public static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        b.withUnsafeBufferPointer(firstInvalidUTF8(in:))
    }

    static func firstInvalidUTF8(in p: UnsafeBufferPointer<UInt8>) -> Int? {
        var bad: Int?
        walkHighBytes(p) { offset, length in
            if length == nil { bad = offset }
            return length != nil
        }
        return bad
    }
}
