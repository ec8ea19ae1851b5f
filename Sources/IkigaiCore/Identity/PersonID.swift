/// The number the register gives one person (`P00012`).
public struct PersonID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int

    public init(_ number: Int) { self.number = number }

    public var description: String {
        let s = String(number)
        return "P" + String(repeating: "0", count: max(0, 5 - s.count)) + s
    }

    public static func < (a: PersonID, b: PersonID) -> Bool { a.number < b.number }
}
