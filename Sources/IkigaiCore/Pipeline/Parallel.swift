import Dispatch
import Synchronization

/// Independent pieces of work of one step, run on all cores.
enum Parallel {
    /// `items.map(transform)`, the items shared out among the cores; the order is kept.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Mutex([Int: R]())
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let r = transform(items[i])
            results.withLock { $0[i] = r }
        }
        let byIndex = results.withLock { $0 }
        return items.indices.map { i in
            guard let r = byIndex[i] else { preconditionFailure("a parallel item did not run") }
            return r
        }
    }

    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Mutex<A?>(nil), second = Mutex<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { let r = a(); first.withLock { $0 = r } } else { let r = b(); second.withLock { $0 = r } }
        }
        // concurrentPerform returns only after both iterations ran, so both are set.
        guard let x = first.withLock({ $0 }), let y = second.withLock({ $0 }) else { preconditionFailure("a parallel half did not run") }
        return (x, y)
    }
}
