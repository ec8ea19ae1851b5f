/// The few house digests one profile has (almost always one, never 0): the first held
/// inline, any others in an array. An array for every profile was an allocation for each
/// of some 400,000 profiles at 100×, for a value that is one number.
struct SmallCodeSet {
    private var first: UInt64 = 0
    private var others: [UInt64] = []

    var isEmpty: Bool { first == 0 }

    func contains(_ code: UInt64) -> Bool { code != 0 && (first == code || others.contains(code)) }

    mutating func insert(_ code: UInt64) {
        guard code != 0, !contains(code) else { return }
        if first == 0 { first = code } else { others.append(code) }
    }

    func isDisjoint(with other: SmallCodeSet) -> Bool {
        guard !isEmpty, !other.isEmpty else { return true }
        return !other.contains(first) && !others.contains(where: other.contains)
    }

    func forEach(_ body: (UInt64) -> Void) {
        guard first != 0 else { return }
        body(first)
        others.forEach(body)
    }

    mutating func removeAll(where drop: (UInt64) -> Bool) {
        guard (first != 0 && drop(first)) || others.contains(where: drop) else { return }
        let kept = ([first] + others).filter { $0 != 0 && !drop($0) }
        first = kept.first ?? 0
        others = Array(kept.dropFirst())
    }
}
