import Foundation

/// How a file someone saved in `Output/` is named in what leaves the confidential
/// files: the handling report and the erasure certificate (both the ward's), the
/// audit record and the terminal. Such a file may be named after a resident
/// (「山田さん連絡.txt」), so only its folder and its kind of file are shown; that
/// is enough to find it with the file manager.
enum SavedFileName {
    /// `rel` (a path inside `Output/` or a folder beside it) as shown. `written`: the files
    /// the last run wrote (its audit entry); a folder is named only when the run wrote into it.
    static func shown(_ rel: String, written: Set<String>) -> String {
        let ns = rel as NSString
        var folder = ns.deletingLastPathComponent
        if !folder.isEmpty, !written.contains(where: { $0.hasPrefix(folder + "/") }) { folder = "（ikigai 以外のフォルダ）" }
        // Only an extension that is plainly a file type (csv, xlsx, pdf), never free text.
        let ext = ns.pathExtension.count <= 5 && ns.pathExtension.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            ? ns.pathExtension : ""
        return (folder.isEmpty ? "" : folder + "/") + "（名前は載せません" + (ext.isEmpty ? "" : "・." + ext) + "）"
    }
}
