import Foundation
import Testing
@testable import IkigaiCore

/// `Output/` is replaced whole or not at all, each file with its bytes and its
/// permissions, however many files a run writes at once.
@Suite("Output writer")
struct OutputWriterTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
    }

    @Test func aFolderIkigaiDidNotWriteIsNeverReplaced() throws {
        let dir = Support.tempDir(), input = dir + "/Input"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"], in: input)
        Support.write(dir + "/Documents/letter.txt", "架空 一郎さまへ")
        Support.write(dir + "/a-file", "not a folder")
        symlink(dir + "/Documents", dir + "/link")
        // A slip of the keyboard: the input folder, someone's own folder, a file, a link.
        for target in [input, dir + "/Documents", dir + "/a-file", dir + "/link"] {
            do {
                _ = try Support.run(input: input, output: target)
                Issue.record("\(target) was replaced")
            } catch let error as RunFailure {
                #expect(error.step == "output")
                #expect(!error.japanese.contains("letter") && !error.japanese.contains("架空"), "names in a folder are not printed")
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(Support.read(dir + "/Documents/letter.txt") == "架空 一郎さまへ")
        #expect(Support.read(dir + "/a-file") == "not a folder")
        #expect(FileManager.default.fileExists(atPath: input + "/visits/2018-05.csv"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link") == dir + "/Documents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }.isEmpty, "nothing written aside")
        // A place that cannot hold Output/ at all is said before anything is read.
        do {
            _ = try Support.run(input: input, output: dir + "/no-such-folder/Output")
            Issue.record("an output in a missing folder was accepted")
        } catch let error as RunFailure {
            #expect(error.step == "output" && error.japanese.contains("Output を置くフォルダがありません"), "\(error.japanese)")
            #expect(error.japanese.contains("--output のフォルダ名を確かめて"), "says what to do")
            #expect(!FileManager.default.fileExists(atPath: dir + "/no-such-folder"), "a mistyped place is not created")
        }
        // The writer refuses too, whoever calls it.
        #expect(throws: OutputWriter.Problem.self) { try OutputWriter(outputDir: dir + "/Documents").write([]) }
    }

    @Test func aSecondCommandOnTheSameOutputIsRefusedWhileTheFirstHoldsIt() throws {
        let dir = Support.tempDir(), input = dir + "/Input", out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"], in: input)
        _ = try Support.run(input: input, output: out)
        let entries = AuditLog.read(outputDir: out).0.entries.count
        do {
            let held = try OutputLock(outputDir: out)
            defer { withExtendedLifetime(held) {} }
            do {
                _ = try Support.run(input: input, output: out)
                Issue.record("two runs wrote one Output at once")
            } catch let error as RunFailure {
                #expect(error.step == "output" && error.japanese.contains("ほかの ikigai が同じ Output に書いている最中"))
            }
            #expect(throws: RunFailure.self) {
                try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: out, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
            }
            #expect(AuditLog.read(outputDir: out).0.entries.count == entries, "the refused commands wrote nothing")
        }
        // Let go (as when the holder ends, killed or not): the next run goes ahead.
        _ = try Support.run(input: input, output: out)
        #expect(AuditLog.read(outputDir: out).0.entries.count == entries + 1)
    }

    @Test func aNewEmptyPlaceholderOrEarlierOutputFolderIsReplaced() throws {
        let dir = Support.tempDir(), input = dir + "/Input"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"], in: input)
        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        // The repository's Output/ holds its README alone until the first run.
        Support.write(dir + "/placeholder/README.md", "# Output/")
        for target in [dir + "/new", dir + "/empty", dir + "/placeholder"] {
            _ = try Support.run(input: input, output: target)
            #expect(FileManager.default.fileExists(atPath: target + "/audit/audit.jsonl"))
            // and a run's own output is replaced by the next run; a file the manager added is kept.
            Support.write(target + "/memo.txt", "manager's note")
            let next = try Support.run(input: input, output: target)
            #expect(Support.read(target + "/memo.txt") == "manager's note")
            #expect(next.keptFiles == 1)
        }
    }

    /// Found by putting a memo into Output/: the next month's run deleted it with the rest of
    /// the folder, and said nothing. Files no run wrote are now kept; a run's own files that a
    /// later run no longer writes still go.
    @Test func filesSomeoneSavedInOutputAreKeptButAnEarlierRunsFilesAreNot() throws {
        let dir = Support.tempDir(), input = dir + "/Input", out = dir + "/Output"
        defer { Support.remove(dir) }
        let header = "グループ名,氏名,電話番号\n"
        let twoGroups = header + "囲碁,大久保 花,0312345678\n俳句,百人 町子,0312340000\n"
        Support.input(["groups/g.csv": twoGroups], in: input)
        _ = try Support.run(input: input, output: out)
        let secondRoster = out + "/rosters/groups/group-02.html"
        #expect(FileManager.default.fileExists(atPath: secondRoster))
        Support.write(out + "/メモ.txt", "memo")
        Support.write(out + "/自分用/集計.csv", "1,2")
        Support.write(out + "/rosters/名簿のコピー.html", "copy")
        // One group this month: the second group's roster is a run's file, and goes.
        Support.write(input + "/groups/g.csv", header + "囲碁,大久保 花,0312345678\n")
        let one = try Support.run(input: input, output: out)
        #expect(one.keptFiles == 3)
        #expect(!FileManager.default.fileExists(atPath: secondRoster))
        #expect(Support.read(out + "/メモ.txt") == "memo")
        #expect(Support.read(out + "/自分用/集計.csv") == "1,2")
        #expect(Support.read(out + "/rosters/名簿のコピー.html") == "copy")
        let mode = (try FileManager.default.attributesOfItem(atPath: out + "/rosters/名簿のコピー.html"))[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o077 } == 0, "kept files are owner-only, as the confidential outputs are")
        // The front page says how many, never which (a file name may be a person's name).
        let index = Support.read(out + "/index.html")
        #expect(index.contains(#"<span class="code">W905</span> Output/ ikigai が作っていないファイルが 3 件あり"#))
        #expect(!index.contains("メモ") && !index.contains("名簿のコピー") && !Support.read(out + "/validation.csv").contains("W905"))
        let entry = try #require(AuditLog.read(outputDir: out).0.entries.last)
        #expect(entry.facts.contains { $0 == ("kept_files", "3") })
        #expect(!entry.outputs.contains { $0.path == "メモ.txt" }, "kept files are not this run's outputs")
        // Someone's file where this run writes a roster: both are kept, theirs under another name,
        // and a file of theirs that already has that name keeps it.
        Support.write(secondRoster, "someone's page")
        Support.write(out + "/rosters/groups/group-02 (前回).html", "an older page of theirs")
        Support.write(input + "/groups/g.csv", twoGroups)
        _ = try Support.run(input: input, output: out)
        #expect(Support.read(out + "/rosters/groups/group-02 (前回).html") == "an older page of theirs")
        #expect(Support.read(out + "/rosters/groups/group-02 (前回 2).html") == "someone's page")
        #expect(Support.read(secondRoster).contains("グループ名簿"), "the run's own roster at its name")
    }

    @Test func everyFileLandsWithItsBytesAndPermissions() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        var files = (0..<600).map { i in
            OutputFile(path: "rosters/sessions/s\(i).html", bytes: Array("page \(i)".utf8), confidential: true)
        }
        files += [OutputFile(path: "a/b/c/deep.csv", bytes: Array("deep".utf8), confidential: false),
                  OutputFile(path: "summary.json", bytes: Array("first".utf8), confidential: false),
                  OutputFile(path: "summary.json", bytes: Array("second".utf8), confidential: false)]
        try OutputWriter(outputDir: out).write(files)
        for i in [0, 299, 599] { #expect(Support.read(out + "/rosters/sessions/s\(i).html") == "page \(i)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/rosters/sessions").count == 600)
        #expect(Support.read(out + "/a/b/c/deep.csv") == "deep")
        #expect(Support.read(out + "/summary.json") == "second", "a path given twice keeps the later file")
        #expect(Self.mode(out + "/rosters/sessions/s5.html") == 0o600 && Self.mode(out + "/summary.json") == 0o644)
        #expect(Self.mode(out + "/a/b/c") == 0o700 && Self.mode(out + "/rosters") == 0o700)
    }

    @Test func aFileThatCannotBeWrittenLeavesThePreviousOutputWhole() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let writer = OutputWriter(outputDir: out)
        try writer.write([OutputFile(path: "index.html", bytes: Array("old".utf8), confidential: false),
                          OutputFile(path: "audit/audit.jsonl", bytes: Array("log".utf8), confidential: false)])
        // "index.html" is a folder of this run and a file of it too: the file cannot be written.
        let clash = [OutputFile(path: "index.html/x", bytes: [1], confidential: false),
                     OutputFile(path: "index.html", bytes: Array("new".utf8), confidential: false)]
        #expect(throws: OutputWriter.Problem.self) { try writer.write(clash, keep: ["audit"]) }
        #expect(Support.read(out + "/index.html") == "old")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "Output" }
        #expect(left.isEmpty, "no half-written folder is left beside Output/")
        try writer.write([OutputFile(path: "index.html", bytes: Array("new".utf8), confidential: false)], keep: ["audit"])
        #expect(Support.read(out + "/index.html") == "new" && Support.read(out + "/audit/audit.jsonl") == "log")
    }

    /// A named pipe left in a kept folder (`audit/`, `history/`) stopped every run ("cannot carry
    /// over") until someone found and removed it; it holds nothing, and is left behind.
    @Test(.timeLimit(.minutes(1))) func aPipeInAKeptFolderIsLeftBehind() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let writer = OutputWriter(outputDir: out)
        try writer.write([OutputFile(path: "audit/audit.jsonl", bytes: Array("log".utf8), confidential: false)])
        #expect(mkfifo(out + "/audit/pipe", 0o600) == 0)
        try writer.write([OutputFile(path: "index.html", bytes: Array("new".utf8), confidential: false)], keep: ["audit"])
        #expect(Support.read(out + "/audit/audit.jsonl") == "log" && Support.read(out + "/index.html") == "new")
        var st = stat()
        #expect(lstat(out + "/audit/pipe", &st) != 0)
    }

    /// Mounts a tmpfs of `size` at `path` (root only); whether it could.
    static func mountSmallDisk(_ path: String, size: String = "512k") -> Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/mount")
        p.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    static let smallDisksCanBeMade: Bool = {
        let dir = Support.tempDir("probe")
        defer { _ = umount(dir); Support.remove(dir) }
        return mountSmallDisk(dir)
    }()

    /// A USB stick or a shared drive runs full: the run stops, says so in words the manager can
    /// act on (it gave only "No space left on device"), and the previous Output/ is whole.
    @Test(.enabled(if: smallDisksCanBeMade, "needs root and mount(8) for a small tmpfs"))
    func aFullDiskLeavesThePreviousOutputWholeAndSaysWhatToDo() throws {
        let disk = Support.tempDir("disk")
        defer { _ = umount(disk); Support.remove(disk) }
        try #require(Self.mountSmallDisk(disk))
        let writer = OutputWriter(outputDir: disk + "/Output")
        try writer.write([OutputFile(path: "index.html", bytes: Array("old".utf8), confidential: false),
                          OutputFile(path: "audit/audit.jsonl", bytes: Array("log".utf8), confidential: false)])
        let big = OutputFile(path: "index.html", bytes: [UInt8](repeating: 0x61, count: 600 * 1024), confidential: false)
        do {
            try writer.write([big], keep: ["audit"])
            Issue.record("600 KiB were written to a 512 KiB disk")
        } catch {
            #expect(error.code == ENOSPC && error.advice?.contains("ディスクに空きがありません") == true, "\(error)")
            #expect(error.path == disk + "/Output/index.html", "the file is named as it would be in Output/")
        }
        #expect(Support.read(disk + "/Output/index.html") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["Output"], "the half-written folder is removed")
    }

    /// File systems without `RENAME_EXCHANGE` (exFAT, some shares) take two renames.
    @Test func withoutAnExchangeTheOldFolderIsSetAsideThenRemoved() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        var writer = OutputWriter(outputDir: out)
        writer.exchangeSupported = false
        try writer.write([OutputFile(path: "index.html", bytes: Array("old".utf8), confidential: false),
                          OutputFile(path: "audit/audit.jsonl", bytes: Array("log".utf8), confidential: false)])
        try writer.write([OutputFile(path: "index.html", bytes: Array("new".utf8), confidential: false)], keep: ["audit"])
        #expect(Support.read(out + "/index.html") == "new" && Support.read(out + "/audit/audit.jsonl") == "log")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["Output"], "nothing is left beside Output/")
    }

    /// Found reading the two-rename swap: a run killed between its renames left no Output/, and
    /// the next run deleted the folder set aside (the audit record, the history, the person
    /// numbers) as a leftover, then began a new audit chain.
    @Test func aSwapCutShortIsUndoneBeforeTheNextRunReadsOutput() throws {
        let dir = Support.tempDir(), input = dir + "/Input", out = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 120, seed: 8).write(to: input)
        _ = try Support.run(input: input, output: out)
        let people = Support.read(out + "/people/people.csv")
        // As the kill leaves it: the previous folder set aside, the new one complete beside it.
        #expect(rename(out, dir + "/.Output.ikigai-old-4242") == 0)
        Support.write(dir + "/.Output.ikigai-new-4242/index.html", "written aside")
        _ = try Support.run(input: input, output: out)
        let (log, broken) = AuditLog.read(outputDir: out)
        #expect(broken == nil && log.entries.map(\.seq) == [1, 2], "the chain goes on from the run before the kill")
        #expect(Support.read(out + "/people/people.csv") == people, "person numbers are kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["Input", "Output"])
    }

    /// `--output .` trapped in Foundation (exit 132); `Output/.` and `a/..` name folders by
    /// components that are not their names, and `.` cannot be renamed in a swap.
    @Test func anOutputNamedByDotsIsTheFolderItNames() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/a/b", withIntermediateDirectories: true)
        let real = try #require(realpath(dir, nil).map { p in defer { free(p) }; return String(cString: p) })
        #expect(OutputWriter.split(dir + "/Output/.") == (dir, "Output"))
        #expect(OutputWriter.split(dir + "/Output/./") == (dir, "Output"))
        #expect(OutputWriter.split(dir + "/a/b/..") == (real, "a"))
        #expect(OutputWriter.split("Output") == (".", "Output") && OutputWriter.split("x/Output//") == ("x", "Output"))
        #expect(OutputWriter.split("/Output") == ("/", "Output"))
        #expect(OutputWriter.split("").base.isEmpty && OutputWriter.split("/").base.isEmpty)
        #expect(OutputWriter(outputDir: dir + "/Output/.").outputDir == dir + "/Output")
        for refused in ["", "/"] { #expect(OutputWriter(outputDir: refused).refusal() != nil, "\(refused)") }
        // A run into `Output/.` writes Output/ itself.
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"], in: dir + "/Input")
        _ = try Support.run(input: dir + "/Input", output: dir + "/Output/.")
        #expect(FileManager.default.fileExists(atPath: dir + "/Output/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["Input", "Output", "a"])
    }

    /// The swap replaces Output/ whole: a run started inside it, or reading sheets kept inside
    /// it, would lose its working folder or its input. Run as the clerk would, from a shell.
    @Test func aRunFromInsideOutputOrWithItsInputInsideIsRefused() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let dir = Support.tempDir(), output = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input([:], in: dir + "/Input")
        _ = try Support.run(input: dir + "/Input", output: output)
        func run(in cwd: String, _ args: [String]) throws -> (Int32, String) {
            try Support.launch(ikigai, ["run", "--templates", Support.templates, "--operator", "山田 花子"] + args, in: cwd)
        }
        for (cwd, out) in [(output, "."), (output + "/people", ".."), (output, output)] {
            let (status, text) = try run(in: cwd, ["--input", dir + "/Input", "--output", out])
            #expect(status == 2 && text.contains("今いるフォルダ"), "\(cwd) \(out): \(text)")
        }
        try FileManager.default.copyItem(atPath: dir + "/Input", toPath: output + "/Input")
        let (status, text) = try run(in: dir, ["--input", "Output/Input", "--output", "Output"])
        #expect(status == 2 && text.contains("入力フォルダが出力フォルダ"), "\(text)")
        #expect(AuditLog.read(outputDir: output).0.entries.count == 1, "nothing was run")
        #expect(FileManager.default.fileExists(atPath: output + "/Input/settings.toml"))
    }
}
