extension Text {
    /// The cell without the control characters no one can see or type in Excel: C0 controls
    /// other than tab and line breaks, DEL, the C1 controls other than U+0085 (a line break),
    /// and the noncharacters U+FFFE and U+FFFF. A vertical tab or form feed becomes a space.
    ///
    /// They reach sheets pasted from other systems or mangled by a broken export, and XML has
    /// no place for most of them: a name holding U+0010 went onto a roster that the page guard
    /// then refused, which stopped the whole monthly run with a message about a template (the
    /// `year` fuzz target, session 41). Taken out where every cell is read, they also cannot
    /// make one person's two rows differ.
    static func withoutControls(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { p -> String? in
            guard let first = p.firstIndex(where: isControlStart), hasControl(p, from: first) else { return nil }
            return String(unsafeUninitializedCapacity: p.count) { out in
                var n = 0, i = 0
                while i < p.count {
                    let width = controlWidth(p, at: i)
                    if width == 0 {
                        out[n] = p[i]
                        n += 1
                        i += 1
                        continue
                    }
                    if p[i] == 0x0B || p[i] == 0x0C {
                        out[n] = 0x20
                        n += 1
                    }
                    i += width
                }
                return n
            }
        } ?? s
    }

    /// Whether `withoutControls` takes out (or turns into a space) the scalar `u`.
    @inline(__always)
    static func isControl(_ u: UInt32) -> Bool {
        switch u {
        case 0x09, 0x0A, 0x0D, 0x85: return false
        case 0...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// A byte that can begin a control character: below 0x20, DEL, or the lead byte of a C1
    /// control (C2) or of U+FFFE/U+FFFF (EF). Names are kanji and kana (E3–E9), so the walk
    /// rarely looks further.
    @inline(__always)
    private static func isControlStart(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF
    }

    private static func hasControl(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < p.count {
            if controlWidth(p, at: i) > 0 { return true }
            i += 1
        }
        return false
    }

    /// The length in bytes of the control character at `i`, or 0 when there is none there. The
    /// bytes are walked one by one: every byte tested is a whole character or a lead byte, never
    /// the middle of one (UTF-8 continuation bytes are 80–BF).
    @inline(__always)
    private static func controlWidth(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x09, 0x0A, 0x0D: return 0
        case 0x00..<0x20, 0x7F: return 1
        case 0xC2:
            guard i + 1 < p.count, (0x80...0x9F).contains(p[i + 1]), p[i + 1] != 0x85 else { return 0 }
            return 2
        case 0xEF:
            guard i + 2 < p.count, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF else { return 0 }
            return 3
        default: return 0
        }
    }
}
