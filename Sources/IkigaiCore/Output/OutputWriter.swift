import CIkigaiShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a run's documents so that `Output/` is replaced completely or not
/// at all: everything goes into a sibling folder first, which is then
/// exchanged with the old one in a single `renameat2(RENAME_EXCHANGE)`.
public struct OutputWriter: Sendable {
    public let outputDir: String
    /// Whether to swap with `renameat2(RENAME_EXCHANGE)`; tests turn it off to take the
    /// two-rename path that file systems without it get.
    var exchangeSupported = true

    /// Why the new Output could not be written or swapped in (the previous one is untouched).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// The system's error number, when a call failed; 0 otherwise.
        public var code: Int32 = 0
        public var description: String { "\(path): \(reason)" }

        /// A failed system call on `path`, with its error number (read when this is made).
        static func failed(_ path: String, _ code: Int32 = errno) -> Problem {
            Problem(path: path, reason: String(cString: strerror(code)), code: code)
        }

        /// What the manager can do about it, in Japanese, for the failures an office meets: a full
        /// disk (a USB stick, a quota on the shared drive), a read-only or locked place.
        public var advice: String? {
            switch code {
            case ENOSPC, EDQUOT: return "保存先のディスクに空きがありません。不要なファイルを消すなどして空きを作ってから、もう一度実行してください。"
            case EROFS: return "保存先が読み取り専用です。書き込める場所を --output に指定してください。"
            case EACCES, EPERM: return "保存先に書き込む権限がありません。フォルダの権限を確認してください。"
            default: return nil
            }
        }
    }

    public init(outputDir: String) {
        (parent, base) = OutputWriter.split(outputDir)
        self.outputDir = base.isEmpty ? outputDir : parent == "." ? base : parent.hasSuffix("/") ? parent + base : parent + "/" + base
    }

    /// The folder that holds `Output/`, where the run writes aside and swaps.
    let parent: String
    /// `Output/`'s own name; empty for `--output ""` and `--output /`, which `refusal` refuses.
    let base: String

    /// The parent and the name of the folder `path` names. `--output .` or `--output Output/.`
    /// name it by a component that is not its name: Foundation's `deletingLastPathComponent`
    /// crashed on `.` (a trap, exit 132), and `.` cannot be renamed in a swap. A trailing `.`
    /// is dropped, and a folder named by `.` alone or ending in `..` is found by its real path;
    /// the rest of the parent is left as written (a link in it is the kernel's to follow).
    static func split(_ path: String) -> (parent: String, base: String) {
        guard !path.isEmpty else { return (".", "") }
        let absolute = path.hasPrefix("/")
        var parts = path.split(separator: "/").map(String.init)
        while parts.last == "." { parts.removeLast() }
        if parts.isEmpty && !absolute || parts.last == ".." {
            let named = (absolute ? "/" : FileManager.default.currentDirectoryPath + "/") + parts.joined(separator: "/")
            guard let real = RealPath.of(named) else { return (".", "") }
            return split(real)
        }
        guard let base = parts.popLast() else { return ("/", "") }
        if parts.isEmpty { return (absolute ? "/" : ".", base) }
        return ((absolute ? "/" : "") + parts.joined(separator: "/"), base)
    }
    /// Prefix of the folders a run writes aside; a killed run may leave one.
    var scratchPrefix: String { "." + base + ".ikigai-" }

    /// Removes folders an interrupted run left beside `Output/`: they may
    /// hold personal data, and nothing else would ever clean them.
    public func removeLeftovers() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(scratchPrefix) {
            try? fm.removeItem(atPath: parent + "/" + name)
        }
    }

    /// Writes `files` and swaps them in. `keep` names top-level folders of the
    /// old `Output/` that are carried over (the audit record); `carry` names files of
    /// the old `Output/` that are kept as they are (see `othersFiles`).
    public func write(_ files: [OutputFile], keep: [String] = [], carry: [String] = []) throws(Problem) {
        recoverInterruptedSwap()
        if let refused = refusal() { throw refused }
        removeLeftovers()
        let fm = FileManager.default
        let scratch = parent + "/" + scratchPrefix + "new-\(getpid())"
        guard mkdir(scratch, 0o700) == 0 else { throw Problem.failed(scratch) }
        do throws(Problem) {
            // Folders first, then the files on all cores: copying 150 MB into the page cache of
            // some 3,000 files at 100× was a serial second and more at the end of the run.
            // A path given twice is written once, the later file, as writing in order did.
            var last: [String: Int] = [:]
            for (i, f) in files.enumerated() { last[f.path] = i }
            let files = files.indices.filter { last[files[$0].path] == $0 }.map { files[$0] }
            var folders = Set<String>()
            for f in files {
                var dir = ""
                for p in f.path.split(separator: "/").dropLast() {
                    dir += (dir.isEmpty ? "" : "/") + p
                    folders.insert(dir)
                }
            }
            for d in folders.sorted(by: { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }) {
                try makeFolder(scratch + "/" + d)
            }
            let problems = Parallel.map(files) { f -> Problem? in
                do throws(Problem) { try writeContents(f, under: scratch) } catch { return error }
                return nil
            }
            if let first = zip(files, problems).filter({ $0.1 != nil }).min(by: { $0.0.path < $1.0.path }), let p = first.1 {
                throw p
            }
            // Kept folders are merged: earlier files stay unless this run writes the same name.
            for k in keep {
                for rel in (fm.subpaths(atPath: outputDir + "/" + k) ?? []).sorted() {
                    let from = outputDir + "/" + k + "/" + rel, to = scratch + "/" + k + "/" + rel
                    // Files only, asked once: folders are walked, and a named pipe or device node holds no
                    // record to carry (reading one stopped every run).
                    var st = stat()
                    guard stat(from, &st) == 0, st.st_mode & S_IFMT == S_IFREG, !fm.fileExists(atPath: to) else { continue }
                    guard let data = fm.contents(atPath: from) else {
                        throw Problem(path: from, reason: "前回の記録を引き継げません (cannot carry over)")
                    }
                    let ownerOnly = st.st_mode & 0o077 == 0
                    try writeFile(OutputFile(path: k + "/" + rel, bytes: Array(data), confidential: ownerOnly), under: scratch)
                }
            }
            try link(carry, into: scratch, besides: Set(files.map(\.path)))
            // Everything on disk before the swap, so that a crash never leaves an Output/ of
            // empty files. One syncfs rather than an fsync per file: at 10× a run writes over
            // 400 files, and their fsyncs were most of this step's wall time.
            guard ikigai_sync_filesystem(scratch) == 0 else { throw Problem.failed(scratch) }
        } catch {
            try? fm.removeItem(atPath: scratch)
            // Named as the file of Output/ it was to become: the folder written aside is gone.
            guard error.path.hasPrefix(scratch + "/") else { throw error }
            throw Problem(path: outputDir + error.path.dropFirst(scratch.count), reason: error.reason, code: error.code)
        }
        try swapIn(scratch)
    }

    /// Files of the old `Output/` that no run wrote: what someone saved there (a marked-up
    /// copy of a roster, a memo). A run replaces the whole folder, so without this each such
    /// file was deleted by the next month's run, silently. `written` is what the last run's
    /// audit entry lists; `keep` folders and the README are carried or rewritten anyway.
    /// Symbolic links are not kept (the run removes the link, never its target): a link kept
    /// here would outlive the run, and nothing of a link's target is ikigai's to keep or erase.
    public func othersFiles(written: Set<String>, keep: [String]) -> [String] {
        guard refusal() == nil, let walk = FileManager.default.enumerator(atPath: outputDir) else { return [] }
        var out: [String] = []
        while let rel = walk.nextObject() as? String {
            let top = String(rel.prefix { $0 != "/" })
            if keep.contains(top) || rel == "README.md" { continue }
            var st = stat()
            guard lstat(outputDir + "/" + rel, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            if !written.contains(rel) { out.append(rel) }
        }
        return out.sorted()
    }

    /// How many names in `Output/` are not UTF-8 (Shift_JIS bytes copied from a Windows share):
    /// such a file cannot be found by its decoded name, so it could be neither kept nor moved,
    /// and the swap would delete it with the old folder.
    public func undecodableNames() -> Int {
        guard let walk = FileManager.default.enumerator(atPath: outputDir) else { return 0 }
        var n = 0
        while let rel = walk.nextObject() as? String {
            if rel.unicodeScalars.contains("\u{FFFD}") { n += 1 }
        }
        return n
    }

    /// Hard-links each of `carry` from the old `Output/` into the new folder: the old folder
    /// keeps its own link until the swap, so a run stopped at any point loses none of them.
    /// A name that is taken (this run writes it too) is kept as `名前 (前回).拡張子`, or
    /// `名前 (前回 2).拡張子` and so on. Errors name the folder, never the file: a file name
    /// may be a person's name, and a failure is printed on the terminal.
    private func link(_ carry: [String], into scratch: String, besides written: Set<String>) throws(Problem) {
        func taken(_ rel: String) -> Bool {
            var st = stat()
            return written.contains(rel) || lstat(scratch + "/" + rel, &st) == 0
        }
        for rel in carry {
            let ns = rel as NSString
            let ext = ns.pathExtension.isEmpty ? "" : "." + ns.pathExtension, stem = ns.deletingPathExtension
            var target = rel, k = 0
            while taken(target) {
                k += 1
                target = stem + (k == 1 ? " (前回)" : " (前回 \(k))") + ext
            }
            var dir = scratch
            for p in target.split(separator: "/").dropLast() {
                dir += "/" + p
                try makeFolder(dir)
            }
            let from = outputDir + "/" + rel, to = scratch + "/" + target
            // A file system without hard links (exFAT, some network shares) gets a copy: the
            // original stays in the old folder until the swap all the same.
            if linkat(AT_FDCWD, from, AT_FDCWD, to, 0) != 0 {
                do { try FileManager.default.copyItem(atPath: from, toPath: to) } catch {
                    throw Problem(path: outputDir, reason: "前回の Output に置かれていたファイルを残せません (cannot keep a file someone saved there)")
                }
            }
            // Owner-only, as every confidential output is: what is kept here is most likely a copy
            // of one (a marked-up roster), and the handling report checks the modes.
            var st = stat()
            if stat(to, &st) == 0 { chmod(to, st.st_mode & 0o700) }
        }
    }

    private func makeFolder(_ dir: String) throws(Problem) {
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw Problem.failed(dir)
        }
        // Folders are 0700 whatever the umask: the documents are staff-only.
        chmod(dir, 0o700)
    }

    private func writeFile(_ f: OutputFile, under root: String) throws(Problem) {
        var dir = root
        for p in f.path.split(separator: "/").dropLast() {
            dir += "/" + p
            try makeFolder(dir)
        }
        try writeContents(f, under: root)
    }

    /// Writes one file into folders that exist already.
    private func writeContents(_ f: OutputFile, under root: String) throws(Problem) {
        let path = root + "/" + f.path
        let mode: mode_t = f.confidential ? 0o600 : 0o644
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Problem.failed(path) }
        defer { close(fd) }
        fchmod(fd, mode)
        var written = 0
        while written < f.bytes.count {
            let n = f.bytes.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress.map { $0 + written }, f.bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Problem.failed(path)
            }
            written += n
        }
    }

    private func swapIn(_ scratch: String) throws(Problem) {
        let fm = FileManager.default
        chmod(scratch, 0o700)
        if fm.fileExists(atPath: outputDir) {
            if exchangeSupported && ikigai_exchange_paths(scratch, outputDir) == 0 {
                // `scratch` now holds the previous run.
                try? fm.removeItem(atPath: scratch)
                return
            }
            // No exchange on this file system: rename the old folder aside first. A crash
            // between the two renames leaves it beside a missing Output/, and the next
            // command puts it back (`recoverInterruptedSwap`).
            let old = parent + "/" + scratchPrefix + "old-\(getpid())"
            guard rename(outputDir, old) == 0 else {
                try? fm.removeItem(atPath: scratch)
                throw Problem.failed(outputDir)
            }
            guard rename(scratch, outputDir) == 0 else {
                let failed = Problem.failed(outputDir)
                _ = rename(old, outputDir)
                try? fm.removeItem(atPath: scratch)
                throw failed
            }
            try? fm.removeItem(atPath: old)
        } else if rename(scratch, outputDir) != 0 {
            let failed = Problem.failed(outputDir)
            try? fm.removeItem(atPath: scratch)
            throw failed
        }
    }
}
