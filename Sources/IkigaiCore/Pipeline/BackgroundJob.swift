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
        let pending = Mutex<(@Sendable () -> T)?>(work)
        let thread = Thread { [self] in
            // Without the lower priority the job still runs, only sooner; nothing depends on it.
            _ = ikigai_lower_thread_priority()
            // Taken out, so that what the work holds is let go as soon as it is done.
            guard let work = pending.withLock({ $0.take() }) else { return }
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

/// Lets go of a run's large values on a thread of their own.
///
/// A 100× year's rows, people and pages took a second of one core to free when the run
/// ended, after its output was written; handed over here just before the writing, the
/// freeing overlaps it (the writing mostly waits for the disk).
enum Release {
    /// `value` is moved to the thread, which holds the last reference to it: whatever it
    /// alone owns is freed there.
    static func inBackground<T>(_ value: consuming T) {
        let box = Box(value)
        Thread { box.value = nil }.start()
    }

    /// Touched by the releasing thread only, once handed over.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }
}
