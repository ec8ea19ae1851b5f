/// The same person recorded twice for the same event on the same day: a
/// double entry at the desk. The first row stands; each repeat is rejected
/// (R219) so that visits are not counted twice.
public enum RepeatedVisits {
    public static func find(_ intake: IntakeResult, register: PersonRegister) -> [SourceRow: Finding] {
        struct Key: Hashable { let person: PersonID; let date: CivilDate; let event: TextKey }
        var first: [Key: SourceRow] = [:]
        first.reserveCapacity(intake.rows.count)
        var out: [SourceRow: Finding] = [:]
        // Events repeat all year: fold each spelling once.
        var foldedEvent: [TextKey: TextKey] = [:]
        for row in intake.rows {
            guard case .visit(let v)? = row.record, let id = register.personOf[v.source] else { continue }
            let event: TextKey
            if let e = foldedEvent[TextKey(v.event)] { event = e } else {
                event = TextKey(Text.removingWhitespace(Text.nfkc(v.event)))
                foldedEvent[TextKey(v.event)] = event
            }
            let key = Key(person: id, date: v.date, event: event)
            if let earlier = first[key] {
                let where_ = earlier.file == v.source.file ? "\(earlier.row)行目" : "\(earlier.file) の \(earlier.row)行目"
                out[v.source] = Finding(file: v.source.file, row: v.source.row, code: .repeatedVisit,
                                        message: "同じ人・同じ日・同じ行事の記録が \(where_) にもあります（二重入力）。どちらか一方を削除してください。この行は数えていません。")
            } else {
                first[key] = v.source
            }
        }
        return out
    }
}
