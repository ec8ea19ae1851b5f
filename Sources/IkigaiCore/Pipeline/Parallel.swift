import Dispatch
import Synchronization

/// Two independent pieces of work of one step, run on both cores.
enum Parallel {
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
