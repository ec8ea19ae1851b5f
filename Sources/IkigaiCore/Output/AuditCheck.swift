import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `ikigai audit verify` found in an output folder.
///
/// A folder with no audit record at all is its own answer, not "0 entries, nothing
/// changed": a mistyped `--output`, or a record deleted whole, passed the check before.
public enum AuditCheck: Sendable, Equatable {
    /// Every entry links to the one before it.
    case intact(entries: Int, head: String)
    /// The chain breaks at `at`; the entries before it were verified.
    case broken(at: AuditLog.Break, verified: Int)
    /// No `audit/audit.jsonl` in the folder. `setAside`: the folder itself is missing and the
    /// previous one lies beside it, set aside by a swap cut short (the next run, purge or
    /// report puts it back).
    case missing(setAside: Bool)

    public static func of(outputDir: String) -> AuditCheck {
        var st = stat()
        guard lstat(outputDir + "/audit/audit.jsonl", &st) == 0 else {
            return .missing(setAside: OutputWriter(outputDir: outputDir).setAsideFolder != nil)
        }
        let (log, broken) = AuditLog.read(outputDir: outputDir)
        if let broken { return .broken(at: broken, verified: log.entries.count) }
        return .intact(entries: log.entries.count, head: log.head)
    }
}
