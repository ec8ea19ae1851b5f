import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with plain POSIX calls, so that a directory, a file
/// without permission or a huge file each get their own answer.
enum FileBytes {
    enum Problem: Error { case isDirectory, tooLarge(Int), unreadable(String) }

    /// The file's size in bytes, or 0 when it cannot be stat'ed (reading it then says why).
    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        let size = Int(st.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
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
