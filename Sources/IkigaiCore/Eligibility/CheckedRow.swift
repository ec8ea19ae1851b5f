/// The outcome of one data row: accepted as a record, or the findings that
/// reject or hold it. Every non-blank row read becomes exactly one of these.
public struct CheckedRow: Sendable {
    /// Each case holds a class: rows are copied through filters, sorts and arrays of millions,
    /// and a record copies as one retain instead of one per string it holds.
    public enum Record: Sendable {
        case member(GroupMember)
        case visit(Visit)
        case application(Application)

        /// The person the row names, whatever its sheet.
        public var person: PersonFields {
            switch self {
            case .member(let m): return m.person
            case .visit(let v): return v.person
            case .application(let a): return a.person
            }
        }
    }

    public let source: SourceRow
    /// The row's visit or application date when it could be read (used for
    /// `--through` and the default month).
    public let date: CivilDate?
    public let record: Record?
    public let findings: [Finding]
    /// The class an application row names, even when the row is rejected, so
    /// that the lottery result can list it with why.
    public var classHint: String? = nil

    /// Where the row ended: every row read ends in exactly one of these.
    public enum Status: Sendable { case accepted, rejected, held }

    public var status: Status {
        if record != nil { return .accepted }
        return findings.allSatisfy { $0.code.kind == .held } ? .held : .rejected
    }
}
