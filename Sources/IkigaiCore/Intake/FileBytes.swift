import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with plain POSIX calls, so that a directory, a file
/// without permission or a huge file each get their own answer.
enum FileBytes {
    enum Problem: Error { case isDirectory, notAFile, tooLarge(Int), unreadable(String) }

    /// The file's size in bytes, or 0 when it cannot be stat'ed (reading it then says why).
    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
        // Opened without blocking and then asked what it is: a named pipe given a sheet's name
        // (`mkfifo visits/2018-13.csv`) made open(2) wait for a writer for ever, and asking by
        // name before opening would leave a moment to swap the file for one.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            return .failure(errno == EISDIR ? .isDirectory : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isDirectory)
        default: return .failure(.notAFile)
        }
        let size = Int(st.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        // Read into uninitialised storage: zeroing a buffer that read(2) then fills was a
        // memset of every sheet at 100×.
        var failure: String?
        let out = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var got = 0
            while got < size {
                let n = Glibc.read(fd, buf.baseAddress.map { $0 + got }, size - got)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    break
                }
                if n == 0 { break }  // the file shrank while being read: keep what was there
                got += n
            }
            count = got
        }
        if let failure { return .failure(.unreadable(failure)) }
        return .success(out)
    }
}
