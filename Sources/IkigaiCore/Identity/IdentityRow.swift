/// What the identity step sees of one accepted row: the person as written,
/// and the age, town and house on the row's date (evidence for same-person rules).
public struct IdentityRow: Sendable {
    public let source: SourceRow
    public let person: PersonFields
    public let date: CivilDate?
    public let age: Int?
    public let town: String?
    /// The house in `town` (`HouseNumber`), when the address names one.
    public let house: HouseNumber?

    public init(source: SourceRow, person: PersonFields, date: CivilDate?, age: Int?, town: String?, house: HouseNumber? = nil) {
        self.source = source
        self.person = person
        self.date = date
        self.age = age
        self.town = town
        self.house = house
    }
}

extension CheckedRow.Record {
    /// The row the record was read from.
    public var source: SourceRow {
        switch self {
        case .member(let m): return m.source
        case .visit(let v): return v.source
        case .application(let a): return a.source
        }
    }

    /// The identity step's view of an accepted record.
    public var identityRow: IdentityRow {
        switch self {
        case .member(let m):
            return IdentityRow(source: m.source, person: m.person, date: nil, age: nil, town: nil)
        case .visit(let v):
            return IdentityRow(source: v.source, person: v.person, date: v.date, age: v.age, town: v.residence.town,
                               house: v.residence.house)
        case .application(let a):
            return IdentityRow(source: a.source, person: a.person, date: a.appliedOn, age: a.age, town: a.residence.town,
                               house: a.residence.house)
        }
    }
}
