/// The seam of the same-person step: given every accepted row of the run,
/// say which person each row is. Implementations must be deterministic.
public protocol IdentityResolver: Sendable {
    func resolve(_ rows: [IdentityRow]) -> PersonRegister
}

/// The outcome of identity resolution: the person of every accepted row.
public struct PersonRegister: Sendable {
    public let personOf: [SourceRow: PersonID]

    public init(personOf: [SourceRow: PersonID]) { self.personOf = personOf }

    public var people: Set<PersonID> { Set(personOf.values) }
}

/// The first pass: rows with the same name (NFKC, white space removed) and
/// the same phone digits are one person; nothing else merges. Person numbers
/// follow the order of first appearance (sheets by path, rows by number).
public struct ExactKeyResolver: IdentityResolver {
    public init() {}

    public func resolve(_ rows: [IdentityRow]) -> PersonRegister {
        struct Key: Hashable { let name: String; let phone: String }
        var ids: [Key: PersonID] = [:]
        var out: [SourceRow: PersonID] = [:]
        out.reserveCapacity(rows.count)
        for r in rows.sorted(by: { $0.source < $1.source }) {
            let k = Key(name: r.person.nameKey, phone: r.person.phone.digits)
            if let id = ids[k] {
                out[r.source] = id
            } else {
                let id = PersonID(ids.count + 1)
                ids[k] = id
                out[r.source] = id
            }
        }
        return PersonRegister(personOf: out)
    }
}
