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
    ///
    /// Walked by scalar, with the one test `isControl` that `nfkc` also uses: `Text.cell` calls
    /// this only for the rare cell in which that scan found a control character.
    static func withoutControls(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if !isControl(u.value) {
                out.append(u)
            } else if u == "\u{0B}" || u == "\u{0C}" {
                out.append(" ")
            }
        }
        return String(out)
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
}
