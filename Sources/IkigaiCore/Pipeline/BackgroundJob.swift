import CIkigaiShims
import Foundation
import Synchronization

/// Work whose result a run needs only some steps later, on a thread of its own
/// at the lowest priority: it takes a core the steps in between leave idle,
/// and yields to them when they use both.
///
/// Started beside identity, the public-file guard's needles (some 4 CPU
/// seconds at 100×) took a core from identity's first pass, which runs on two,
/// and then ended long before the guard needed them; identity's single-core
/// tail left the other core idle meanwhile (perf timeline of a 100× run).
final class BackgroundJob<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            // Without the lower priority the job still runs, only sooner; nothing depends on it.
            _ = ikigai_lower_thread_priority()
            let r = work()
            result.withLock { $0 = r }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The job's result, once it has finished (waits for it until then).
    func value() -> T {
        finished.wait()
        finished.signal()
        guard let r = result.withLock({ $0 }) else { preconditionFailure("a background job signalled without a result") }
        return r
    }
}
