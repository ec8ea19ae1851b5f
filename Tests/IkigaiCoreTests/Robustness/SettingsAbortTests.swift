import Foundation
import Testing
@testable import IkigaiCore

/// The TOML library aborts on some malformed files (found by fuzzing). The
/// real binary must then stop as for any bad settings: exit 2, a Japanese
/// message naming settings.toml, and no Output/ written.
@Suite("A settings file the TOML library chokes on")
struct SettingsAbortTests {
    @Test func abortBecomesBadSettings() throws {
        let ikigai = try #require(KillTests.binary, "build the ikigai binary first (swift build)")
        let dir = Support.tempDir(), input = dir + "/Input", output = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 50, seed: 5).write(to: input)
        // A date-like value inside an array that toml++ asserts on rather than reporting.
        try Data("c = [2018-08--e 3]\n".utf8).write(to: URL(fileURLWithPath: input + "/settings.toml"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ikigai)
        p.arguments = ["run", "--input", input, "--output", output, "--templates", Support.templates, "--operator", "山田 花子"]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 2)
        #expect(text.contains("settings.toml") && text.contains("TOML の書き方に誤り"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
