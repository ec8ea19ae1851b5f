/// The same person recorded twice for the same event on the same day: a
/// double entry at the desk. The first row stands; each repeat is rejected
/// (R219) so that visits are not counted twice.
public enum RepeatedVisits {
    public static func find(_ intake: IntakeResult, register: PersonRegister) -> [SourceRow: Finding] {
        struct Key: Hashable { let person: PersonID; let date: CivilDate; let event: String }
        var first: [Key: SourceRow] = [:]
        var out: [SourceRow: Finding] = [:]
        for v in intake.visits {
            guard let id = register.personOf[v.source] else { continue }
            let key = Key(person: id, date: v.date, event: Text.removingWhitespace(Text.nfkc(v.event)))
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
