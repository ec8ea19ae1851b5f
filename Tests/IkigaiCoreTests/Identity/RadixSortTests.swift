import Testing
@testable import IkigaiCore

/// The blocking step and the guard rely on the sort being a stable sort by key: each block's
/// members must stay in profile order, whatever the keys' digits look like.
@Suite("Radix sort orders keys stably")
struct RadixSortTests {
    /// Keys of several shapes: random, few distinct values, one digit varying, all equal.
    static func keys(_ n: Int, shape: Int, seed: UInt64) -> [UInt64] {
        var g = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            let r = g.next()
            switch shape {
            case 0: return r
            case 1: return r % 7 &* 0x9E37_79B9_7F4A_7C15
            case 2: return 0xABCD_0000_0000_1234 | (r & 0xFFFF) << 24
            case 3: return 42
            default: return r >> 40
            }
        }
    }

    @Test(arguments: [0, 1, 2, 100, 4_095, 4_096, 5_000, 70_000])
    func agreesWithTheStandardStableSort(_ n: Int) {
        for shape in 0..<5 {
            var keys = RadixSortTests.keys(n, shape: shape, seed: UInt64(n * 10 + shape))
            var payload = Array(0..<n)
            let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            RadixSort.sort(&keys, carrying: &payload)
            #expect(payload.count == n && zip(payload, expected).allSatisfy { $0 == $1 }, "n \(n), shape \(shape)")
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}
