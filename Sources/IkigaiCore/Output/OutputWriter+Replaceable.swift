import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether the folder given as `--output` may be replaced by a run.
///
/// A run exchanges the whole folder and deletes what was there, so a slip of the
/// keyboard (`--output Input`, `--output ~/Documents`) would erase the sheets or a
/// person's files. Only a folder that ikigai can have written is replaced: one that
/// does not exist yet, an empty one, one holding an audit record (every run and every
/// other command that writes there leaves `audit/audit.jsonl`), or the repository's
/// placeholder (`README.md` alone).
extension OutputWriter {
    /// Whether `path` is the output folder or lies inside it (both as they really are, links
    /// followed); false while the output folder does not exist.
    public func holds(_ path: String) -> Bool {
        guard let folder = RealPath.of(outputDir), let other = RealPath.of(path) else { return false }
        return RealPath.relative(other, under: folder) != nil
    }

    /// Why `outputDir` must be left alone, or nil when a run may replace it.
    public func refusal() -> Problem? {
        if base.isEmpty {
            return Problem(path: outputDir.isEmpty ? "--output" : outputDir,
                           reason: "出力フォルダとして使えない指定です（空、ルート / 、または存在しない場所を指す . や ..）。--output に Output などのフォルダ名を指定してください"
                               + " (not a folder a run can replace)")
        }
        // The swap deletes the old folder: run from inside it, the run would lose its own working
        // folder (and every relative path with it) and leave the shell in a deleted folder.
        if holds(FileManager.default.currentDirectoryPath) {
            return Problem(path: outputDir, reason: "今いるフォルダ（またはその上のフォルダ）は出力先にできません（実行中に入れ替えるため）。Output の外へ移動して（cd ..）から --output Output のように指定してください"
                               + " (the working folder is inside the output folder)")
        }
        var st = stat()
        guard lstat(outputDir, &st) == 0 else {
            return errno == ENOENT ? nil : Problem.failed(outputDir)
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            return Problem(path: outputDir, reason: "シンボリックリンクのため置き換えません。リンク先のフォルダを --output に指定してください"
                + " (a symbolic link; give the folder it points to)")
        default:
            return Problem(path: outputDir, reason: "フォルダではなくファイルです。--output に別の場所を指定してください (not a folder)")
        }
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: outputDir) else {
            return Problem(path: outputDir, reason: "フォルダの中身を読めません (cannot list the folder)")
        }
        var isDir: ObjCBool = false
        if entries.isEmpty || (fm.fileExists(atPath: outputDir + "/audit/audit.jsonl", isDirectory: &isDir) && !isDir.boolValue) {
            return nil
        }
        if entries == ["README.md"] { return nil }
        // Names are not listed: in a folder of someone's own they may be people's names.
        return Problem(path: outputDir, reason: "ikigai の出力ではないフォルダです（監査記録 audit/ がなく、ファイルやフォルダが \(entries.count) 件あります）。"
            + "中身を消さないよう置き換えません。空のフォルダか新しいフォルダを --output に指定してください"
            + " (not an ikigai output folder; left untouched)")
    }
}
