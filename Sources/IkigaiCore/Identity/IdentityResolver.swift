/// The seam of the same-person step: given every accepted row of the run,
/// the manager's rulings and the numbers of the previous run, say which
/// person each row is. Implementations must be deterministic.
public protocol IdentityResolver: Sendable {
    /// A run passes its checked rows, so that millions of identity rows are never held at once.
    func resolve(_ rows: IdentityRows, rulings: Rulings, previous: PreviousNumbers) -> PersonRegister
}

extension IdentityResolver {
    public func resolve(_ rows: [IdentityRow], rulings: Rulings, previous: PreviousNumbers) -> PersonRegister {
        resolve(IdentityRows(rows), rulings: rulings, previous: previous)
    }
}

/// A pair the rules could not settle, for the manager's ruling.
public struct ReviewPair: Sendable, Hashable {
    /// The 組 key a ruling in decisions.csv names.
    public let pair: String
    public let a: SourceRow
    public let b: SourceRow
    public let likelihood: Double
    public let reasonsFor: [String]
    public let reasonsAgainst: [String]
}

/// The outcome of identity resolution.
public struct PersonRegister: Sendable {
    public let personOf: RowPersons
    public let reviews: [ReviewPair]
    /// Rulings that could not be applied.
    public let findings: [Finding]
    /// One profile's line of `people/ids.csv`: its person number, the digest of its key (folded
    /// name and phone, and cohort), and its first row, for the next run's numbering.
    public struct ProfileNumber: Sendable {
        public let person: Int
        public let digest: ProfileDigest
        public let first: SourceRow?
    }

    /// Every profile seen, for the next run's numbering (`people/ids.csv`).
    public let ids: [ProfileNumber]

    public init(personOf: RowPersons, reviews: [ReviewPair] = [], findings: [Finding] = [],
                ids: [ProfileNumber] = []) {
        self.personOf = personOf
        self.reviews = reviews
        self.findings = findings
        self.ids = ids
    }

    public init(personOf: [SourceRow: PersonID]) {
        self.init(personOf: RowPersons(personOf))
    }

    public var people: Set<PersonID> { Set(personOf.values) }

    /// The register without some rows (rejected after identity).
    public func dropping(_ rows: Set<SourceRow>) -> PersonRegister {
        guard !rows.isEmpty else { return self }
        var kept = personOf
        for r in rows { kept.removeValue(forKey: r) }
        return PersonRegister(personOf: kept, reviews: reviews, findings: findings, ids: ids)
    }
}

/// The first pass, kept as the baseline of the quality benchmark: rows with
/// the same name (NFKC, white space removed) and the same phone digits are
/// one person; nothing else merges.
public struct ExactKeyResolver: IdentityResolver {
    public init() {}

    private struct Key: Hashable { let name: String; let phone: String }

    public func resolve(_ rows: IdentityRows, rulings: Rulings, previous: PreviousNumbers) -> PersonRegister {
        var ids: [Key: PersonID] = [:]
        var out = RowPersons()
        rows.walk { r in
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
