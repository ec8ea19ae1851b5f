import Foundation
import Testing
@testable import IkigaiCore

/// Replays the inputs libFuzzer found interesting (fuzz/run.sh merges them
/// into Fixtures/fuzz): none may crash the reader, and each parser's
/// promises hold on every one of them.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    static func corpus(_ target: String) -> [[UInt8]] {
        let dir = Support.packageRoot + "/Tests/IkigaiCoreTests/Fixtures/fuzz/" + target
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().compactMap {
            FileManager.default.contents(atPath: dir + "/" + $0).map(Array.init)
        }
    }

    @Test func csvReader() {
        let inputs = FuzzCorpusTests.corpus("csv")
        #expect(inputs.count > 50)
        for bytes in inputs {
            if case .success(let records) = CSVParser.parse(bytes) {
                #expect(records.enumerated().allSatisfy { $0.element.row == $0.offset + 1 })
            }
        }
    }

    @Test func decoder() {
        let inputs = FuzzCorpusTests.corpus("decode")
        #expect(inputs.count > 50)
        for bytes in inputs {
            #expect(CP932.toUTF8(bytes) == CP932.iconvToUTF8(bytes), "Shift_JIS by table reads as iconv does")
            if case .success(let d) = SheetDecoder.decode(bytes) { #expect(SheetDecoder.firstInvalidUTF8(d.utf8) == nil) }
        }
    }

    @Test func valueParsers() {
        let inputs = FuzzCorpusTests.corpus("values")
        #expect(inputs.count > 20)
        let address = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿", "新宿", "霞ヶ丘町"])
        let cityWard = AddressParser(prefecture: "大阪府", ward: "大阪市北区", towns: ["梅田", "中崎", "天満"])
        // Small limits, as in the fuzz target, so that the corpus empties the memo and fills its probes.
        var cells = TextMemo<String>(limit: 500)
        for bytes in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(cells.value(text, Text.cell) == Text.cell(text))
            if case .success(let d) = DateParser.parse(text) { #expect(CivilDate(year: d.year, month: d.month, day: d.day) == d) }
            #expect(DateParser.parse(text) == DateParser.parseByCharacter(text), "the byte readings say what the slow one says")
            if case .success(let d) = DateParser.parseBirthDate(text) { #expect(CivilDate(year: d.year, month: d.month, day: d.day) == d) }
            if let t = TimeOfDay(text) { #expect((0..<1440).contains(t.minutes) && TimeOfDay(t.description) == t) }
            if case .success(let p) = PhoneNumber.parse(text) { #expect((10...11).contains(p.digits.count)) }
            _ = address.parse(text)
            if case .inWard(let town?, _) = cityWard.parse(text) { #expect(["梅田", "中崎", "天満"].contains(town)) }
            #expect(Array(Text.nfkc(text).unicodeScalars) == TextFoldingTests.reference(text), "\(text.debugDescription)")
            #expect(Array(HTMLEscape.escaped(text).utf8) == Array(HTMLEscapeTests.reference(text).utf8))
        }
    }

    /// The page templates, which the manager may edit: reading one never crashes and names a
    /// line of the text; one that reads renders (itself as every partial it names) without
    /// crashing or looping.
    @Test func templates() {
        let inputs = FuzzCorpusTests.corpus("templates")
        #expect(inputs.count > 50)
        var rendered = 0
        for bytes in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let template = try Template(text)
                var library: [String: Template] = [:]
                for (name, _) in template.partials { library[name] = template }
                if (try? TemplateRenderer.render(template, FuzzCorpusTests.templateView, library: library)) != nil { rendered += 1 }
            } catch {
                #expect((1...(bytes.filter { $0 == 0x0A }.count + 1)).contains(error.line), "\(text.debugDescription)")
            }
        }
        #expect(rendered > 0)
    }

    static var templateView: [String: Any] { [
        "title": "<見出し> & \"引用\" 'x'",
        "rows": [["name": "架空 太郎", "n": 1, "flag": true], ["name": "A&B", "n": 2, "flag": false]],
        "empty": [Any](),
        "yes": true, "no": false,
        "nested": ["label": "内側", "list": ["a", "b"]],
    ] }

    /// One sheet, as the `sheets` target reads it (first byte: visits, groups, applications,
    /// classes.csv or decisions.csv; the rest: the sheet, beside the sample's settings and classes): every row
    /// is accounted for, numbered as Excel numbers it, no finding of a people sheet holds a phone number, the
    /// validation report reads back, and a classes.csv plans only the sessions its series allow.
    @Test func sheets() throws {
        let inputs = FuzzCorpusTests.corpus("sheets")
        #expect(inputs.count > 50)
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let sampleClasses = Array(Support.read(Support.packageRoot + "/Input/classes.csv").utf8)
        Support.write(dir + "/settings.toml", Support.read(Support.packageRoot + "/Input/settings.toml"))
        let settings = try Settings.read(Array(Support.read(dir + "/settings.toml").utf8))
        let kinds = ["visits", "groups", "applications"]
        var accepted = 0, rejected = 0, refused = 0, sessions = 0
        for input in inputs where !input.isEmpty {
            let choice = Int(input[0]) % 5
            let bytes = Array(input.dropFirst())
            for k in kinds + ["decisions.csv"] { Support.remove(dir + "/" + k) }
            let path = choice < 3 ? kinds[choice] + "/2018-05.csv" : choice == 3 ? "classes.csv" : "decisions.csv"
            Support.write(dir + "/classes.csv", bytes: choice == 3 ? bytes : sampleClasses)
            if choice != 3 { Support.write(dir + "/" + path, bytes: bytes) }
            let result = try IntakeStage.run(inputDir: dir, settings: settings, through: nil, today: CivilDate(year: 2018, month: 11, day: 15))
            let lastRow = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 2
            let name = "input \(input.prefix(60).map { String($0, radix: 16) }.joined(separator: " "))"
            var findings = result.findings
            if choice == 4 {
                #expect(result.rows.isEmpty, "\(name)")
                findings += result.rulings.findings
            } else if choice == 3 {
                let schedule = ClassSchedule(classes: result.classes, settings: settings)
                findings += schedule.findings
                for s in schedule.held {
                    sessions += 1
                    #expect((settings.fiscalYearStart...settings.fiscalYearEnd).contains(s.date) && (s.series.from...s.series.until).contains(s.date)
                            && s.date.weekday == s.series.weekday && schedule.holidays[s.date] == nil && !schedule.closures.contains(s.date), "\(name)")
                }
            } else if let sheet = result.sheets.first, result.sheets.count == 1 {
                if sheet.refused {
                    refused += 1
                    #expect(result.rows.isEmpty, "\(name)")
                    #expect(result.findings.contains { $0.file == path && $0.code.kind == .refusedSheet }, "\(name)")
                } else {
                    #expect(sheet.read == result.rowsRead && sheet.accepted + sheet.rejected + sheet.held == sheet.read, "\(name)")
                }
            } else {
                Issue.record("\(name): \(result.sheets.count) sheets")
            }
            var previous = 1
            for row in result.rows {
                #expect(row.source.row > previous && row.source.row <= lastRow, "\(name)")
                previous = row.source.row
                #expect(row.record != nil || !row.findings.isEmpty, "\(name)")
                #expect(row.findings.allSatisfy { $0.file == path && $0.row == row.source.row }, "\(name)")
                if row.record != nil { accepted += 1 } else { rejected += 1 }
            }
            for f in findings {
                if f.file == path, let r = f.row { #expect((1...lastRow).contains(r), "\(name)") }
                // classes.csv's own IDs are named in its findings (a room clash, an ID given twice): the
                // manager's codes, not a person's number, however many digits the fuzzer gives them.
                guard choice != 3 else { continue }
                #expect(PublicGuard.digitRuns(f.message + " " + f.column).allSatisfy { !$0.hasPrefix("0") || $0 == "0312345678" }, "\(name): \(f.column) \(f.message)")
            }
            var report = CheckStage.csv(findings)
            #expect(report.starts(with: [0xEF, 0xBB, 0xBF]))
            report.removeFirst(min(3, report.count))
            if case .success(let records) = CSVParser.parse(report) {
                #expect(records.count == findings.count + 1 && records.allSatisfy { $0.cells.count == 5 }, "\(name)")
            } else {
                Issue.record("\(name): validation.csv does not read back")
            }
        }
        // The corpus reaches every end, or it has lost what made it worth replaying.
        #expect(accepted > 0 && rejected > 0 && refused > 0 && sessions > 0)
    }

    @Test func settingsReader() {
        let inputs = FuzzCorpusTests.corpus("settings")
        #expect(inputs.count > 20)
        var accepted = 0
        for bytes in inputs {
            do {
                let s = try Settings.read(bytes)
                #expect(s.fiscalYearStart < s.fiscalYearEnd)
                #expect(s.minCell >= 2)
                #expect(s.closedEveryYear.allSatisfy { CivilDate(year: 2000, month: $0.month, day: $0.day) != nil })
                accepted += 1
            } catch {
                #expect(!error.expected.isEmpty, "a refused settings file must say what the key should hold")
            }
        }
        #expect(accepted > 0, "the corpus keeps at least one valid settings file")
    }
}
