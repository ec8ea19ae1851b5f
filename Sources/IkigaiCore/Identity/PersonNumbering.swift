import Crypto
import Dispatch
import Synchronization

/// Keeps person numbers stable between runs: the previous run leaves, in its
/// confidential `people/ids.csv`, which number each profile had (as a
/// digest of its folded name and phone, not the name itself); a cluster
/// that holds a known profile keeps the smallest number it held, and new
/// people get new numbers in order of first appearance.
enum PersonNumbering {
    /// Numbers above this are taken for an edited `ids.csv`, not a number this tool gave: a
    /// ward's whole population is a few hundred thousand, and a number near `Int.max` made the
    /// next new person's number overflow.
    static let largest = 99_999_999

    static func digest(_ profileKey: String) -> ProfileDigest {
        ProfileDigest(prefixOf: SHA256.hash(data: Array(profileKey.utf8)))
    }

    /// The digest of every profile key, on all cores (a 100× year has hundreds of
    /// thousands of profiles, each hashed with SHA-256).
    static func digests(_ keys: [String]) -> [ProfileDigest] {
        let slots = Mutex([ProfileDigest](repeating: ProfileDigest(prefixOf: []), count: keys.count))
        let chunk = 4_096
        DispatchQueue.concurrentPerform(iterations: (keys.count + chunk - 1) / chunk) { c in
            let range = (c * chunk)..<min(keys.count, (c + 1) * chunk)
            let made = range.map { digest(keys[$0]) }
            slots.withLock { for (i, d) in zip(range, made) { $0[i] = d } }
        }
        return slots.withLock { $0 }
    }

    /// `count` clusters in order of first appearance, `keys(i)` giving the profile digests of
    /// cluster `i`: each cluster takes the smallest number one of its profiles held in the
    /// previous run that no earlier cluster took, and the rest take new numbers in order.
    static func assign<Keys: Sequence<ProfileDigest>>(count: Int, previous: PreviousNumbers, keys: (Int) -> Keys) -> [Int] {
        var next = previous.highest + 1
        var used = Set<Int>()
        var numbers = Array(repeating: 0, count: count)
        // Known people first, so that a new cluster never takes a number a later cluster held.
        if !previous.isEmpty {
            for i in 0..<count {
                var smallest: Int?
                for key in keys(i) {
                    if let n = previous.number(of: key), !used.contains(n), n < smallest ?? Int.max { smallest = n }
                }
                if let n = smallest {
                    numbers[i] = n
                    used.insert(n)
                }
            }
        }
        for i in 0..<count where numbers[i] == 0 {
            while used.contains(next) { next += 1 }
            numbers[i] = next
            used.insert(next)
        }
        return numbers
    }
}
