import Foundation

/// A bounded memo from short texts, compared by their UTF-8 bytes, to what a
/// pure function made of them.
///
/// Written here rather than using `[TextKey: Value]`: with a dictionary, the
/// per-lookup SipHash set-up and hashing of the memos took about 10 % of a
/// 10× run (perf, `ikigai-bench speed`), more than the parsing the memos
/// save. This table hashes eight bytes at a time and probes linearly; each
/// slot holds its hash, key and value side by side, so that a look-up in a
/// table too big for the cache (the birth dates and readings of a 100× year)
/// misses it once, not once for each of three arrays.
///
/// Its cost is bounded on any input: a text longer than `longestKept` bytes
/// is never kept, a look-up probes at most `maxProbe` slots (a sheet built
/// to collide is then only computed, not stored), and when the table holds
/// `limit` entries it is emptied and starts again.
struct TextMemo<Value> {
    static var longestKept: Int { 256 }
    static var maxProbe: Int { 16 }

    private struct Slot {
        /// 0 marks an empty slot; stored hashes have their low bit set.
        var hash: UInt64 = 0
        var key = ""
        var value: Value?
    }

    private var slots: [Slot]
    private var count = 0
    /// Entries held before the table is emptied.
    let limit: Int

    /// `expected`: about how many distinct texts will be kept, so that the table is made at its
    /// size once instead of doubling (each doubling re-enters every entry: a tenth of the
    /// identity step's name memo at 10×). Never more room than `limit` entries need.
    init(limit: Int = 1 << 18, expected: Int = 0) {
        self.limit = limit
        var size = 1024
        while size < 2 * min(expected, limit) { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    var isEmpty: Bool { count == 0 }

    /// The memoised `compute(text)`.
    mutating func value(_ text: String, _ compute: (String) -> Value) -> Value {
        var text = text
        guard text.utf8.count <= TextMemo.longestKept else { return compute(text) }
        let hash = text.withUTF8 { TextMemo.hash($0) } | 1
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash >> 1) & mask
        var free: Int?
        for _ in 0..<TextMemo.maxProbe {
            let h = slots[i].hash
            if h == 0 { free = i; break }
            if h == hash && TextMemo.sameBytes(slots[i].key, &text), let v = slots[i].value { return v }
            i = (i + 1) & mask
        }
        let value = compute(text)
        guard let slot = free else { return value }
        if count >= limit {
            clear()
            return value
        }
        slots[slot] = Slot(hash: hash, key: text, value: value)
        count += 1
        // Kept at most half full, so that probes stay short.
        if count * 2 > slots.count { grow() }
        return value
    }

    private mutating func clear() {
        slots = Array(repeating: Slot(), count: slots.count)
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        count = 0
        let mask = slots.count - 1
        for s in old where s.hash != 0 {
            var i = Int(truncatingIfNeeded: s.hash >> 1) & mask
            for _ in 0..<TextMemo.maxProbe {
                if slots[i].hash == 0 {
                    slots[i] = s
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
        // Finished as murmur3's fmix64, so that every byte reaches the low bits that pick a slot.
        // One shift-xor left short keys that differ only in their last bytes (dates, codes,
        // `行0`…`行4999`) on one slot: probe runs past `maxProbe`, and texts computed again.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
