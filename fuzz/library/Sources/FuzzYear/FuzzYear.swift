import Foundation
import IkigaiCore

// libFuzzer target: arbitrary bytes as a small year of sheets, run through the whole pipeline as
// `ikigai run` runs it (intake, schedule, identity with rulings, lottery, statistics, rendering, the
// public-file guard, output and audit), then run again over the Output/ the first run left.
// The `sheets` target reads one sheet at a time; this one reaches what only several sheets do:
// the same person across sheets and months, repeated visits, rulings in decisions.csv, the lottery
// over applications, and the second run reading the first one's outputs.
//
// The input is cut at each 0xFF byte (never part of a UTF-8 or CP932 text) into up to five
// sheets, in this order; an empty part leaves its file out.
//
// Each run reads settings.toml, whose TOML library leaks a few KB (TOMLKit issue 26): those
// leaks are suppressed by name (`fuzz/lsan-tomlkit.supp`), and any other leak is reported when
// the fuzzer exits.
//
// Promises: no crash or hang, and
// - the run succeeds, or stops at the public-file guard (a name that is also a word of a page);
// - every row read is accounted for: summary.json's read = accepted + rejected, people.csv has one
//   line per accepted row, naming an input sheet and a row no later than its line breaks allow;
// - confidential files are owner-only (0600, folders 0700);
// - no phone number typed anywhere in the sheets, and no accepted person's name, is in a file that
//   is not confidential (the public files, index.html, validation.*, the draw records);
// - the same input run again over its own Output/ writes the same bytes (audit and the front
//   page's "since the last run" aside), and the audit chain holds both runs.
let slots = ["visits/2018-04.csv", "visits/2018-05.csv", "groups/2018-04-文化系.csv", "applications/2018-04.csv", "decisions.csv"]

/// A folder under /dev/shm holding Input/ (a fixed settings.toml and classes.csv, and the sheets
/// of each input) and the Output/ of its runs. Removed when the fuzzer exits normally; a crash
/// leaves it, with the input that crashed, for a look.
struct Fixture {
    static let shared = Fixture()
    let root: String
    let templates: String
    /// Read once: the same file for every input (each run still reads it, as `ikigai run` does).
    let settings: Settings

    var input: String { root + "/Input" }
    var output: String { root + "/Output" }

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = base + "/ikigai-fuzz-year-\(getpid())"
        templates = FileManager.default.currentDirectoryPath + "/Templates"
        for folder in ["visits", "groups", "applications"] {
            try? FileManager.default.createDirectory(atPath: root + "/Input/" + folder, withIntermediateDirectories: true)
        }
        for name in ["settings.toml", "classes.csv"] {
            guard var text = FileManager.default.contents(atPath: "Input/" + name).map({ String(decoding: $0, as: UTF8.self) }) else {
                fatalError("run from the package root (Input/\(name) not found)")
            }
            // The sample's classes, held until June only: with a roster for each of 96 sessions,
            // written twice per input, the target ran 3 inputs a second against 5 with these.
            if name == "classes.csv" { text = text.replacingOccurrences(of: ",2019-03-31,", with: ",2018-06-30,") }
            guard FileManager.default.createFile(atPath: root + "/Input/" + name, contents: Data(text.utf8)) else { fatalError("cannot write \(root)") }
        }
        do { settings = try Settings.load(path: root + "/Input/settings.toml") } catch { fatalError("Input/settings.toml: \(error)") }
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Fixture.shared
    atexit { try? FileManager.default.removeItem(atPath: Fixture.shared.root) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYear(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fixture = Fixture.shared
    let parts = Array(UnsafeBufferPointer(start: data, count: size)).split(separator: 0xFF, omittingEmptySubsequences: false)
    var sheets: [String: [UInt8]] = [:]
    for (slot, part) in zip(slots, parts) where !part.isEmpty { sheets[slot] = Array(part) }
    for slot in slots {
        unlink(fixture.input + "/" + slot)
        if let bytes = sheets[slot], !FileManager.default.createFile(atPath: fixture.input + "/" + slot, contents: Data(bytes)) {
            fatalError("cannot write \(slot)")
        }
    }
    try? FileManager.default.removeItem(atPath: fixture.output)
    guard let first = run(fixture) else { return 0 }
    let written = checkOutput(fixture, sheets: sheets)
    guard let second = run(fixture) else { broken("the second run stopped where the first did not") }
    require(second.summary.rowsRead == first.summary.rowsRead, "the second run read other rows")
    let again = files(under: fixture.output)
    require(Set(again.keys) == Set(written.keys), "the second run wrote other files: \(Set(again.keys).symmetricDifference(written.keys).sorted())")
    for (path, bytes) in written where !path.hasPrefix("audit/") && path != "index.html" {
        require(again[path] == bytes, "the second run changed \(path)")
    }
    guard case .intact(let entries, _) = AuditCheck.of(outputDir: fixture.output) else { broken("the audit chain broke") }
    require(entries == 2, "\(entries) audit entries for two runs")
    return 0
}

/// One run of the pipeline over the fixture; nil when the public-file guard stopped it.
func run(_ fixture: Fixture) -> RunOutcome? {
    let options = RunOptions(inputDir: fixture.input, outputDir: fixture.output, templatesDir: fixture.templates,
                             operatorName: "山田 花子", today: CivilDate(year: 2018, month: 11, day: 15))
    do {
        return try RunPipeline(options: options).run()
    } catch {
        // A name that is also a word of a public page (a class title, a town) stops the run
        // before anything is written: safe, and what the guard is for.
        require(error.step == "guard", "the run stopped at \(error.step): \(error.japanese)")
        require(!FileManager.default.fileExists(atPath: fixture.output + "/summary.json"), "a stopped run wrote its outputs")
        return nil
    }
}

/// Checks the first run's Output/ and returns its files by path.
func checkOutput(_ fixture: Fixture, sheets: [String: [UInt8]]) -> [String: [UInt8]] {
    let written = files(under: fixture.output)
    // Every row accounted for.
    guard let summaryBytes = written["summary.json"],
          let summary = try? JSONSerialization.jsonObject(with: Data(summaryBytes)) as? [String: Any],
          let rows = summary["rows"] as? [String: Int], let read = rows["read"], let accepted = rows["accepted"],
          let rejected = rows["rejected"] else { broken("summary.json does not read") }
    require(read == accepted + rejected, "summary.json: read \(read) ≠ accepted \(accepted) + rejected \(rejected)")
    let people = csvRecords(written["people/people.csv"] ?? []).dropFirst()
    require(people.count == accepted, "people.csv has \(people.count) lines for \(accepted) accepted rows")
    var seen = Set<String>()
    for line in people {
        require(line.count == 3, "people.csv line of \(line.count) cells")
        guard line.count == 3, let bytes = sheets[line[1]], let row = Int(line[2]) else {
            broken("people.csv names \(line.dropFirst()), not a row of a sheet")
        }
        require(seen.insert(line[1] + "#" + line[2]).inserted, "people.csv names \(line[1]) row \(row) twice")
        require((2...bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 2).contains(row), "people.csv: \(line[1]) row \(row)")
    }
    // Owner-only where confidential.
    for folder in ["people", "lottery", "rosters", "audit"] {
        require(mode(fixture.output + "/" + folder).map { $0 == 0o700 } ?? true, "\(folder)/ is not 0700")
    }
    for path in written.keys where ["people/", "lottery/", "rosters/"].contains(where: path.hasPrefix) {
        if path.hasPrefix("lottery/"), path.hasSuffix("-draw.json") { continue }
        require(mode(fixture.output + "/" + path) == 0o600, "\(path) is not 0600")
    }
    // No phone of any sheet, no accepted name, where anyone but the named handlers may read.
    let phones = sheets.filter { $0.key != "decisions.csv" }.values.reduce(into: Set<String>()) { $0.formUnion(PublicGuard.phoneLikeNumbers(inSheet: $1)) }
    let names = acceptedNames(fixture)
    for (path, bytes) in written where isOpen(path) {
        let text = String(decoding: bytes, as: UTF8.self)
        let found = PublicGuard.digitRuns(text).filter(phones.contains)
        require(found.isEmpty, "a phone of a sheet in \(path)")
        // By bytes: Foundation's `contains`, folding each Character again, was a tenth of an input.
        let folded = Array(Text.removingWhitespace(Text.nfkc(text)).utf8)
        require(!names.contains { folded.firstRange(of: Array($0.utf8)) != nil }, "an accepted name in \(path)")
    }
    return written
}

/// Files anyone with the folder may read: all but the confidential folders and the audit record.
/// The draw records are the lottery's public part.
func isOpen(_ path: String) -> Bool {
    if path.hasPrefix("lottery/") { return path.hasSuffix("-draw.json") }
    return !["people/", "rosters/", "audit/"].contains(where: path.hasPrefix)
}

/// The names of the rows the run accepted, folded as `checkOutput` folds a page, but for those
/// that are the name of a place or a word of classes.csv: the guard lets those through, as a
/// page names its towns and classes whoever is called so.
func acceptedNames(_ fixture: Fixture) -> Set<String> {
    let settings = fixture.settings
    guard let intake = try? IntakeStage.run(inputDir: fixture.input, settings: settings, through: nil,
                                            today: CivilDate(year: 2018, month: 11, day: 15)) else {
        broken("the sheets do not read again")
    }
    let places = (settings.wardTowns + settings.area.towns.map(\.label) + [settings.wardName, settings.area.name, settings.prefecture])
        .map { Text.removingWhitespace(Text.nfkc($0)) }
    let classes = Text.removingWhitespace(Text.nfkc(String(decoding: FileManager.default.contents(atPath: fixture.input + "/classes.csv") ?? Data(), as: UTF8.self)))
    var names = Set<String>()
    for row in intake.rows {
        guard let person = row.record?.person else { continue }
        let name = Text.removingWhitespace(Text.nfkc(person.name))
        if name.count >= 3, !classes.contains(name), !places.contains(where: { $0.contains(name) }) { names.insert(name) }
    }
    return names
}

/// Every file under `dir`, by its path there.
func files(under dir: String) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    guard let walker = FileManager.default.enumerator(atPath: dir) else { return out }
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        out[path] = Array(FileManager.default.contents(atPath: dir + "/" + path) ?? Data())
    }
    return out
}

func mode(_ path: String) -> mode_t? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o777
}

func csvRecords(_ bytes: [UInt8]) -> [[String]] {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard case .success(let records) = CSVParser.parse(body) else { return [] }
    return records.map(\.cells)
}

/// `precondition` that says which promise broke: an optimised build drops its message.
func require(_ holds: Bool, _ promise: @autoclosure () -> String) {
    if !holds { broken(promise()) }
}

func broken(_ promise: String) -> Never {
    FileHandle.standardError.write(Data(("broken promise: " + promise + "\n").utf8))
    abort()
}
