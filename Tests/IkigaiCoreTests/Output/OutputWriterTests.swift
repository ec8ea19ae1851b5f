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
}
