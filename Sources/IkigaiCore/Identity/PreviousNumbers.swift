/// What the previous run left in `people/ids.csv` for this one: the person number of each
/// profile (by the digest of its key), and the first row the profile held then.
///
/// The first row is what lets a profile that splits (one name on one phone, ages one person
/// cannot have) keep its key with the rows that had it: a visit typed 87 for 78 arriving in
/// May once took the key, the person number and the published lottery ticket of the man
/// who had applied in April, because the older of the two came first by age.
public struct PreviousNumbers: Sendable, ExpressibleByDictionaryLiteral {
    public var numbers: [String: Int]
    public var firstRows: [String: SourceRow]

    public init() {
        numbers = [:]
        firstRows = [:]
    }

    public init(numbers: [String: Int], firstRows: [String: SourceRow]) {
        self.numbers = numbers
        self.firstRows = firstRows
    }

    public init(dictionaryLiteral elements: (String, Int)...) {
        self.init(numbers: Dictionary(elements, uniquingKeysWith: { a, _ in a }), firstRows: [:])
    }

    /// What a register leaves for the next run (`people/ids.csv`).
    public init(_ ids: [PersonRegister.ProfileNumber]) {
        self.init()
        for e in ids {
            numbers[e.digest] = e.person
            if let first = e.first { firstRows[e.digest] = first }
        }
    }

    public var isEmpty: Bool { numbers.isEmpty }
}
