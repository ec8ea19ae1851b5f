import Foundation
import Testing
@testable import IkigaiCore

/// Replays the `year` fuzz target's corpus (fuzz/run.sh year): each input is up to five sheets cut
/// apart at 0xFF bytes, run through the whole pipeline twice, as the target runs it.
@Suite("Fuzz corpus replay: a year through the whole run")
struct YearCorpusTests {
    static let slots = ["visits/2018-04.csv", "visits/2018-05.csv", "groups/2018-04-文化系.csv", "applications/2018-04.csv", "decisions.csv"]

    /// Each input: the run succeeds or stops at the public-file guard; every row is accounted for
    /// in summary.json and people.csv; confidential files are owner-only; no phone typed in a
    /// sheet and no accepted name is in a file that is not confidential; and a second run over the
    /// first one's Output/ writes the same bytes, with both runs in the audit chain.
    @Test func year() throws {
        let inputs = FuzzCorpusTests.corpus("year")
        #expect(inputs.count > 20)
        let dir = Support.tempDir(), input = dir + "/Input", output = dir + "/Output"
        defer { Support.remove(dir) }
        Support.write(input + "/settings.toml", Support.read(Support.packageRoot + "/Input/settings.toml"))
        // As the target holds them: the sample's classes until June.
        Support.write(input + "/classes.csv", Support.read(Support.packageRoot + "/Input/classes.csv").replacingOccurrences(of: ",2019-03-31,", with: ",2018-06-30,"))
        let settings = try Settings.load(path: input + "/settings.toml")
        var completed = 0, stopped = 0, rerun = 0, accepted = 0, rejected = 0, linked = 0
        for bytes in inputs {
            let name = "input \(bytes.prefix(40).map { String($0, radix: 16) }.joined(separator: " "))"
            let parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false)
            var sheets: [String: [UInt8]] = [:]
            for (slot, part) in zip(YearCorpusTests.slots, parts) where !part.isEmpty { sheets[slot] = Array(part) }
            for slot in YearCorpusTests.slots {
                Support.remove(input + "/" + slot)
                if let sheet = sheets[slot] { Support.write(input + "/" + slot, bytes: sheet) }
            }
            Support.remove(output)
            do { try YearCorpusTests.run(input, output) } catch {
                #expect(error.step == "guard", "\(name): stopped at \(error.step)")
                #expect(!FileManager.default.fileExists(atPath: output + "/summary.json"), "\(name)")
                stopped += 1
                continue
            }
            completed += 1
            let written = YearCorpusTests.files(under: output)
            // Every row accounted for.
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(written["summary.json"] ?? [])) as? [String: Any])
            let rows = try #require(summary["rows"] as? [String: Int])
            #expect(rows["read"] == (rows["accepted"] ?? -1) + (rows["rejected"] ?? -1), "\(name)")
            let people = YearCorpusTests.records(written["people/people.csv"] ?? []).dropFirst()
            #expect(people.count == rows["accepted"], "\(name)")
            #expect(Set(people.map { $0.dropFirst() }).count == people.count, "\(name): a row twice in people.csv")
            for line in people {
                let lastRow = (sheets[line[1]]?.count(where: { $0 == 0x0A || $0 == 0x0D }) ?? -2) + 2
                #expect(Int(line[2]).map { (2...lastRow).contains($0) } == true, "\(name): \(line[1]) row \(line[2])")
            }
            accepted += rows["accepted"] ?? 0
            rejected += rows["rejected"] ?? 0
            linked += people.count - Set(people.map(\.[0])).count
            // Owner-only where confidential.
            for folder in ["people", "lottery", "rosters", "audit"] {
                #expect(YearCorpusTests.mode(output + "/" + folder).map { $0 == 0o700 } ?? true, "\(name): \(folder)/")
            }
            for path in written.keys where ["people/", "rosters/"].contains(where: path.hasPrefix)
                || path.hasPrefix("lottery/") && !path.hasSuffix("-draw.json") {
                #expect(YearCorpusTests.mode(output + "/" + path) == 0o600, "\(name): \(path)")
            }
            // Nothing personal where anyone with the folder may read.
            let intake = try IntakeStage.run(inputDir: input, settings: settings, through: nil, today: YearCorpusTests.today)
            let phones = sheets.filter { $0.key != "decisions.csv" }.values.reduce(into: Set<String>()) { $0.formUnion(PublicGuard.phoneLikeNumbers(inSheet: $1)) }
            let names = YearCorpusTests.names(intake, settings: settings, classes: Support.read(input + "/classes.csv"))
            for (path, bytes) in written where YearCorpusTests.isOpen(path) {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(PublicGuard.digitRuns(text).allSatisfy { !phones.contains($0) }, "\(name): a phone in \(path)")
                let folded = Array(Text.removingWhitespace(Text.nfkc(text)).utf8)
                #expect(!names.contains { folded.firstRange(of: Array($0.utf8)) != nil }, "\(name): a name in \(path)")
            }
            // The same input again, over its own Output/, as the fuzzer runs it.
            rerun += 1
            try YearCorpusTests.run(input, output)
            let again = YearCorpusTests.files(under: output)
            #expect(Set(again.keys) == Set(written.keys), "\(name)")
            for (path, bytes) in written where !path.hasPrefix("audit/") && path != "index.html" {
                // As a Bool: a failure printed both files' bytes in full.
                let same = again[path] == bytes
                #expect(same, "\(name): \(path) changed")
            }
            guard case .intact(let entries, _) = AuditCheck.of(outputDir: output) else {
                Issue.record("\(name): the audit chain broke")
                continue
            }
            #expect(entries == 2, "\(name)")
        }
        // The corpus reaches every end, or it has lost what made it worth replaying.
        #expect(completed > 0 && rerun > 0 && accepted > 0 && rejected > 0 && linked > 0, "\(stopped) stopped by the guard")
    }

    /// The day the target runs on: rows dated after it are pointed out, as in November of the year.
    static let today = CivilDate(year: 2018, month: 11, day: 15)

    static func run(_ input: String, _ output: String) throws(RunFailure) {
        _ = try RunPipeline(options: RunOptions(inputDir: input, outputDir: output, templatesDir: Support.templates,
                                                operatorName: "山田 花子", today: today)).run()
    }

    static func records(_ bytes: [UInt8]) -> [[String]] {
        guard case .success(let records) = CSVParser.parse(Array(bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })) else { return [] }
        return records.map(\.cells)
    }

    /// The accepted names of three characters or more, but those a page may print for another
    /// reason: a place of the ward or the area, or a word of classes.csv.
    static func names(_ intake: IntakeResult, settings: Settings, classes: String) -> Set<String> {
        let fold = { (s: String) in Text.removingWhitespace(Text.nfkc(s)) }
        let places = (settings.wardTowns + settings.area.towns.map(\.label) + [settings.wardName, settings.area.name, settings.prefecture]).map(fold)
        let classWords = fold(classes)
        var names = Set<String>()
        for row in intake.rows {
            guard let person = row.record?.person else { continue }
            let name = fold(person.name)
            if name.count >= 3, !classWords.contains(name), !places.contains(where: { $0.contains(name) }) { names.insert(name) }
        }
        return names
    }

    static func isOpen(_ path: String) -> Bool {
        if path.hasPrefix("lottery/") { return path.hasSuffix("-draw.json") }
        return !["people/", "rosters/", "audit/"].contains(where: path.hasPrefix)
    }

    static func files(under dir: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: dir)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            out[path] = Array(FileManager.default.contents(atPath: dir + "/" + path) ?? Data())
        }
        return out
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }
}
