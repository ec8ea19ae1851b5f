import Crypto

/// Keeps person numbers stable between runs: the previous run leaves, in its
/// confidential `people/ids.csv`, which number each profile had (as a
/// digest of its folded name and phone, not the name itself); a cluster
/// that holds a known profile keeps the smallest number it held, and new
/// people get new numbers in order of first appearance.
enum PersonNumbering {
    static func digest(_ profileKey: String) -> String {
        SHA256.hash(data: Array(profileKey.utf8)).prefix(10).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// `clusters` are lists of profile keys in order of first appearance.
    static func assign(_ clusters: [[String]], previous: [String: Int]) -> [Int] {
        var next = (previous.values.max() ?? 0) + 1
        var used = Set<Int>()
        var numbers = Array(repeating: 0, count: clusters.count)
        // Known people first, so that a new cluster never takes a number a later cluster held.
        for (i, keys) in clusters.enumerated() {
            let known = keys.compactMap { previous[digest($0)] }.filter { !used.contains($0) }
            if let n = known.min() {
                numbers[i] = n
                used.insert(n)
            }
        }
        for i in clusters.indices where numbers[i] == 0 {
            while used.contains(next) { next += 1 }
            numbers[i] = next
            used.insert(next)
        }
        return numbers
    }
}
