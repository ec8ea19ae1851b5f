import Foundation

extension Text {
    /// Whether `s` sorts among other such strings by its UTF-8 bytes exactly as `String`'s `<`
    /// sorts it: true when it is made only of characters that no normalisation changes or joins
    /// to a neighbour (`isNFKCStable`). `String` compares the scalars of the canonical (NFC)
    /// form, which for such text is the text itself, and UTF-8 keeps the order of scalars.
    static func comparesByBytes(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 && $0 >= 0x20 } || s.unicodeScalars.allSatisfy { isNFKCStable($0.value) }
    }

    /// The order of two strings' UTF-8 bytes: negative, zero or positive, as `memcmp`.
    static func compareBytes(_ x: String, _ y: String) -> Int {
        var x = x, y = y
        return x.withUTF8 { p in
            y.withUTF8 { q in
                let n = min(p.count, q.count)
                if n > 0, let pa = p.baseAddress, let qa = q.baseAddress {
                    let c = memcmp(pa, qa, n)
                    if c != 0 { return Int(c) }
                }
                return p.count - q.count
            }
        }
    }

    /// `compareBytes` of two ranges of one buffer.
    static func compareBytes(_ buffer: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ y: Range<Int>) -> Int {
        let n = min(x.count, y.count)
        if n > 0, let base = buffer.baseAddress {
            let c = memcmp(base + x.lowerBound, base + y.lowerBound, n)
            if c != 0 { return Int(c) }
        }
        return x.count - y.count
    }
}
