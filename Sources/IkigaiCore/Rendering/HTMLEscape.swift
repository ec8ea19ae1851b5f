/// The escaping of every `{{value}}` on the pages: `<`, `>`, `&`, `"` and `'` as entities,
/// byte by byte of the UTF-8.
///
/// Used in place of the Mustache library's own escaping for two reasons. It walks the
/// text Character by Character and looks each one up in a dictionary, which was a fifth
/// of rendering a 100× year (perf). And a Character is a grapheme cluster: a quote or a
/// `<` followed by a combining mark (`"` + U+0301, which a name pasted from elsewhere can
/// hold) is one Character that its table does not list, so it was written unescaped and
/// could end an attribute. Here every such byte is escaped whatever follows it.
public enum HTMLEscape {
    public static func escaped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { p -> String? in
            var extra = 0
            for b in p {
                switch b {
                case 0x3C, 0x3E: extra += 3   // &lt; &gt;
                case 0x26, 0x27: extra += 4   // &amp; &#39;
                case 0x22: extra += 5         // &quot;
                default: break
                }
            }
            if extra == 0 { return nil }
            return String(unsafeUninitializedCapacity: p.count + extra) { out in
                var n = 0
                func put(_ s: StaticString) {
                    s.withUTF8Buffer { for b in $0 { out[n] = b; n += 1 } }
                }
                for b in p {
                    switch b {
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x26: put("&amp;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    default: out[n] = b; n += 1
                    }
                }
                return n
            }
        } ?? text
    }

    /// `escaped(text)`, written onto the end of a page being built.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { p in
            out.reserveCapacity(out.count + p.count)
            var clean = 0
            for (i, b) in p.enumerated() {
                let entity: StaticString
                switch b {
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x26: entity = "&amp;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[clean..<i]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                clean = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[clean...]))
        }
    }
}
