import Foundation

/// A string used as a dictionary key by its UTF-8 bytes.
///
/// `String`'s own hashing normalises non-ASCII text first (canonical
/// equivalence), which made hashing Japanese names and addresses the largest
/// single cost of intake and identity in the profile. Every text that reaches
/// these keys is a cell read through `Text.cell` or a folding built on it,
/// and NFKC text is canonically composed: two such strings are equal as
/// Strings exactly when their bytes are equal.
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextKey, b: TextKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pa = p.baseAddress, let qa = q.baseAddress else { return true }
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }

    func hash(into h: inout Hasher) {
        var copy = text
        copy.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
