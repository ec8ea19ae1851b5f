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
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into h: inout Hasher) {
        var copy = text
        copy.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
