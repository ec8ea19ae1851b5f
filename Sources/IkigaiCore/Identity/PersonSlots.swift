/// Dense positions 0..<count for the people of a register, so that steps
/// counting per person can use arrays instead of dictionaries and sets.
///
/// Person numbers are normally dense (1…N, a few gaps where people merged),
/// so the number itself is the position. Numbers carried over from an
/// earlier run's `people/ids.csv` could be anything if that file was
/// edited; then positions come from a dictionary instead, so an absurd
/// number can never size an array.
struct PersonSlots {
    let count: Int
    private let byNumber: [Int: Int]?

    init(_ register: PersonRegister) {
        var low = Int.max, high = Int.min
        for id in register.personOf.values {
            low = min(low, id.number)
            high = max(high, id.number)
        }
        if register.personOf.isEmpty {
            count = 0
            byNumber = nil
        } else if low >= 0, high <= 2 * register.personOf.count + 1_000 {
            count = high + 1
            byNumber = nil
        } else {
            var map: [Int: Int] = [:]
            for id in register.personOf.values where map[id.number] == nil { map[id.number] = map.count }
            count = map.count
            byNumber = map
        }
    }

    func slot(_ id: PersonID) -> Int {
        guard let byNumber else { return id.number }
        return byNumber[id.number] ?? 0
    }
}
