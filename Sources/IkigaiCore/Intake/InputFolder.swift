import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of an input folder, sorted, each classified as a sheet of a
/// kind, a non-CSV file in a sheet folder (refused), or a file that is not
/// read (noticed).
public struct InputFolder: Sendable {
    public let root: String
    public let sheets: [(path: String, kind: SheetKind)]
    /// Files in sheet folders that are not CSV (an .xlsx saved in place of a CSV).
    public let refused: [Finding]
    public let notices: [Finding]

    public static let sheetFolders = ["groups", "visits", "applications"]
    static let knownTopLevel: Set<String> = ["settings.toml", "classes.csv", "decisions.csv", "readme.md", "readme.txt", "手順書.html"]

    public init(root: String, only: Set<String>? = nil) {
        self.root = root
        var sheets: [(String, SheetKind)] = []
        var refused: [Finding] = []
        var notices: [Finding] = []
        let fm = FileManager.default
        let top = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        for name in top.sorted(by: InputFolder.order) where !InputFolder.isHiddenOrLock(name) {
            let full = root + "/" + name
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDir)
            if InputFolder.sheetFolders.contains(name.lowercased()), isDir.boolValue {
                var links: [String] = []
                let files = InputFolder.walk(full, prefix: name, links: &links)
                for rel in links {
                    notices.append(Finding(file: rel, row: nil, code: .ignoredFile,
                        message: "シンボリックリンクのため読みませんでした（Input の外のファイルや同じシートを二度読まないため）。シートそのものをこの場所に置いてください。"))
                }
                for rel in files {
                    if let kind = SheetKind.of(path: rel) {
                        sheets.append((rel, kind))
                    } else if rel.lowercased().hasSuffix(".xlsx") || rel.lowercased().hasSuffix(".xls") {
                        refused.append(Finding(file: rel, row: nil, code: .notCSV,
                            message: "Excel ブックの形式のままです。このシートは読み込みませんでした。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。"))
                    } else {
                        notices.append(Finding(file: rel, row: nil, code: .ignoredFile,
                            message: "拡張子が .csv ではないため読みませんでした。シートなら .csv で保存してください。"))
                    }
                }
            } else if let kind = SheetKind.of(path: name) {
                sheets.append((name, kind))
            } else if !InputFolder.knownTopLevel.contains(name.lowercased()) {
                notices.append(Finding(file: name, row: nil, code: .ignoredFile,
                    message: "Input の決まった場所（settings.toml, classes.csv, decisions.csv, groups/, visits/, applications/）にないため読みませんでした。"))
            }
        }
        // Without classes.csv there is no schedule, no lottery and no class roster, and every
        // 介護予防 visit names an unknown class: said once, up front, not only row by row.
        if !sheets.contains(where: { $0.1 == .classes }) {
            notices.append(Finding(file: "classes.csv", row: nil, code: .noClasses,
                message: "classes.csv がないため、介護予防講座の予定・抽選・講座の名簿は作りませんでした。介護予防の来館と申込は講座IDが分からず受け付けられません。Input に classes.csv を置いてください。"))
        }
        if let only {
            self.sheets = sheets.filter { only.contains($0.0) || $0.1 == .classes }
            self.refused = refused.filter { only.contains($0.file) }
            self.notices = notices.filter { only.contains($0.file) || $0.code == .noClasses }
        } else {
            self.sheets = sheets
            self.refused = refused
            self.notices = notices
        }
    }

    /// Excel and editors leave `~$name` lock files and dot files beside sheets.
    static func isHiddenOrLock(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }

    /// Byte order of the UTF-8 names: the same on every machine and locale.
    static func order(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Files (and CSV-named folders, which the reader refuses) below `dir`. Symbolic links
    /// are listed in `links` and not followed: a link to a parent folder made the walk read
    /// the same sheets again at every depth the path allowed (their rows counted many times),
    /// and a link can bring in a file from outside the input folder.
    static func walk(_ dir: String, prefix: String, links: inout [String]) -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted(by: order)
        for name in names where !isHiddenOrLock(name) {
            let full = dir + "/" + name
            let rel = prefix + "/" + name
            var st = stat()
            if lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
                links.append(rel)
                continue
            }
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue && !name.lowercased().hasSuffix(".csv") {
                out += walk(full, prefix: rel, links: &links)
            } else {
                out.append(rel)
            }
        }
        return out
    }
}
