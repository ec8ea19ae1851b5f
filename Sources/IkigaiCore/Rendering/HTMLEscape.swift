/// The escaping of every `{{value}}` on the pages: `<`, `>`, `&`, `"` and `'` as entities,
/// byte by byte of the UTF-8.
///
/// Used in place of the Mustache library's own escaping for two reasons. It walks the
/// text Character by Character and looks each one up in a dictionary, which was a fifth
/// of rendering a 100× year (perf). And a Character is a grapheme cluster: a quote or a
/// `<` followed by a combining mark (`"` + U+0301, which a name pasted from elsewhere can
/// hold) is one Character that its table does not list, so it was written unescaped and
/// could end an attribute. Here every such byte is escaped whatever follows it.
///
/// Characters XML has no place for (C0 controls but tab and line breaks, U+FFFE, U+FFFF) are
/// written as U+FFFD: intake takes them out of every cell (`Text.withoutControls`), but a value
/// from elsewhere (a file's name, a header, settings.toml) holding one made the page guard
/// refuse the page, which stops the whole run; a visible mark on one page does not.
public enum HTMLEscape {
    public static func escaped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { p -> String? in
            var extra = 0, replaced = false
            for (i, b) in p.enumerated() {
                switch b {
                case 0x3C, 0x3E: extra += 3   // &lt; &gt;
                case 0x26, 0x27: extra += 4   // &amp; &#39;
                case 0x22: extra += 5         // &quot;
                case 0xEF where noncharacter(p, i): replaced = true
                case _ where control(b): extra += 2   // U+FFFD is three bytes
                default: break
                }
            }
            if extra == 0 && !replaced { return nil }
            return String(unsafeUninitializedCapacity: p.count + extra) { out in
                var n = 0
                func put(_ s: StaticString) {
                    s.withUTF8Buffer { for b in $0 { out[n] = b; n += 1 } }
                }
                var i = 0
                while i < p.count {
                    let b = p[i]
                    i += 1
                    switch b {
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x26: put("&amp;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    case 0xEF where noncharacter(p, i - 1):
                        put("\u{FFFD}")
                        i += 2
                    case _ where control(b): put("\u{FFFD}")
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
            var clean = 0, i = 0
            while i < p.count {
                let b = p[i]
                let entity: StaticString
                var width = 1
                switch b {
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x26: entity = "&amp;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                case 0xEF where noncharacter(p, i):
                    entity = "\u{FFFD}"
                    width = 3
                case _ where control(b): entity = "\u{FFFD}"
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[clean..<i]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                clean = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[clean...]))
        }
    }

    /// A C0 control XML does not allow (all but tab, line feed and carriage return).
    @inline(__always)
    static func control(_ b: UInt8) -> Bool { b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }

    /// Whether U+FFFE or U+FFFF starts at `i` (EF BF BE, EF BF BF).
    @inline(__always)
    static func noncharacter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 2 < p.count && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)
    }
}
