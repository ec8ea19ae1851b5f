/// The same person recorded twice for the same event on the same day: a
/// double entry at the desk. The first row stands; each repeat is rejected
/// (R219) so that visits are not counted twice.
public enum RepeatedVisits {
    public static func find(_ intake: IntakeResult, register: PersonRegister) -> [SourceRow: Finding] {
        // Visits of different days are never repeats of each other, so the days are split
        // between the cores by parity: each half finds the same repeats it would find alone.
        let (even, odd) = Parallel.both({ find(intake, register, days: 0) }, { find(intake, register, days: 1) })
        return even.merging(odd) { first, _ in first }
    }

    /// The repeats among visits whose packed day has parity `days`.
    static func find(_ intake: IntakeResult, _ register: PersonRegister, days parity: Int32) -> [SourceRow: Finding] {
        // Small keys (the event as a number, the date packed): at 100× the table holds a
        // key per visit, and one of person, CivilDate and event text with a SourceRow beside
        // it was 80 bytes an entry, most of this step's time going to page faults.
        struct Key: Hashable {
            let person: Int
            let day: Int32
            let event: Int32

            // One word into the hasher instead of three: SipHash set-up per key showed here.
            func hash(into h: inout Hasher) {
                h.combine(UInt64(truncatingIfNeeded: person) &* 0x9E37_79B9_7F4A_7C15
                          ^ UInt64(UInt32(bitPattern: day)) << 20 ^ UInt64(UInt32(bitPattern: event)))
            }
        }
        // Sized once (for about half the rows): growing to millions of keys rehashed them all many times.
        var first: [Key: Int32] = [:]
        first.reserveCapacity(intake.rows.count / 2)
        var out: [SourceRow: Finding] = [:]
        // Events repeat all year: fold each spelling once, and number the folded forms.
        var eventNumbers: [TextKey: Int32] = [:]
        var eventOf = TextMemo<Int32>()
        intake.rows.forEachRecord { index, record in
            guard case .visit(let v) = record else { return }
            let day = Int32(truncatingIfNeeded: v.date.year * 512 + v.date.month * 32 + v.date.day)
            guard day & 1 == parity, let id = register.personOf[v.source] else { return }
            let event = eventOf.value(v.event) { raw in
                let folded = TextKey(Text.removingWhitespace(Text.nfkc(raw)))
                if let n = eventNumbers[folded] { return n }
                let n = Int32(eventNumbers.count)
                eventNumbers[folded] = n
                return n
            }
            let key = Key(person: id.number, day: day, event: event)
            if let earlierIndex = first[key] {
                let earlier = intake.rows[Int(earlierIndex)].source
                let where_ = earlier.file == v.source.file ? "\(earlier.row)行目" : "\(earlier.file) の \(earlier.row)行目"
                out[v.source] = Finding(file: v.source.file, row: v.source.row, code: .repeatedVisit,
                                        message: "同じ人・同じ日・同じ行事の記録が \(where_) にもあります（二重入力）。どちらか一方を削除してください。この行は数えていません。")
            } else {
                first[key] = Int32(truncatingIfNeeded: index)
            }
        }
        return out
    }
}
