import Crypto

/// The lottery's random numbers: SHA-256 in counter mode over a key made
/// from the published seed and the class ID. Anyone with the seed can
/// recompute every number (the method is printed on each result):
///
///     key     = SHA-256("ikigai-lottery-v1" 0x00 seed 0x00 class_id)
///     block i = SHA-256(key ‖ i as 8 bytes big-endian), i = 0, 1, …
///     each block gives four 64-bit big-endian numbers, in order.
///
/// `uniform(below:)` rejects numbers from the incomplete last range, so
/// every outcome is exactly equally likely.
public struct DrawGenerator: Sendable {
    public static let method = "SHA-256 counter mode (key = SHA-256(\"ikigai-lottery-v1\" 0 seed 0 class_id); block i = SHA-256(key || u64be(i)); four u64be per block), uniform by rejection, Fisher-Yates shuffle from the last position down"

    private let key: [UInt8]
    private var counter: UInt64 = 0
    private var buffer: [UInt64] = []

    public init(seed: String, classID: String) {
        key = Array(SHA256.hash(data: Array("ikigai-lottery-v1".utf8) + [0] + Array(seed.utf8) + [0] + Array(classID.utf8)))
    }

    public mutating func next() -> UInt64 {
        if buffer.isEmpty {
            var block = key
            for shift in stride(from: 56, through: 0, by: -8) { block.append(UInt8(truncatingIfNeeded: counter >> UInt64(shift))) }
            counter += 1
            let digest = Array(SHA256.hash(data: block))
            buffer = (0..<4).reversed().map { k in
                digest[(k * 8)..<(k * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
        }
        return buffer.removeLast()
    }

    /// A number in 0..<n, each equally likely.
    public mutating func uniform(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }

    /// Fisher–Yates: for i from the last index down to 1, swap i with a
    /// uniform j in 0…i.
    public mutating func shuffle<T>(_ items: [T]) -> [T] {
        var a = items
        var i = a.count - 1
        while i > 0 {
            let j = uniform(below: i + 1)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}
