import Foundation
import Testing
@testable import IkigaiCore
#if canImport(Glibc)
import Glibc
#endif

/// A run killed at any moment leaves the previous Output/ whole and the
/// audit chain valid. Runs the real `ikigai` binary (built by `swift build`,
/// which `.ci/run` does first) and kills it at seeded random moments.
@Suite("Killed runs", .serialized)
struct KillTests {
    static var binary: String? {
        let candidates = [Support.packageRoot + "/.build/debug/ikigai", Support.packageRoot + "/.build/release/ikigai"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func killedRunsLeaveTheOutputWhole() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let dir = Support.tempDir(), input = dir + "/Input", output = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 300, seed: 4).write(to: input)
        func start() throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ikigai)
            p.arguments = ["run", "--input", input, "--output", output, "--templates", Support.templates, "--operator", "山田 花子"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        let first = try start()
        first.waitUntilExit()
        #expect(first.terminationStatus == 1)
        // Someone's files in Output/ (kept by each run, hard-linked across the swap) survive every kill too.
        Support.write(output + "/メモ.txt", "memo")
        Support.write(output + "/rosters/名簿のコピー.html", "copy")
        let files = try FileManager.default.subpathsOfDirectory(atPath: output).filter { !$0.hasPrefix("audit") }.sorted()
        let summary = FileManager.default.contents(atPath: output + "/summary.json")
        var rng = SplitMix64(seed: 99)
        var killedMidway = 0
        for _ in 0..<8 {
            let p = try start()
            usleep(UInt32(rng.int(20...1500)) * 1000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killedMidway += 1 }
            p.waitUntilExit()
            // Whatever the moment, Output/ is one complete run: the same files, the same summary.
            let now = try FileManager.default.subpathsOfDirectory(atPath: output).filter { !$0.hasPrefix("audit") }.sorted()
            #expect(now == files)
            #expect(FileManager.default.contents(atPath: output + "/summary.json") == summary)
            #expect(AuditLog.read(outputDir: output).1 == nil, "audit chain broken by a kill")
            #expect(Support.read(output + "/メモ.txt") == "memo" && Support.read(output + "/rosters/名簿のコピー.html") == "copy")
        }
        #expect(killedMidway > 0, "no run was killed before it finished; the test proved nothing")
        // The next complete run cleans what killed runs left beside Output/.
        let last = try start()
        last.waitUntilExit()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(Support.read(output + "/メモ.txt") == "memo")
    }
}
