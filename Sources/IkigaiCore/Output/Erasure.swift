import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Erasure at the end of the contract (特記事項 11–12): every file of the
/// fiscal year that holds or derives from residents' data, in `Input/` and
/// `Output/`. The audit record, the public statistics history and the
/// year's settings and class list (no resident data) are kept.
///
/// Each file is overwritten with zeros, synced, then unlinked. On an SSD
/// (wear levelling, spare blocks) or a copy-on-write or journalling file
/// system, or with backups and snapshots, the old blocks may survive on the
/// device: overwriting is a best effort there, and the certificate says so.
/// Full assurance needs the device's own secure erase or encryption with the
/// key destroyed.
public struct Erasure: Sendable {
    public let inputDir: String
    public let outputDir: String

    public init(inputDir: String, outputDir: String) {
        self.inputDir = inputDir
        self.outputDir = outputDir
    }

    /// One file a purge erases (or that stops it, `blocked`), with its digest for the certificate.
    public struct Item: Sendable {
        /// `Input/visits/2018-04.csv`-style path, as shown to people.
        public let shown: String
        public let path: String
        public let digest: AuditLog.FileDigest
        /// A symbolic link, named pipe, socket or device node: removed itself, never written
        /// through (a link's target is not ours to erase: intake does not follow links; the others
        /// hold no bytes of their own). A link's digest is of its text, the others' of nothing.
        public var removedOnly = false
        /// Why this file cannot be erased as it is (no permission to read or write it, or to
        /// remove it from its folder); nil when it can. A purge with any such file erases nothing.
        public var blocked: String? = nil
    }

    /// Output folders and files that are kept (no resident data).
    static let keptOutput: Set<String> = ["audit", "history", "README.md"]
    static let keptInput: Set<String> = ["settings.toml", "classes.csv", "README.md"]

    /// What would be erased, sorted. Files are shown by name (in the certificate, the audit
    /// record and the terminal) when ikigai knows them: the year's sheets, and what the last
    /// run wrote. Any other file, someone's memo or copy, is shown by its folder and kind only,
    /// as its name may be a resident's (`SavedFileName`).
    public func plan() -> [Item] {
        var out: [Item] = []
        let fm = FileManager.default
        let input = InputFolder(root: inputDir)
        let sheets = Set(input.sheets.map(\.path) + input.refused.map(\.file))
        let written = PreviousRun.writtenFiles(outputDir: outputDir)
        func add(_ root: String, _ label: String, keep: Set<String>, named: Set<String>) {
            for rel in (fm.subpaths(atPath: root) ?? []).sorted() {
                let top = String(rel.split(separator: "/").first ?? "")
                if keep.contains(top) { continue }
                let full = root + "/" + rel
                let shown = label + "/" + (named.contains(rel) ? rel : SavedFileName.shown(rel, written: named))
                // Unlinking needs the folder's permission, whatever the file's own.
                let folder = (full as NSString).deletingLastPathComponent
                let unlinkable = access(folder, W_OK | X_OK) == 0
                if let target = try? fm.destinationOfSymbolicLink(atPath: full) {
                    out.append(Item(shown: shown, path: full, digest: AuditLog.FileDigest(path: shown, bytes: Array(target.utf8)),
                                    removedOnly: true, blocked: unlinkable ? nil : "入っているフォルダに書き込む権限がありません"))
                    continue
                }
                // Opening a named pipe to read or overwrite it waited for the other end for ever.
                var st = stat()
                if lstat(full, &st) == 0, ![S_IFREG, S_IFDIR].contains(st.st_mode & S_IFMT) {
                    out.append(Item(shown: shown, path: full, digest: AuditLog.FileDigest(path: shown, bytes: []),
                                    removedOnly: true, blocked: unlinkable ? nil : "入っているフォルダに書き込む権限がありません"))
                    continue
                }
                // A name that is not UTF-8 (Shift_JIS bytes copied from a Windows share) reaches us with
                // replacement characters, a path no file has: it was skipped, and the file survived.
                if rel.unicodeScalars.contains("\u{FFFD}") {
                    out.append(Item(shown: shown, path: full, digest: AuditLog.FileDigest(path: shown, bytes: 0, sha256: ""),
                                    blocked: "ファイル名が UTF-8 ではないため扱えません。ファイル名を付け直してください"))
                    continue
                }
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
                // A file that cannot be read or written is listed as blocked, never left out: it
                // would survive the purge while the certificate reported the year erased.
                guard access(full, R_OK | W_OK) == 0, let digest = Erasure.digest(of: full, as: shown) else {
                    out.append(Item(shown: shown, path: full, digest: AuditLog.FileDigest(path: shown, bytes: FileBytes.size(full), sha256: ""),
                                    blocked: "読み書きする権限がありません"))
                    continue
                }
                out.append(Item(shown: shown, path: full, digest: digest, blocked: unlinkable ? nil : "入っているフォルダに書き込む権限がありません"))
            }
        }
        add(inputDir, "Input", keep: Erasure.keptInput, named: sheets)
        add(outputDir, "Output", keep: Erasure.keptOutput, named: written)
        for folder in leftovers { add(folder, (folder as NSString).lastPathComponent, keep: [], named: written) }
        return out
    }

    /// The file's digest, read a megabyte at a time: a year's folders at 100× hold files of
    /// tens of megabytes, and reading each whole (then copying it to an array) held two copies.
    static func digest(of path: String, as shown: String) -> AuditLog.FileDigest? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        var hasher = SHA256()
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            hasher.update(data: chunk[..<n])
            total += n
        }
        return AuditLog.FileDigest(path: shown, bytes: total, sha256: AuditLog.hex(hasher.finalize()))
    }

    /// Folders a run killed part way left beside `Output/` (its documents written aside, or the
    /// previous `Output/` set aside by a swap): they hold residents' data as `Output/` does, and
    /// only the next run would have removed them.
    var leftovers: [String] {
        let writer = OutputWriter(outputDir: outputDir)
        return ((try? FileManager.default.contentsOfDirectory(atPath: writer.parent)) ?? [])
            .filter { $0.hasPrefix(writer.scratchPrefix) }.sorted().map { writer.parent + "/" + $0 }
    }

    /// Overwrites, syncs and unlinks each item, then removes emptied folders.
    public func execute(_ items: [Item]) throws -> Int {
        var erased = 0
        for item in items {
            if item.removedOnly {
                guard unlink(item.path) == 0 else { throw ErasureError(path: item.shown, reason: String(cString: strerror(errno))) }
                erased += 1
                continue
            }
            // O_NOFOLLOW: a file that became a link after the plan is refused, not written through.
            let fd = open(item.path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw ErasureError(path: item.shown, reason: String(cString: strerror(errno))) }
            let zeros = [UInt8](repeating: 0, count: 65_536)
            var left = item.digest.bytes
            while left > 0 {
                let n = zeros.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, min(left, zeros.count)) }
                if n <= 0 { close(fd); throw ErasureError(path: item.shown, reason: String(cString: strerror(errno))) }
                left -= n
            }
            fsync(fd)
            close(fd)
            guard unlink(item.path) == 0 else { throw ErasureError(path: item.shown, reason: String(cString: strerror(errno))) }
            erased += 1
        }
        for root in [outputDir, inputDir] { Erasure.removeEmptyFolders(root, keep: root == outputDir ? Erasure.keptOutput : []) }
        for folder in leftovers {
            Erasure.removeEmptyFolders(folder, keep: [])
            rmdir(folder)
        }
        return erased
    }

    static func removeEmptyFolders(_ root: String, keep: Set<String>) {
        let fm = FileManager.default
        for rel in (fm.subpaths(atPath: root) ?? []).sorted(by: { $0.count > $1.count }) {
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue, !keep.contains(rel),
               (try? fm.contentsOfDirectory(atPath: full))?.isEmpty == true {
                try? fm.removeItem(atPath: full)
            }
        }
    }

    /// A file that could not be erased, and why.
    public struct ErasureError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }
}
