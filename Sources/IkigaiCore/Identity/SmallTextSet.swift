/// The few towns or readings one profile has (almost always one), kept as a
/// short array. A `Set<String>` hashed the Japanese text on every row of the
/// profile and on every comparison of two profiles, which showed at 100×;
/// a linear look-up over one or two entries costs less than one hash.
struct SmallTextSet: Sequence {
    private var items: [String] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func insert(_ s: String) {
        if !items.contains(s) { items.append(s) }
    }

    func isDisjoint(with other: SmallTextSet) -> Bool {
        !items.contains { other.items.contains($0) }
    }

    func makeIterator() -> IndexingIterator<[String]> { items.makeIterator() }
}
