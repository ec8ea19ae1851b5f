/// A stable least-significant-digit radix sort of 64-bit keys, 16 bits a
/// pass, carrying a payload beside each key.
///
/// Written here because the blocking step sorts millions of (key, profile)
/// entries: at 100× the standard library's comparison sort of them was a
/// fifth of the identity step. Stability is what keeps each block's
/// members in profile order, as the comparison sort on (key, profile) did.
enum RadixSort {
    static func sort<Payload>(_ keys: inout [UInt64], carrying payload: inout [Payload]) {
        let n = keys.count
        precondition(payload.count == n)
        guard n > 1 else { return }
        guard n >= 1 << 12 else {
            // Small inputs: four passes over 65,536 counters would cost more than they save.
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            keys = order.map { keys[$0] }
            payload = order.map { payload[$0] }
            return
        }
        var otherKeys = [UInt64](repeating: 0, count: n)
        var otherPayload = payload
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            let sorted: Bool = keys.withUnsafeBufferPointer { k in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in c.indices { c[i] = 0 }
                    for key in k { c[Int((key >> shift) & 0xFFFF)] += 1 }
                    // Every key has the same digit here: this pass would not move anything.
                    if c[Int((k[0] >> shift) & 0xFFFF)] == n { return true }
                    var sum = 0
                    for i in c.indices { let x = c[i]; c[i] = sum; sum += x }
                    return false
                }
            }
            if sorted { continue }
            keys.withUnsafeBufferPointer { k in
                payload.withUnsafeBufferPointer { p in
                    otherKeys.withUnsafeMutableBufferPointer { ok in
                        otherPayload.withUnsafeMutableBufferPointer { op in
                            counts.withUnsafeMutableBufferPointer { c in
                                for i in 0..<n {
                                    let d = Int((k[i] >> shift) & 0xFFFF)
                                    let at = c[d]
                                    c[d] = at + 1
                                    ok[at] = k[i]
                                    op[at] = p[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&payload, &otherPayload)
        }
    }
}
