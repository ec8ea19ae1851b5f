import Foundation
import Testing
@testable import IkigaiCore

/// A run reads what the last one left in `Output/` (person numbers, what changed, last month's
/// statistics, the draws, the audit record), and anyone in the office can open those files in
/// Excel or an editor. Whatever was done to them, a run and `audit verify` end with an exit
/// status of the contract, never a crash: an edited `ids.csv`, `last-run.json` and
/// `audit.jsonl` each stopped the run on an arithmetic overflow before. Runs the real binary,
/// as the kill test does.
@Suite("Edited files of the previous Output/", .serialized)
struct EditedOutputTests {
    static let files = ["people/ids.csv", "people/people.csv", "people/review.csv", "history/last-run.json",
                        "history/stats-2019-02.json", "audit/audit.jsonl", "lottery/K02.csv", "lottery/K02-draw.json"]

    /// Every whole number in the text (digits with no letter or digit beside them) replaced, the
    /// number of a person number too (`P00012` → `P` and the number).
    static func replacingNumbers(_ bytes: [UInt8], with number: String) -> [UInt8] {
        func isWord(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        var out: [UInt8] = [], i = 0
        while i < bytes.count {
            guard (0x30...0x39).contains(bytes[i]), i == 0 || !isWord(bytes[i - 1]) || bytes[i - 1] == 0x50 else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i
            while j < bytes.count, (0x30...0x39).contains(bytes[j]) { j += 1 }
            out += j < bytes.count && isWord(bytes[j]) ? Array(bytes[i..<j]) : Array(number.utf8)
            i = j
        }
        return out
    }

    @Test func noEditStopsARun() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let dir = Support.tempDir(), input = dir + "/Input", base = dir + "/Base"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 300, seed: 4).write(to: input)
        func run(_ arguments: [String]) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ikigai)
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p
        }
        func month(_ through: String, into output: String) throws -> Process {
            try run(["run", "--input", input, "--output", output, "--templates", Support.templates, "--operator", "山田 花子", "--through", through])
        }
        #expect(try month("2019-02", into: base).terminationStatus == 1)
        for file in Self.files {
            let original = try #require(FileManager.default.contents(atPath: base + "/" + file), "\(file) was not written")
            let edits: [(String, [UInt8])] = [
                ("largest", Self.replacingNumbers(Array(original), with: String(Int.max))),
                ("smallest", Self.replacingNumbers(Array(original), with: String(Int.min))),
                ("cut", Array(original.prefix(original.count / 2))),
            ]
            for (edit, bytes) in edits {
                let output = dir + "/Output-" + edit
                Support.remove(output)
                try FileManager.default.copyItem(atPath: base, toPath: output)
                Support.write(output + "/" + file, bytes: bytes)
                let next = try month("2019-03", into: output)
                #expect(next.terminationReason == .exit && [0, 1, 2].contains(next.terminationStatus),
                        "\(file), \(edit): the run ended with \(next.terminationStatus) (\(next.terminationReason == .exit ? "exit" : "signal"))")
                let verify = try run(["audit", "verify", "--output", output])
                #expect(verify.terminationReason == .exit, "\(file), \(edit): audit verify stopped by a signal")
            }
        }
    }

    @Test func numbersAreReplacedWholeAndOnlyThere() {
        let text = "P00012,7e6e89,visits/2018-04.csv,27\n{\"seq\":3}"
        #expect(String(decoding: Self.replacingNumbers(Array(text.utf8), with: "-1"), as: UTF8.self)
            == "P-1,7e6e89,visits/-1--1.csv,-1\n{\"seq\":-1}")
    }
}
