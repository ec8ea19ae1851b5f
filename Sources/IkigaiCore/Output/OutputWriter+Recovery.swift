import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Undoing a swap that was cut short.
///
/// Where the file system has no `renameat2(RENAME_EXCHANGE)` (exFAT, some network
/// shares) the swap is two renames: the old `Output/` aside, then the new one in
/// its place. A run killed between the two left no `Output/` at all, and the next
/// run then deleted the folder set aside as a leftover, and with it the audit
/// record, the published history and the person numbers of every earlier run.
extension OutputWriter {
    /// When `Output/` is missing and a previous folder set aside by a swap is beside it, puts
    /// that folder back. Called with the output lock held, before anything reads the folder.
    /// Returns whether a folder was put back.
    @discardableResult
    public func recoverInterruptedSwap() -> Bool {
        guard let aside = setAsideFolder else { return false }
        return rename(aside, outputDir) == 0
    }

    /// The previous `Output/` as a swap cut short left it beside the missing folder, if so.
    var setAsideFolder: String? {
        var st = stat()
        guard lstat(outputDir, &st) != 0, errno == ENOENT else { return nil }
        // Normally one; should there be more, the latest set aside is the latest complete run.
        let aside = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(scratchPrefix + "old-") }
            .map { name -> (String, Int) in
                var s = stat()
                return (name, lstat(parent + "/" + name, &s) == 0 ? Int(s.st_mtim.tv_sec) : 0)
            }
            .max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return aside.map { parent + "/" + $0.0 }
    }
}
