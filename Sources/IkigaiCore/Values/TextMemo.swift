import Foundation

/// A bounded memo from short texts, compared by their UTF-8 bytes, to what a
/// pure function made of them.
///
/// Written here rather than using `[TextKey: Value]`: with a dictionary, the
/// per-lookup SipHash set-up and hashing of the memos took about 10 % of a
/// 10× run (perf, `ikigai-bench speed`), more than the parsing the memos
/// save. This table hashes eight bytes at a time and probes linearly.
///
/// Its cost is bounded on any input: a text longer than `longestKept` bytes
/// is never kept, a look-up probes at most `maxProbe` slots (a sheet built
/// to collide is then only computed, not stored), and when the table holds
/// `limit` entries it is emptied and starts again.
struct TextMemo<Value> {
    private struct Entry {
        let hash: UInt64
        let key: String
        let value: Value
    }

    static var longestKept: Int { 256 }
    static var maxProbe: Int { 16 }

    private var slots: [Entry?]
    private var count = 0
    /// Entries held before the table is emptied.
    let limit: Int

    init(limit: Int = 1 << 18) {
        self.limit = limit
        slots = Array(repeating: nil, count: 1024)
    }

    var isEmpty: Bool { count == 0 }

    /// The memoised `compute(text)`.
    mutating func value(_ text: String, _ compute: (String) -> Value) -> Value {
        var text = text
        guard text.utf8.count <= TextMemo.longestKept else { return compute(text) }
        let hash = text.withUTF8 { TextMemo.hash($0) }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        var free: Int?
        for _ in 0..<TextMemo.maxProbe {
            guard let e = slots[i] else { free = i; break }
            if e.hash == hash && TextMemo.sameBytes(e.key, &text) { return e.value }
            i = (i + 1) & mask
        }
        let value = compute(text)
        guard let slot = free else { return value }
        if count >= limit {
            slots = Array(repeating: nil, count: slots.count)
            count = 0
            return value
        }
        slots[slot] = Entry(hash: hash, key: text, value: value)
        count += 1
        // Kept at most half full, so that probes stay short.
        if count * 2 > slots.count { grow() }
        return value
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        count = 0
        for case let e? in old {
            var i = Int(truncatingIfNeeded: e.hash) & mask
            for _ in 0..<TextMemo.maxProbe {
                if slots[i] == nil { slots[i] = e; count += 1; break }
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
