import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Held by a command for as long as it reads and writes one `Output/`, so that two
/// commands never do so at once.
///
/// Two runs started together (two handlers at the end of the month, a double click)
/// would each carry over the audit record as it was before either wrote, and the one
/// swapped in last would drop the other's entry. The second is refused at once rather
/// than made to wait, since its results would be stale. The lock is an `flock` on a file
/// beside the folder (`.Output.ikigai.lock`), so the system lets go of it when a process
/// ends in any way, killed or not; a killed holder's file is removed by the next holder.
public final class OutputLock {
    private let fd: Int32
    private let path: String

    /// Takes the lock of `outputDir`, or says who has it.
    public init(outputDir: String) throws(OutputWriter.Problem) {
        let writer = OutputWriter(outputDir: outputDir)
        path = writer.lockPath
        // The holder removes the file when it lets go, so that nothing stays beside Output/.
        // A file opened just before that removal is locked in vain: the lock is taken again
        // on the file the path names now (a few tries; a loop of such races is not expected).
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                // A mistyped --output is the usual cause; the folder is not created for it, since
                // personal data would then go wherever the typo points.
                if errno == ENOENT || errno == ENOTDIR {
                    throw OutputWriter.Problem(path: writer.parent, reason: "Output を置くフォルダがありません。"
                        + "--output のフォルダ名を確かめてください。正しければ、そのフォルダを先に作ってから実行してください (the folder that should hold the output folder does not exist)")
                }
                throw OutputWriter.Problem(path: path, reason: "Output の横にロックのファイルを作れません（\(String(cString: strerror(errno)))）。"
                    + "Output を置くフォルダに書き込めるか確かめてください (cannot create the lock file beside the output folder)")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = busy
                    ? "ほかの ikigai が同じ Output に書いている最中です。終わってからもう一度実行してください (another ikigai command is using this output folder)"
                    : String(cString: strerror(errno))
                close(fd)
                throw OutputWriter.Problem(path: writer.outputDir, reason: reason)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                self.fd = fd
                return
            }
            close(fd)
        }
        throw OutputWriter.Problem(path: path, reason: "ロックを取れません (the lock file keeps changing)")
    }

    deinit {
        unlink(path)
        close(fd)
    }
}

extension OutputWriter {
    /// Beside the folder, not in it: the folder itself is exchanged by a run. Not named like
    /// the folders a run writes aside, which `removeLeftovers` deletes.
    var lockPath: String { parent + "/." + base + ".ikigai.lock" }
}
