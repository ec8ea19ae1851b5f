import Foundation
import Testing
@testable import IkigaiCore

/// Numbers on the command line that no one means (a count or a year pasted twice, 2^63−1) end
/// with exit status 2 and a message saying the range, never a crash: `sample --people` of
/// 2^63−1 asked the allocator for 2^64 bytes, `--fiscal-year` of it trapped. Runs the real
/// binary, as the kill test does.
@Suite("Command-line numbers")
struct CommandLineTests {
    @Test func aSampleOfNoOneOrOfEveryoneIsRefused() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let max = String(Int.max)
        for (arguments, says) in [(["--people", max], "--people は 10〜1000000 人"), (["--people", "0"], "--people は 10〜1000000 人"),
                                  (["--fiscal-year", max], "--fiscal-year は 2000〜2098"), (["--fiscal-year", "2100"], "--fiscal-year は 2000〜2098")] {
            let (status, said) = try Support.launch(ikigai, ["sample", "--out", dir + "/In"] + arguments)
            #expect(status == 2 && said.contains(says), "\(arguments): \(status) \(said)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/In"), "nothing is made")
        }
        #expect(SampleGenerator(people: Int.max, seed: 1).people == 1_000_000, "the library keeps a count in range too")
    }

    @Test func monthsAndYearsOutOfRangeAreRefused() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let max = String(Int.max)
        for arguments in [["holidays", max], ["run", "--through", max + "-01", "--output", "/nonexistent/Output"],
                          ["init", "--fiscal-year", max, "--input", "/nonexistent/In"]] {
            let (status, said) = try Support.launch(ikigai, arguments)
            #expect(status == 2 && !said.contains("Fatal") && !said.isEmpty, "\(arguments): \(status) \(said)")
        }
    }
}
