import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import IkigaiCore

/// Paths and scratch folders shared by the tests.
enum Support {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    static var templates: String { packageRoot + "/Templates" }

    /// Whether a test that needs outside tools must run: always in CI (where
    /// `.ci/run` installs them, so a missing tool fails the test), and on a
    /// developer's machine when the tools are there.
    static func toolsPresent(_ tools: [String]) -> Bool {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        return tools.allSatisfy { t in ["/usr/bin/", "/usr/local/bin/", "/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + t) } }
    }

    /// Runs a program to its end: its exit status and what it wrote to standard error (standard
    /// output is dropped).
    static func launch(_ executable: String, _ arguments: [String], in cwd: String? = nil) throws -> (status: Int32, said: String) {
        let p = Process(), err = Pipe()
        p.executableURL = URL(fileURLWithPath: executable)
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, said)
    }

    static var pythonICalendar: Bool {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import icalendar"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures") ?? packageRoot + "/Tests/IkigaiCoreTests/Fixtures/" + name
    }

    /// A fresh folder under the system temp dir, removed by the caller's `defer`.
    static func tempDir(_ label: String = #function) -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "ikigai-test-\(safe)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// 「2018-05追加.csv」 with its name in Shift_JIS bytes, as a copy from a Windows share leaves
    /// it: not UTF-8, so Foundation lists it with replacement characters.
    static func writeShiftJISNamed(in dir: String, contents: String) {
        let name: [UInt8] = Array("2018-05".utf8) + [0x92, 0xC7, 0x89, 0xC1] + Array(".csv".utf8)
        let path = Array(dir.utf8) + [0x2F] + name + [0]
        let fd = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { p -> Int32 in
            guard let base = p.baseAddress else { return -1 }
            return open(base, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        guard fd >= 0 else { return }
        _ = Array(contents.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func write(_ path: String, _ text: String) {
        write(path, bytes: Array(text.utf8))
    }

    static func write(_ path: String, bytes: [UInt8]) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        // A fixture that could not be written would fail the test for another reason, far from here.
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "could not write \(path)")
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// A minimal valid settings.toml for FY2018.
    static let settings = """
    fiscal_year = 2018
    [ward]
    prefecture = "東京都"
    name = "新宿区"
    towns = ["大久保", "百人町", "北新宿", "西新宿"]
    [area]
    name = "大久保特別出張所管内"
    towns = ["大久保1丁目", "大久保2丁目", "百人町2丁目"]
    eligible_population = 10204
    eligible_as_of = 2017-10-01
    expected_users = 4000
    [classes]
    lottery_seed = "2018-public-seed"
    [[handlers]]
    name = "山田 花子"
    role = "取扱責任者"

    """

    static let classes = """
    講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
    K01,いきいき体操,自由,30,火,"2,4",10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,
    K02,脳トレ教室,抽選,20,木,"1,3",14:00,15:30,研修室,2018-05-01,2019-03-31,休止,2018-04-20

    """

    /// An input folder with settings and classes, and the given sheets.
    static func input(_ sheets: [String: String], in dir: String) {
        write(dir + "/settings.toml", settings)
        write(dir + "/classes.csv", classes)
        for (path, text) in sheets { write(dir + "/" + path, text) }
    }

    static func run(input: String, output: String, operatorName: String? = "山田花子", through: YearMonth? = nil) throws -> RunOutcome {
        try RunPipeline(options: RunOptions(inputDir: input, outputDir: output, templatesDir: templates,
                                            through: through, operatorName: operatorName)).run()
    }

    /// Runs `sheets` (beside the standard settings and classes, which a `classes.csv` entry
    /// replaces) in a folder of its own, removed afterwards: the outcome and the rows of the
    /// validation report.
    static func runSheets(_ sheets: [String: String], label: String = #function) throws -> (outcome: RunOutcome, findings: [[String]]) {
        try runSheets(sheets, label: label) { outcome, out in (outcome, validationRows(out)) }
    }

    /// As `runSheets`, handing the output folder to `inspect` before it is removed.
    static func runSheets<T>(_ sheets: [String: String], label: String = #function,
                             inspect: (RunOutcome, _ output: String) throws -> T) throws -> T {
        let dir = tempDir(label), out = dir + "/Output"
        defer { remove(dir) }
        input(sheets, in: dir)
        return try inspect(try run(input: dir, output: out), out)
    }

    static func validationRows(_ output: String) -> [[String]] {
        let bytes = Array(((try? Data(contentsOf: URL(fileURLWithPath: output + "/validation.csv"))) ?? Data()))
        guard case .success(let records) = CSVParser.parse(Array(bytes.dropFirst(3))) else { return [] }
        return records.dropFirst().map(\.cells)
    }
}
