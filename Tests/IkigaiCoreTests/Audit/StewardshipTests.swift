import Crypto
import Foundation
import Testing
@testable import IkigaiCore

@Suite("Data-protection clauses: handlers, audit, report, erasure", .serialized)
struct StewardshipTests {
    static func sampleRun(_ dir: String, people: Int = 150) throws -> (input: String, output: String) {
        let input = dir + "/Input", output = dir + "/Output"
        _ = try SampleGenerator(people: people, seed: 21).write(to: input)
        _ = try Support.run(input: input, output: output)
        return (input, output)
    }

    /// The report is written to a full disk: the manager is told to make room, and the audit
    /// record is as it was (it said only "cannot write the audit record").
    @Test(.enabled(if: OutputWriterTests.smallDisksCanBeMade, "needs root and mount(8) for a small tmpfs"))
    func aReportOnAFullDiskSaysWhatToDo() throws {
        let dir = Support.tempDir()
        defer { _ = umount(dir); Support.remove(dir) }
        try #require(OutputWriterTests.mountSmallDisk(dir, size: "4m"))
        let (input, output) = try StewardshipTests.sampleRun(dir, people: 30)
        let before = Support.read(output + "/audit/audit.jsonl")
        var filler = [UInt8](repeating: 0, count: 64 * 1024)
        let fd = open(dir + "/filler", O_WRONLY | O_CREAT, 0o600)
        while write(fd, &filler, filler.count) > 0 {}
        close(fd)
        do {
            _ = try Stewardship.handlingReport(inputDir: input, outputDir: output, templatesDir: Support.templates, operatorName: "山田 花子")
            Issue.record("the report was written to a full disk")
        } catch {
            #expect(error.japanese.contains("ディスクに空きがありません"), "\(error)")
        }
        #expect(Support.read(output + "/audit/audit.jsonl") == before)
        #expect(AuditLog.verify(before).1 == nil)
    }

    @Test func eachRunAppendsAChainedEntry() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        _ = try Support.run(input: input, output: output)
        let (log, broken) = AuditLog.read(outputDir: output)
        #expect(broken == nil)
        #expect(log.entries.map(\.seq) == [1, 2])
        let e = try #require(log.entries.last)
        #expect(e.operatorName == "山田 花子")
        #expect(e.inputs.contains { $0.path == "settings.toml" } && e.inputs.contains { $0.path.hasPrefix("visits/") })
        #expect(e.outputs.contains { $0.path == "people/people.csv" })
        #expect(e.facts.contains { $0.0 == "rows_read" })
        let text = Support.read(output + "/audit/audit.jsonl")
        let settings = try Settings.load(path: input + "/settings.toml")
        for r in try IntakeStage.run(inputDir: input, settings: settings, through: nil).rows {
            guard let p = r.record?.identityRow.person else { continue }
            #expect(!text.contains(p.name) && !text.contains(p.phone.digits), "resident data in the audit record")
        }
    }

    /// Found reading the audit step: it hashed the input files again at the end of the run, so a
    /// sheet saved while the run went on was recorded with content the documents did not come from.
    @Test func theAuditRecordsTheBytesTheRunRead() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let input = dir + "/Input", output = dir + "/Output"
        _ = try SampleGenerator(people: 150, seed: 21).write(to: input)
        let sheet = input + "/visits/2018-05.csv", settings = input + "/settings.toml"
        let read = [try #require(FileManager.default.contents(atPath: settings)), try #require(FileManager.default.contents(atPath: sheet))]
        let options = RunOptions(inputDir: input, outputDir: output, templatesDir: Support.templates, through: nil, operatorName: "山田花子")
        _ = try RunPipeline(options: options).run { step in
            // A clerk saves the sheet (and someone the settings) once intake has read them.
            guard step.hasPrefix("日程") else { return }
            for (path, data) in zip([settings, sheet], read) {
                #expect(FileManager.default.createFile(atPath: path, contents: data + Data("\n# saved again\n".utf8)))
            }
        }
        let inputs = try #require(AuditLog.read(outputDir: output).0.entries.last?.inputs)
        #expect(inputs.first?.path == "settings.toml", "the settings come first, then the sheets in folder order")
        for (path, data) in zip(["settings.toml", "visits/2018-05.csv"], read) {
            #expect(inputs.first { $0.path == path } == AuditLog.FileDigest(path: path, bytes: Array(data)), "\(path) as read")
        }
    }

    /// `audit verify` said "0 entries, nothing changed" (exit 0) for a folder with no audit
    /// record: a mistyped --output, or a record deleted whole.
    @Test func aMissingAuditRecordIsNotReportedIntact() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (_, output) = try StewardshipTests.sampleRun(dir)
        guard case .intact(1, let head) = AuditCheck.of(outputDir: output) else { Issue.record("a run's record is intact"); return }
        #expect(head == AuditLog.read(outputDir: output).0.head)
        #expect(AuditCheck.of(outputDir: dir + "/Outptu") == .missing(setAside: false))
        #expect(AuditCheck.of(outputDir: dir + "/Input") == .missing(setAside: false))
        #expect(rename(output, dir + "/.Output.ikigai-old-77") == 0)
        #expect(AuditCheck.of(outputDir: output) == .missing(setAside: true))
        #expect(rename(dir + "/.Output.ikigai-old-77", output) == 0)
        let text = Support.read(output + "/audit/audit.jsonl")
        Support.write(output + "/audit/audit.jsonl", text.replacingOccurrences(of: "\"rows_read\"", with: "\"rows_reaD\""))
        guard case .broken(let at, 0) = AuditCheck.of(outputDir: output) else { Issue.record("an edit breaks the chain"); return }
        #expect(at.line == 1)
    }

    @Test func oneByteEditAndDeletedEntryAreLocated() throws {
        var log = AuditLog()
        for i in 1...4 { log.append(operatorName: "山田 花子", command: "ikigai run \(i)", inputs: [], outputs: [], facts: [("n", "\(i)")]) }
        let lines = log.text.split(separator: "\n").map(String.init)
        #expect(AuditLog.verify(log.text).1 == nil)
        // One byte changed in entry 2.
        var edited = lines
        edited[1] = edited[1].replacingOccurrences(of: "ikigai run 2", with: "ikigai run 9")
        #expect(AuditLog.verify(edited.joined(separator: "\n") + "\n").1?.line == 2)
        // Entry 3 deleted: the break shows at the line that follows the gap.
        var deleted = lines
        deleted.remove(at: 2)
        #expect(AuditLog.verify(deleted.joined(separator: "\n") + "\n").1?.line == 3)
        // A flipped hex digit of a hash.
        var flipped = lines
        flipped[3] = String(flipped[3].dropLast(3)) + (flipped[3].dropLast(2).last == "0" ? "1" : "0") + "\"}"
        #expect(AuditLog.verify(flipped.joined(separator: "\n") + "\n").1?.line == 4)
    }

    @Test func aBrokenLogIsKeptAndStillGrows() {
        var log = AuditLog()
        log.append(operatorName: "a", command: "c1", inputs: [], outputs: [], facts: [])
        let broken = log.text.replacingOccurrences(of: "c1", with: "cX")
        let grown = AuditLog.appending(to: broken, operatorName: "a", command: "c2", inputs: [], outputs: [], facts: [])
        #expect(grown.hasPrefix(broken))
        #expect(AuditLog.verify(grown).1?.line == 1)
    }

    /// The record is a file anyone in the office can edit: a last entry numbered as no entry can be
    /// (the largest number, which has no next, or none at all) is chained to by its bytes, as an
    /// unreadable line is, instead of stopping the run when one was added to it.
    @Test("an edited last number", arguments: ["9223372036854775807", "0", "-9223372036854775808"])
    func aLastEntryNumberedAsNoEntryCanBe(_ number: String) {
        var log = AuditLog()
        log.append(operatorName: "a", command: "c1", inputs: [], outputs: [], facts: [])
        log.append(operatorName: "a", command: "c2", inputs: [], outputs: [], facts: [])
        let edited = log.text.replacingOccurrences(of: "{\"seq\":2,", with: "{\"seq\":\(number),")
        #expect(edited != log.text)
        let grown = AuditLog.appending(to: edited, operatorName: "a", command: "c3", inputs: [], outputs: [], facts: [])
        #expect(grown.hasPrefix(edited))
        #expect(grown.split(separator: "\n").last?.hasPrefix("{\"seq\":3,") == true)
        #expect(AuditLog.verify(grown).1?.line == 2)
    }

    /// A run reads only the end of the record (it grows for years): the last run's entry is found
    /// past later commands and an unreadable line, and a new entry chains to the last line.
    @Test func theLastRunIsFoundFromTheEndOfTheRecord() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        var log = AuditLog()
        let file = AuditLog.FileDigest(path: "index.html", bytes: [0x41])
        log.append(operatorName: "a", command: "ikigai run", inputs: [], outputs: [file], facts: [])
        log.append(operatorName: "a", command: "ikigai report handling", inputs: [], outputs: [], facts: [])
        Support.write(dir + "/audit/audit.jsonl", log.text + "\n{not json\n\n")
        let found = try #require(AuditLog.lastEntry(outputDir: dir) { $0.command.hasPrefix("ikigai run") })
        #expect(found.seq == 1 && found.outputs.map(\.path) == ["index.html"])
        #expect(PreviousRun.writtenFiles(outputDir: dir) == ["index.html"])
        let grown = AuditLog.appending(to: Support.read(dir + "/audit/audit.jsonl"), operatorName: "a", command: "c", inputs: [],
                                       outputs: [], facts: [])
        let last = try #require(grown.split(separator: "\n").last.flatMap { AuditLog.parse(String($0)) })
        #expect(last.seq == 4, "numbered after the three lines, the unreadable one counted")
        #expect(last.prev == AuditLog.hex(SHA256.hash(data: Array("{not json".utf8))))
    }

    @Test func nonHandlersAreRefusedBeforeReading() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        #expect(throws: RunFailure.self) {
            try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                  operatorName: "外部 太郎", confirm: true)
        }
        #expect(throws: RunFailure.self) {
            try Stewardship.handlingReport(inputDir: input, outputDir: output, templatesDir: Support.templates, operatorName: nil)
        }
        #expect(FileManager.default.fileExists(atPath: output + "/people/people.csv"))
    }

    @Test func handlingReportListsItemsPlacesPeopleAndPermissions() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let path = try Stewardship.handlingReport(inputDir: input, outputDir: output, templatesDir: Support.templates, operatorName: "佐藤 一郎")
        let html = Support.read(path)
        #expect(html.contains("Input/visits/2018-05.csv"))
        #expect(html.contains("氏名・電話番号"))
        #expect(html.contains("Output/people/people.csv"))
        #expect(html.contains("rw------- (600)"))
        #expect(html.contains("取扱責任者"))
        #expect(html.contains("ハッシュの連鎖）を確認しました"))
        #expect(AuditLog.read(outputDir: output).0.entries.last?.command == "ikigai report handling")
        // Each entry's UTC time, as the day and the clock (each kept whole on the printed page).
        let first = try #require(AuditLog.read(outputDir: output).0.entries.first)
        #expect(html.contains(#"<span class="nowrap">\#(first.time.prefix(10))</span> <span class="nowrap">\#(first.time.dropFirst(11))</span>"#))
    }

    @Test func handlingReportListsFilesSavedInOutputWithoutTheirNames() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let fm = FileManager.default
        // Kept by the next run (made owner-only), and one saved after it (still readable by all).
        #expect(fm.createFile(atPath: output + "/山田さん連絡.txt", contents: Data("memo".utf8), attributes: [.posixPermissions: 0o644]))
        try fm.createDirectory(atPath: output + "/鈴木家", withIntermediateDirectories: false)
        #expect(fm.createFile(atPath: output + "/鈴木家/写し.pdf", contents: Data("pdf".utf8), attributes: [.posixPermissions: 0o644]))
        _ = try Support.run(input: input, output: output)
        #expect(fm.createFile(atPath: output + "/people/田中メモ.csv", contents: Data("x".utf8), attributes: [.posixPermissions: 0o644]))
        let html = Support.read(try Stewardship.handlingReport(inputDir: input, outputDir: output, templatesDir: Support.templates,
                                                                operatorName: "佐藤 一郎"))
        func row(_ path: String) -> String? {
            html.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>\(path)</td>") }
        }
        let memo = try #require(row("Output/（名前は載せません・.txt）"))
        #expect(memo.contains("ikigai 以外") && memo.contains("rw------- (600)") && memo.contains("はい"))
        let copy = try #require(row("Output/（ikigai 以外のフォルダ）/（名前は載せません・.pdf）"))
        #expect(copy.contains("rw------- (600)"))
        let late = try #require(row("Output/people/（名前は載せません・.csv）"))
        #expect(late.contains("rw-r--r-- (644)") && late.contains("いいえ（要修正）"))
        #expect(try #require(row("Output/people/people.csv")).contains("ikigai の出力"))
        for name in ["山田さん", "鈴木家", "写し", "田中メモ"] { #expect(!html.contains(name), "a saved file's name is not in the report") }
    }

    @Test func dryRunErasesNothing() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir).sorted()
        let o = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: false)
        #expect(o.erased == 0 && !o.items.isEmpty)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir).sorted() == before)
        #expect(throws: RunFailure.self) {
            try Stewardship.purge(fiscalYear: 2019, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                  operatorName: "山田 花子", confirm: true)
        }
    }

    @Test func purgeErasesNothingInAFolderIkigaiDidNotWrite() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, _) = try StewardshipTests.sampleRun(dir)
        Support.write(dir + "/Documents/letter.txt", "手紙")
        do {
            _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: dir + "/Documents", templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
            Issue.record("a folder without an audit record was erased")
        } catch {
            #expect(error.step == "purge")
        }
        #expect(Support.read(dir + "/Documents/letter.txt") == "手紙")
        #expect(FileManager.default.fileExists(atPath: input + "/visits"), "the input is untouched too")
    }

    /// Found trying `report handling --output .`: the report made audit/ in someone's folder,
    /// which then passed for an ikigai output folder that `run --output` there would replace.
    @Test func theHandlingReportIsNotWrittenIntoAFolderIkigaiDidNotWrite() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, _) = try StewardshipTests.sampleRun(dir)
        Support.write(dir + "/Documents/letter.txt", "手紙")
        do {
            _ = try Stewardship.handlingReport(inputDir: input, outputDir: dir + "/Documents", templatesDir: Support.templates,
                                               operatorName: "山田 花子")
            Issue.record("the report was written into someone's folder")
        } catch {
            #expect(error.step == "report")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/Documents") == ["letter.txt"])
        #expect(OutputWriter(outputDir: dir + "/Documents").refusal() != nil, "still not a folder a run may replace")
    }

    /// Found reading the erasure: a link in Input/ (which intake never follows) was opened
    /// through and its target, someone's file outside the year's folders, overwritten with zeros.
    /// A named pipe was opened to be read and waited for a writer for ever (hence the limit).
    @Test(.timeLimit(.minutes(1))) func purgeRemovesLinksAndPipesButNeverWritesThroughThem() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        Support.write(dir + "/Documents/letter.txt", "手紙")
        symlink(dir + "/Documents/letter.txt", input + "/visits/letter.csv")
        symlink(dir + "/Documents", input + "/visits/docs")
        symlink(dir + "/Documents/letter.txt", output + "/letter.txt")
        #expect(mkfifo(output + "/pipe.txt", 0o600) == 0)
        let o = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
        // Shown by folder and kind only: none is a sheet or a file the run wrote.
        #expect(o.items.filter(\.removedOnly).map(\.shown).sorted()
                == ["Input/visits/（名前は載せません・.csv）", "Input/visits/（名前は載せません）", "Output/（名前は載せません・.txt）",
                    "Output/（名前は載せません・.txt）"])
        #expect(Support.read(dir + "/Documents/letter.txt") == "手紙", "the target is untouched")
        for link in [input + "/visits/letter.csv", input + "/visits/docs", output + "/letter.txt", output + "/pipe.txt"] {
            var st = stat()
            #expect(lstat(link, &st) != 0, "\(link) is gone")
        }
    }

    /// Makes `path` one that this process cannot write: by its mode for an ordinary user, and
    /// for root (whom modes do not stop, as in CI) by the immutable attribute. Returns how to undo
    /// it, or nil where neither can be done.
    static func lockAgainstWriting(_ path: String) -> (() -> Void)? {
        if getuid() != 0 {
            chmod(path, 0o400)
            return { chmod(path, 0o600) }
        }
        func chattr(_ flag: String) -> Bool {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            p.arguments = [flag, path]
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return false }
            p.waitUntilExit()
            return p.terminationStatus == 0
        }
        return chattr("+i") ? { _ = chattr("-i") } : nil
    }

    /// Found reading the erasure plan: a file it could not read was left out of the plan, so it
    /// survived the purge while the certificate reported the year erased.
    @Test func purgeErasesNothingWhenAFileCannotBeErased() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let locked = output + "/people/people.csv"
        // Root on a file system without the immutable attribute (overlayfs) cannot set this case up.
        guard let unlock = StewardshipTests.lockAgainstWriting(locked) else { return }
        defer { unlock() }
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir).sorted()
        for confirm in [false, true] {
            do {
                _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                          operatorName: "山田 花子", confirm: confirm)
                Issue.record("a purge with a file it cannot erase went ahead (confirm: \(confirm))")
            } catch {
                #expect(error.step == "purge" && error.file == "Output/people/people.csv")
                #expect(error.japanese.contains("何も消していません") && error.japanese.contains("権限"))
            }
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir).sorted() == before, "nothing was erased")
        #expect(!FileManager.default.fileExists(atPath: output + "/audit/erasure-certificate-2018.html"))
    }

    /// A file whose name is not UTF-8 was skipped by the plan (its decoded name matches no file),
    /// so it survived a purge that reported the year erased.
    @Test func purgeErasesNothingWhileANameIsNotUTF8() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        Support.writeShiftJISNamed(in: input + "/visits", contents: "日付\n")
        do {
            _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
            Issue.record("the purge went ahead with a file it cannot name")
        } catch {
            #expect(error.japanese.contains("UTF-8"))
        }
        #expect(FileManager.default.fileExists(atPath: output + "/people/people.csv"), "nothing erased")
        // And a run will not swap such a file out of Output/ with the old folder.
        Support.writeShiftJISNamed(in: output, contents: "memo")
        do {
            _ = try Support.run(input: input, output: output)
            Issue.record("a run replaced an Output/ holding a name it cannot keep")
        } catch let e as RunFailure {
            #expect(e.step == "output" && e.japanese.contains("UTF-8"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).contains { $0.unicodeScalars.contains("\u{FFFD}") })
    }

    /// Found reading the erasure plan: a run killed part way leaves its documents written aside
    /// beside Output/ until the next run, and a purge before that run left them there.
    @Test func purgeErasesWhatAKilledRunLeftBesideOutput() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let people = Support.read(output + "/people/people.csv")
        Support.write(dir + "/.Output.ikigai-new-4242/people/people.csv", people)
        Support.write(dir + "/.Output.ikigai-old-4243/rosters/groups/g.html", "名簿")
        let o = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
        #expect(o.items.map(\.shown).contains(".Output.ikigai-new-4242/people/people.csv"))
        #expect(o.items.map(\.shown).contains(".Output.ikigai-old-4243/rosters/groups/（名前は載せません・.html）"), "not a file the last run wrote")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["Input", "Output"])
        let certificate = Support.read(output + "/audit/erasure-certificate-2018.html")
        #expect(certificate.contains(".Output.ikigai-new-4242/people/people.csv"))
    }

    /// Found reading the purge list: a file someone saved in Output/ was listed by name on the
    /// terminal, in the certificate (the ward's) and in the audit record; its name may be a resident's.
    @Test func purgeNamesNoFileSomeoneSaved() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        Support.write(output + "/山田さん連絡.txt", "memo")
        Support.write(output + "/rosters/鈴木家の写し.html", "copy")
        Support.write(input + "/visits/田中さんメモ.txt", "memo")
        let dry = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                        operatorName: "山田 花子", confirm: false)
        let shown = dry.items.map(\.shown)
        #expect(shown.contains("Output/（名前は載せません・.txt）") && shown.contains("Output/rosters/（名前は載せません・.html）"))
        #expect(shown.contains("Input/visits/（名前は載せません・.txt）"))
        #expect(shown.contains("Output/people/people.csv") && shown.contains("Input/visits/2018-05.csv"), "ikigai's own files keep their names")
        _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                  operatorName: "山田 花子", confirm: true)
        let certificate = Support.read(output + "/audit/erasure-certificate-2018.html"), audit = Support.read(output + "/audit/audit.jsonl")
        for name in ["山田さん", "鈴木家", "田中さん"] {
            #expect(!shown.joined().contains(name) && !certificate.contains(name) && !audit.contains(name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/山田さん連絡.txt"), "erased all the same")
    }

    /// The certificate is the point of a purge: when its template is missing or fails the page
    /// check, nothing may be erased (before, every file was gone and then the purge failed, with
    /// no certificate and no audit entry).
    @Test(arguments: ["missing", "broken"])
    func purgeErasesNothingWhenTheCertificateCannotBeMade(_ how: String) throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let templates = dir + "/Templates"
        try FileManager.default.copyItem(atPath: Support.templates, toPath: templates)
        if how == "missing" {
            try FileManager.default.removeItem(atPath: templates + "/certificate.mustache")
        } else {
            Support.write(templates + "/certificate.mustache", "<p>消去証明書<script>x()</script></p>")
        }
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir).sorted()
        do {
            _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: templates,
                                      operatorName: "山田 花子", confirm: true)
            Issue.record("a purge without a certificate went ahead")
        } catch {
            #expect(error.step == "purge")
            #expect(error.file.hasSuffix("certificate.mustache"))
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir).sorted() == before, "nothing erased")
        #expect(!Support.read(input + "/settings.toml").isEmpty)
        #expect(AuditLog.read(outputDir: output).1 == nil)
    }

    /// Every name and phone of the year, in every encoding the sheets used,
    /// is searched for in every byte under Input/ and Output/ after a purge.
    @Test func purgeLeavesNoTraceAndACertificate() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let (input, output) = try StewardshipTests.sampleRun(dir)
        let settings = try Settings.load(path: input + "/settings.toml")
        let intake = try IntakeStage.run(inputDir: input, settings: settings, through: nil)
        var needles: [[UInt8]] = []
        for r in intake.rows {
            guard let p = r.record?.identityRow.person else { continue }
            for form in [p.name, p.nameKey, p.phone.digits, p.phone.formatted] {
                needles.append(Array(form.utf8))
                if let sjis = CP932.fromUTF8(form) { needles.append(sjis) }
            }
        }
        #expect(needles.count > 500)
        let o = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                      operatorName: "山田 花子", confirm: true)
        #expect(o.erased == o.items.count && o.erased > 0)
        let unique = Set(needles)
        for rel in try FileManager.default.subpathsOfDirectory(atPath: dir) {
            guard let data = FileManager.default.contents(atPath: dir + "/" + rel) else { continue }
            let bytes = Array(data)
            for n in unique where n.count >= 4 {
                #expect(!StewardshipTests.contains(bytes, n), "\(rel) still holds resident data")
            }
        }
        let cert = Support.read(try #require(o.certificate))
        #expect(cert.contains("個人情報消去証明書"))
        #expect(cert.contains("Input/visits/2018-05.csv"))
        #expect(cert.contains("印"))
        #expect(cert.contains("SSD"))
        let (log, broken) = AuditLog.read(outputDir: output)
        #expect(broken == nil)
        #expect(log.entries.last?.outputs.count == o.erased)
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first && Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }
}
