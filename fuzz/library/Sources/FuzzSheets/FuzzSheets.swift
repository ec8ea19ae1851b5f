import Foundation
import IkigaiCore

// libFuzzer target: arbitrary bytes as one people sheet (or classes.csv, decisions.csv), read and checked as
// a run reads it (decoding, CSV, header, prohibited columns, every eligibility check of every row), with
// the sample's settings.toml and classes.csv beside it. The first byte chooses the folder
// (its value modulo 5: visits, groups, applications, classes.csv itself, which is then
// planned over the year, or decisions.csv); the rest is the sheet.
//
// Promises: no crash or hang, and every row is accounted for: the sheet is refused whole
// (with a finding and no rows), or each row it read ends accepted, rejected or held, with
// the row number Excel shows, in file order, and a finding for each row not accepted; the
// sheet's counts add up; and the validation report written from the findings reads back
// as one line per finding. A classes.csv plans only sessions its series allow: in the fiscal
// year and the series' period, on its weekday, never on a holiday or a closed day. A
// decisions.csv's findings name its rows and hold no phone number.

/// A folder under /dev/shm (memory, not disk: one file is written per input) made before the
/// first input, so that reading settings.toml (whose TOML library leaks a few KB, TOMLKit
/// issue 26) is not counted as a leak of an input. Removed when the fuzzer exits normally; a
/// crash leaves it, with the input that crashed, for a look.
struct Fixture {
    static let kinds = ["visits", "groups", "applications"]
    static let shared = Fixture()
    let root: String
    let settings: Settings
    let classes: Data

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = base + "/ikigai-fuzz-sheets-\(getpid())"
        for kind in Fixture.kinds { try? FileManager.default.createDirectory(atPath: root + "/" + kind, withIntermediateDirectories: true) }
        for name in ["settings.toml", "classes.csv"] {
            guard let data = FileManager.default.contents(atPath: "Input/" + name) else {
                fatalError("run from the package root (Input/\(name) not found)")
            }
            guard FileManager.default.createFile(atPath: root + "/" + name, contents: data) else { fatalError("cannot write \(root)") }
        }
        classes = FileManager.default.contents(atPath: root + "/classes.csv") ?? Data()
        do {
            settings = try Settings.read(Array(FileManager.default.contents(atPath: root + "/settings.toml") ?? Data()))
        } catch {
            fatalError("Input/settings.toml: \(error)")
        }
    }
}

// LeakSanitizer's switch for allocations it should not report: the settings read once here
// (TOMLKit's few KB) were reported at exit as a leak of the last input.
@_silgen_name("__lsan_disable") func lsanDisable()
@_silgen_name("__lsan_enable") func lsanEnable()

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    lsanDisable()
    _ = Fixture.shared
    lsanEnable()
    atexit { try? FileManager.default.removeItem(atPath: Fixture.shared.root) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheets(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let fixture = Fixture.shared
    let choice = Int(data[0]) % 5
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    for other in Fixture.kinds { unlink(fixture.root + "/" + other + "/2018-05.csv") }
    unlink(fixture.root + "/decisions.csv")
    let path = choice < 3 ? Fixture.kinds[choice] + "/2018-05.csv" : choice == 3 ? "classes.csv" : "decisions.csv"
    guard FileManager.default.createFile(atPath: fixture.root + "/classes.csv", contents: choice == 3 ? Data(bytes) : fixture.classes),
          choice == 3 || FileManager.default.createFile(atPath: fixture.root + "/" + path, contents: Data(bytes)) else {
        fatalError("cannot write \(path)")
    }
    let result: IntakeResult
    do {
        result = try IntakeStage.run(inputDir: fixture.root, settings: fixture.settings, through: nil,
                                     today: CivilDate(year: 2018, month: 11, day: 15))
    } catch {
        fatalError("no --through was given, yet: \(error)")
    }
    // A quoted cell with line breaks keeps its record on one row, so no row is numbered past
    // the line breaks + 1 (CR alone counts: Excel for Mac wrote such files).
    let lastRow = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 2
    if choice == 3 {
        planned(result, lastRow: lastRow)
        return 0
    }
    if choice == 4 {
        require(result.rows.isEmpty, "no people sheet, no rows")
        for f in result.findings + result.rulings.findings where f.file == path {
            if let r = f.row { require((1...lastRow).contains(r), "decisions.csv finding at row \(r), last \(lastRow)") }
            require(phoneLike(f.message + " " + f.column).isEmpty, "a phone number in \(f.code)")
        }
        return 0
    }
    require(result.sheets.count == 1 && result.sheets[0].path == path, "one sheet read: \(result.sheets.map(\.path))")
    let sheet = result.sheets[0]
    require(sheet.deferred == 0 && result.deferredRows == 0, "no row is left for later without --through")
    if sheet.refused {
        require(result.rows.isEmpty && result.refusedSheets == [path], "a refused sheet gives no rows")
        require(result.findings.contains { $0.file == path && $0.code.kind == .refusedSheet }, "a refused sheet says why")
    } else {
        require(sheet.read == result.rowsRead && sheet.accepted == result.rowsAccepted, "the sheet's counts are the rows'")
        require(sheet.accepted + sheet.rejected + sheet.held == sheet.read, "read = accepted + rejected + held")
    }
    var previous = 1
    for row in result.rows {
        require(row.source.file == path, "a row of \(row.source.file)")
        require(row.source.row > previous && row.source.row <= lastRow, "row \(row.source.row) after \(previous), last \(lastRow)")
        previous = row.source.row
        require(row.record != nil || !row.findings.isEmpty, "row \(row.source.row) neither accepted nor told why")
        require(row.findings.allSatisfy { $0.file == path && $0.row == row.source.row }, "a finding of row \(row.source.row) names another")
    }
    for f in result.findings {
        require(!f.message.isEmpty, "\(f.code) without a message")
        // Findings go to the terminal and to validation.csv, which are not confidential: no phone
        // number of a row may be in one (03-1234-5678 is the messages' own example).
        require(phoneLike(f.message + " " + f.column).isEmpty, "a phone number in \(f.code): \(f.column) \(f.message)")
        if f.file == path, let r = f.row { require((1...lastRow).contains(r), "finding at row \(r), last \(lastRow)") }
    }
    // Read back as Excel would open it: a BOM, the header, then one record per finding.
    var report = CheckStage.csv(result.findings)
    require(report.starts(with: [0xEF, 0xBB, 0xBF]), "validation.csv carries a BOM")
    report.removeFirst(3)
    guard case .success(let records) = CSVParser.parse(report) else { require(false, "validation.csv does not read back"); return 0 }
    require(records.count == result.findings.count + 1, "\(records.count) records for \(result.findings.count) findings")
    require(records.allSatisfy { $0.cells.count == 5 }, "validation.csv has five columns on every line")
    return 0
}

/// The year planned from a fuzzed classes.csv: its findings name its rows, and every session
/// held is one its series allows.
func planned(_ result: IntakeResult, lastRow: Int) {
    require(result.rows.isEmpty, "no people sheet, no rows")
    for f in result.findings where f.file == "classes.csv" {
        if let r = f.row { require((1...lastRow).contains(r), "classes.csv finding at row \(r), last \(lastRow)") }
        require(phoneLike(f.message + " " + f.column).isEmpty, "a phone number in \(f.code)")
    }
    let settings = result.settings
    let schedule = ClassSchedule(classes: result.classes, settings: settings)
    for s in schedule.held {
        let series = s.series
        require((settings.fiscalYearStart...settings.fiscalYearEnd).contains(s.date), "\(series.id) on \(s.date), outside the year")
        require((series.from...series.until).contains(s.date), "\(series.id) on \(s.date), outside its period")
        require(s.date.weekday == series.weekday, "\(series.id) on \(s.date), not its weekday")
        require(schedule.holidays[s.date] == nil && !schedule.closures.contains(s.date), "\(series.id) on \(s.date), a day off")
    }
    var report = CheckStage.csv(result.findings + schedule.findings)
    report.removeFirst(3)
    guard case .success(let records) = CSVParser.parse(report) else { return require(false, "validation.csv does not read back") }
    require(records.count == result.findings.count + schedule.findings.count + 1, "validation.csv lines")
}

/// Phone numbers in a finding, as the public-data guard finds them in a page; 03-1234-5678 is
/// the messages' own example.
func phoneLike(_ text: String) -> [String] {
    PublicGuard.digitRuns(text).filter { $0.hasPrefix("0") && $0 != "0312345678" }
}

/// `precondition` that says which promise broke: an optimised build drops its message.
func require(_ holds: Bool, _ promise: @autoclosure () -> String) {
    guard !holds else { return }
    FileHandle.standardError.write(Data(("broken promise: " + promise() + "\n").utf8))
    abort()
}
