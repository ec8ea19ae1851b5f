/// Walks the code points of UTF-8 bytes that are known to be valid (a
/// String's own storage), without the index checks of
/// `String.UnicodeScalarView`, whose iteration was most of trimming and
/// folding every cell of a sheet (perf, 100×).
enum UTF8Scalars {
    /// The code point starting at `i`, and the index after it.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, next: Int) {
        let b = p[i]
        if b < 0x80 { return (UInt32(b), i + 1) }
        // Valid UTF-8 has its continuation bytes; the bounds are kept anyway.
        func cont(_ k: Int) -> UInt32 { k < p.count ? UInt32(p[k] & 0x3F) : 0 }
        if b < 0xE0 { return (UInt32(b & 0x1F) << 6 | cont(i + 1), i + 2) }
        if b < 0xF0 { return (UInt32(b & 0x0F) << 12 | cont(i + 1) << 6 | cont(i + 2), i + 3) }
        return (UInt32(b & 0x07) << 18 | cont(i + 1) << 12 | cont(i + 2) << 6 | cont(i + 3), i + 4)
    }

    /// The index where the code point ending just before `end` starts.
    @inline(__always)
    static func start(before end: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
        var i = end - 1
        while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
