import Testing
@testable import IkigaiCore

@Suite("Per-person arrays never trust a person number blindly")
struct PersonSlotsTests {
    func register(_ numbers: [Int]) -> PersonRegister {
        var personOf: [SourceRow: PersonID] = [:]
        for (i, n) in numbers.enumerated() { personOf[SourceRow(file: "visits/2018-05.csv", row: i + 2)] = PersonID(n) }
        return PersonRegister(personOf: personOf)
    }

    @Test func denseNumbersAreTheirOwnSlots() {
        let slots = PersonSlots(register([1, 2, 2, 5]))
        #expect(slots.count == 6)
        #expect(slots.slot(PersonID(5)) == 5)
    }

    @Test("numbers from an edited ids.csv get slots of their own, within the people seen", arguments: [
        [-3, 1, 2], [1, 9_000_000_000], [Int.max, 4, 4],
    ])
    func absurdNumbers(_ numbers: [Int]) {
        let slots = PersonSlots(register(numbers))
        #expect(slots.count == Set(numbers).count)
        #expect(Set(numbers.map { slots.slot(PersonID($0)) }) == Set(0..<Set(numbers).count))
    }

    @Test func emptyRegister() {
        #expect(PersonSlots(register([])).count == 0)
    }
}
