/// Needles found by their first two code points and their length, so that a
/// text is scanned once whatever the number of needles. Both sides are
/// NFKC-folded, so comparing scalars finds every occurrence that comparing
/// Characters would (and a needle inside a longer cluster too, which for a
/// leak check errs on the safe side).
///
/// At each place of the text, a bit table of the first two code points turns
/// most places away at once; where it does not, the text is looked up at each
/// needle length that starts so. Comparing every needle with the same start
/// was most of the guard: a town's name starts some 100,000 addresses at 100×,
/// and the statistics pages name the towns.
struct NeedleIndex: Sendable {
    /// Where a needle's code points lie in `scalars`.
    private struct Entry: Sendable {
        let start: Int
        let count: Int
    }

    /// The lengths (in code points) of the needles with each start, shortest first.
    private var lengths: [UInt64: [Int]] = [:]
    /// Every needle's code points, one after another. An array of them for each needle, in
    /// an array for each hash, was an eighth of a run's memory at its peak (`valgrind
    /// --tool=massif` at 10×): 800,000 needles at 100×, alive until the last page is checked.
    private var scalars: [Unicode.Scalar] = []
    /// Needles by the hash of their code points.
    private var byHash: [UInt64: Entry] = [:]
    /// Further needles whose hash another needle took first (told apart by comparing).
    private var collisions: [UInt64: [Entry]] = [:]
    /// One bit per start, at `slot(key)`.
    private var starts = [UInt64](repeating: 0, count: NeedleIndex.slots / 64)
    private static let slots = 1 << 16
    /// The bits of each hash that are kept: all of them, but for the tests, which keep a few so
    /// that needles collide.
    private let hashMask: UInt64

    /// `needles` may repeat one (two spellings of an address fold alike); it is kept once.
    init(_ needles: [String], hashBits: Int = 64) {
        hashMask = hashBits >= 64 ? ~0 : (1 << UInt64(hashBits)) - 1
        // Each table is reached once per needle, through its `default:` accessor where it is
        // written, and sized up front: three look-ups of each and the tables' growth were most
        // of building the index.
        byHash.reserveCapacity(needles.count)
        // Each needle's code points are read through one buffer: slices of the array (`c[...]`),
        // each a retain and a release, were a third of building the index at 100× (perf).
        var c: [Unicode.Scalar] = []
        for n in needles {
            c.removeAll(keepingCapacity: true)
            for u in n.unicodeScalars { c.append(u) }
            guard c.count >= 2 else { continue }
            let h = c.withUnsafeBufferPointer { NeedleIndex.hash($0) } & hashMask
            if let first = byHash[h] {
                let known = c.withUnsafeBufferPointer { needle in
                    holds(first, needle) || collisions[h]?.contains(where: { holds($0, needle) }) == true
                }
                if known { continue }
                collisions[h, default: []].append(Entry(start: scalars.count, count: c.count))
            } else {
                byHash[h] = Entry(start: scalars.count, count: c.count)
            }
            scalars.append(contentsOf: c)
            let k = NeedleIndex.key(c[0], c[1])
            NeedleIndex.add(c.count, to: &lengths[k, default: []])
            let slot = NeedleIndex.slot(k)
            starts[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        lengths = lengths.mapValues { $0.sorted() }
    }

    /// Adds a length unless the list holds it (a start has a few lengths at most).
    private static func add(_ length: Int, to list: inout [Int]) {
        if !list.contains(length) { list.append(length) }
    }

    /// Whether the needle at `e` is `text`.
    private func holds(_ e: Entry, _ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        e.count == text.count && scalars.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[e.start..<(e.start + e.count)]).elementsEqual(text) }
    }

    @inline(__always)
    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48) }

    @inline(__always)
    private static func mix(_ h: UInt64, _ u: Unicode.Scalar) -> UInt64 {
        let x = (h ^ UInt64(u.value)) &* 0x9E37_79B9_7F4A_7C15
        return x ^ x >> 29
    }

    private static func hash(_ c: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        c.reduce(0xcbf2_9ce4_8422_2325, mix)
    }

    func occurs(in string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard scalars.count >= 2, !lengths.isEmpty else { return false }
        return scalars.withUnsafeBufferPointer { occurs(inScalars: $0) }
    }

    private func occurs(inScalars text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        for i in 0..<(text.count - 1) {
            let k = NeedleIndex.key(text[i], text[i + 1]), slot = NeedleIndex.slot(k)
            guard starts[slot >> 6] & 1 << UInt64(slot & 63) != 0, let ls = lengths[k] else { continue }
            // The hash of text[i..<end], grown one code point at a time to each length.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325, end = i
            for n in ls {
                guard i + n <= text.count else { break }
                while end < i + n { h = NeedleIndex.mix(h, text[end]); end += 1 }
                guard let first = byHash[h & hashMask] else { continue }
                let candidate = UnsafeBufferPointer(rebasing: text[i..<end])
                if holds(first, candidate) || collisions[h & hashMask]?.contains(where: { holds($0, candidate) }) == true { return true }
            }
        }
        return false
    }
}
