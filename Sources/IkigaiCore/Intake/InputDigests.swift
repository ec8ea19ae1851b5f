import Synchronization

/// The SHA-256 of each input file taken from the very bytes intake read, for
/// the audit record. Hashing the files again at the end of the run described
/// whatever was on disk by then: a clerk who saved a sheet in Excel while the
/// run went on got an audit entry naming content the documents were not made
/// from.
final class InputDigests: Sendable {
    private let byPath = Mutex<[String: AuditLog.FileDigest]>([:])

    /// Notes `bytes` as what was read of `path` (the path under `Input/`); called on the
    /// intake workers, once per file.
    func note(_ path: String, _ bytes: [UInt8]) {
        let digest = AuditLog.FileDigest(path: path, bytes: bytes)
        byPath.withLock { $0[path] = digest }
    }

    /// The digests of `paths` that were read, in that order.
    func listed(_ paths: [String]) -> [AuditLog.FileDigest] {
        byPath.withLock { d in paths.compactMap { d[$0] } }
    }
}
