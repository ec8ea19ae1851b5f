import Foundation

/// A bounded memo from short texts, compared by their UTF-8 bytes, to what a
/// pure function made of them.
///
/// Written here rather than using `[TextKey: Value]`: with a dictionary, the
/// per-lookup SipHash set-up and hashing of the memos took about 10 % of a
/// 10× run (perf, `ikigai-bench speed`), more than the parsing the memos
/// save. This table hashes eight bytes at a time, probes linearly, and keeps
/// the hashes apart from the entries so that a probe touches no strings.
///
/// Its cost is bounded on any input: a text longer than `longestKept` bytes
/// is never kept, a look-up probes at most `maxProbe` slots (a sheet built
/// to collide is then only computed, not stored), and when the table holds
/// `limit` entries it is emptied and starts again.
struct TextMemo<Value> {
    static var longestKept: Int { 256 }
    static var maxProbe: Int { 16 }

    /// 0 marks an empty slot; stored hashes have their low bit set.
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private var count = 0
    /// Entries held before the table is emptied.
    let limit: Int

    init(limit: Int = 1 << 18) {
        self.limit = limit
        hashes = Array(repeating: 0, count: 1024)
        keys = Array(repeating: "", count: 1024)
        values = Array(repeating: nil, count: 1024)
    }

    var isEmpty: Bool { count == 0 }

    /// The memoised `compute(text)`.
    mutating func value(_ text: String, _ compute: (String) -> Value) -> Value {
        var text = text
        guard text.utf8.count <= TextMemo.longestKept else { return compute(text) }
        let hash = text.withUTF8 { TextMemo.hash($0) } | 1
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: hash >> 1) & mask
        var free: Int?
        for _ in 0..<TextMemo.maxProbe {
            let h = hashes[i]
            if h == 0 { free = i; break }
            if h == hash && TextMemo.sameBytes(keys[i], &text), let v = values[i] { return v }
            i = (i + 1) & mask
        }
        let value = compute(text)
        guard let slot = free else { return value }
        if count >= limit {
            clear()
            return value
        }
        hashes[slot] = hash
        keys[slot] = text
        values[slot] = value
        count += 1
        // Kept at most half full, so that probes stay short.
        if count * 2 > hashes.count { grow() }
        return value
    }

    private mutating func clear() {
        let n = hashes.count
        hashes = Array(repeating: 0, count: n)
        keys = Array(repeating: "", count: n)
        values = Array(repeating: nil, count: n)
        count = 0
    }

    private mutating func grow() {
        let (oldHashes, oldKeys, oldValues) = (hashes, keys, values)
        let n = oldHashes.count * 2
        hashes = Array(repeating: 0, count: n)
        keys = Array(repeating: "", count: n)
        values = Array(repeating: nil, count: n)
        count = 0
        let mask = n - 1
        for j in oldHashes.indices where oldHashes[j] != 0 {
            var i = Int(truncatingIfNeeded: oldHashes[j] >> 1) & mask
            for _ in 0..<TextMemo.maxProbe {
                if hashes[i] == 0 {
                    hashes[i] = oldHashes[j]
                    keys[i] = oldKeys[j]
                    values[i] = oldValues[j]
                    count += 1
                    break
                }
                i = (i + 1) & mask
            }
        }
    }

    private static func sameBytes(_ a: String, _ b: inout String) -> Bool {
        var a = a
        return a.withUTF8 { p in
            b.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pa = p.baseAddress, let qa = q.baseAddress else { return true }
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }

    /// A multiply–xorshift mix over 8-byte words; collisions only cost a probe.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(p.count) &* k
        guard let base = p.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= p.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < p.count {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* k
        h ^= h >> 32
        return h
    }
}
