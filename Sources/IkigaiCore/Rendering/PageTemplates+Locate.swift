import Foundation

/// Where the templates are when `--templates` is not given.
extension PageTemplates {
    /// `Templates` in the working folder, as `swift run` in the project has it; otherwise the
    /// nearest `Templates` above the executable (`.build/release/ikigai` of a checkout), so
    /// that the binary called by its full path from another folder still finds its pages;
    /// otherwise `Templates`, which then fails with its own message.
    public static func defaultDirectory(workingDirectory: String = FileManager.default.currentDirectoryPath,
                                        executable: String = "/proc/self/exe") -> String {
        let fm = FileManager.default
        func holdsTemplates(_ dir: String) -> Bool { fm.fileExists(atPath: dir + "/index.mustache") }
        if holdsTemplates(workingDirectory + "/Templates") { return "Templates" }
        let real = (try? fm.destinationOfSymbolicLink(atPath: executable)) ?? executable
        var dir = (real as NSString).deletingLastPathComponent
        for _ in 0..<6 where !dir.isEmpty && dir != "/" {
            if holdsTemplates(dir + "/Templates") { return dir + "/Templates" }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return "Templates"
    }
}
