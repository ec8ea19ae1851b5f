import Foundation

/// A path as the file system really has it (links followed, `.` and `..` gone), for
/// telling whether one path lies inside another however either was typed.
enum RealPath {
    /// The real path, or nil when nothing is there.
    static func of(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// `path` below `folder` (both real paths), without a leading `/`: "" for the folder
    /// itself, nil when it lies elsewhere.
    static func relative(_ path: String, under folder: String) -> String? {
        if path == folder { return "" }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
