import Foundation
import Testing
@testable import IkigaiCore

/// A run's rows are held per sheet; they must read as one list in (file, row)
/// order, and the counts must follow the rows that later steps reject.
@Suite("Checked rows held per sheet")
struct CheckedRowsTests {
    static func row(_ file: String, _ n: Int) -> CheckedRow {
        CheckedRow(source: SourceRow(file: file, row: n), date: nil, record: nil,
                   findings: [Finding(file: file, row: n, code: .missingValue, message: "")])
    }

    @Test func sheetsReadAsOneListWithEmptySheetsSkipped() {
        let a = (2...4).map { Self.row("a.csv", $0) }, b = (2...3).map { Self.row("b.csv", $0) }
        var rows = CheckedRows(sheets: [[], a, [], b, []])
        #expect(rows.count == 5)
        #expect(rows.map(\.source) == (a + b).map(\.source))
        #expect(Array(rows.indices) == Array(0..<5))
        #expect(rows[2].source == SourceRow(file: "a.csv", row: 4) && rows[3].source == SourceRow(file: "b.csv", row: 2))
        rows[3] = Self.row("b.csv", 9)
        #expect(rows.map(\.source.row) == [2, 3, 4, 9, 3])
        #expect(CheckedRows(sheets: []).isEmpty && CheckedRows(sheets: [[], []]).isEmpty)
        #expect(rows.reversed().map(\.source.row) == [3, 9, 4, 3, 2], "indices walk back across sheets too")
    }

    @Test func forEachRecordGivesEveryAcceptedRowWithItsIndexInOrder() {
        func accepted(_ file: String, _ n: Int) -> CheckedRow {
            let source = SourceRow(file: file, row: n)
            let person = PersonFields(name: "山田 花子", kana: nil, phone: PhoneNumber(digits: "0312345678"))
            return CheckedRow(source: source, date: nil, record: .member(GroupMember(source: source, group: "囲碁", person: person)), findings: [])
        }
        let a = [accepted("a.csv", 2), Self.row("a.csv", 3), accepted("a.csv", 4)], b = [Self.row("b.csv", 2)], c = [accepted("c.csv", 7)]
        let rows = CheckedRows(sheets: [[], a, [], b, c, []])
        var seen: [(Int, SourceRow)] = []
        rows.forEachRecord { i, r in seen.append((i, r.source)) }
        #expect(seen.map(\.0) == [0, 2, 4], "indexes run across sheets as the subscript's do; rejected rows are passed over")
        #expect(seen.allSatisfy { rows[$0.0].source == $0.1 && rows[$0.0].record?.source == $0.1 })
        var none = 0
        CheckedRows(sheets: [[], []]).forEachRecord { _, _ in none += 1 }
        #expect(none == 0)
    }

    @Test func replaceChangesOnlyTheRowsItGivesAReplacementFor() {
        let a = (2...4).map { Self.row("a.csv", $0) }, b = (2...3).map { Self.row("b.csv", $0) }
        let before = CheckedRows(sheets: [a, b])
        var rows = before
        rows.replace { $0.source.file == "b.csv" && $0.source.row == 3 ? Self.row("b.csv", 30) : nil }
        #expect(rows.map(\.source.row) == [2, 3, 4, 2, 30])
        #expect(before.map(\.source.row) == [2, 3, 4, 2, 3], "a copy taken before is untouched")
    }

    @Test func countsFollowRowsRejectedAfterIntake() throws {
        let dir = Support.tempDir(), header = SheetStreamingTests.header
        defer { Support.remove(dir) }
        Support.input([
            "visits/2018-05.csv": header
                + "2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
                + "2018-05-10,交流,喫茶,北 新,03-1234-9999,70,北新宿1-1-1,済\r\n"
                + "2018-05-10,交流,喫茶,西 新,03-1234-8888,70,大阪市北区1-1,済\r\n",
            "visits/2018-06.csv": header
                + "2018-06-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
                + "2018-06-10,交流,喫茶,百人 町子,03-1234-7777,70,百人町2-1-1,済\r\n",
        ], in: dir)
        let settings = try Settings.load(path: dir + "/settings.toml")
        var intake = try IntakeStage.run(inputDir: dir, settings: settings, through: nil)
        func recount(_ i: IntakeResult) -> (accepted: Int, held: Int) {
            (i.rows.filter { $0.status == .accepted }.count, i.rows.filter { $0.status == .held }.count)
        }
        #expect(intake.rowsAccepted == 4 && intake.rowsHeld == 0 && intake.rowsRejected == 1)
        let held = SourceRow(file: "visits/2018-05.csv", row: 3), rejected = SourceRow(file: "visits/2018-06.csv", row: 2)
        intake.reject([
            held: Finding(file: held.file, row: held.row, code: .offSchedule, message: ""),
            rejected: Finding(file: rejected.file, row: rejected.row, code: .repeatedVisit, message: ""),
        ])
        #expect(intake.rowsAccepted == 2 && intake.rowsHeld == 1 && intake.rowsRejected == 3)
        #expect(recount(intake) == (intake.rowsAccepted, intake.rowsHeld))
        #expect(intake.sheets.map(\.accepted).reduce(0, +) == intake.rowsAccepted)
    }

    /// Each sheet's worker counts its rows as it checks them: rows after `--through` are set
    /// aside (counted, their findings left for their own run), the rest counted by outcome.
    @Test func eachSheetCountsItsRowsAsTheyAreCheckedAndSetsLaterOnesAside() throws {
        let dir = Support.tempDir(), header = SheetStreamingTests.header
        defer { Support.remove(dir) }
        Support.input([
            "visits/all.csv": header
                + "2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
                + "2018-05-11,交流,喫茶,北 新,03-1234-9999,70,大阪市北区1-1,済\r\n"
                + "2018-06-10,交流,喫茶,西 新,03-1234-8888,70,西新宿1-1-1,\r\n"
                + ",,,,,,,\r\n"
                + "2018-05-12,交流,喫茶,百人 町子,03-1234-7777,70,百人町2-1-1,済\r\n"
                + "2018-07-01,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n",
        ], in: dir)
        let settings = try Settings.load(path: dir + "/settings.toml")
        let later = try IntakeStage.run(inputDir: dir, settings: settings, through: YearMonth("2018-05"))
        let sheet = try #require(later.sheets.first { $0.path == "visits/all.csv" })
        #expect(sheet.read == 3 && sheet.accepted == 2 && sheet.rejected == 1 && sheet.deferred == 2)
        #expect(later.rows.map(\.source.row) == [2, 3, 6], "the blank row is no row; the later ones wait")
        #expect(later.deferredRows == 2 && later.findings.filter { $0.row == 4 }.isEmpty)
        let all = try IntakeStage.run(inputDir: dir, settings: settings, through: nil)
        #expect(all.through == YearMonth("2018-07"), "the last month with a dated row")
        #expect(all.rows.count == 5 && all.deferredRows == 0 && all.findings.contains { $0.row == 4 && $0.code == .idNotChecked })
    }

    @Test func rowsOrderBySheetBytesThenRowNumber() {
        // Sheets in the order of their names' bytes (a prefix first), rows within a sheet by number.
        let files = ["visits/2018-05.csv", "visits/2018-05.csv.bak", "visits/2018-06.csv", "groups/囲碁.csv", "groups/囲碁会.csv",
                     "groups/将棋.csv", "a", "", "visits/2018-05 - コピー.csv"]
        let rows = files.flatMap { f in [2, 10, 3].map { SourceRow(file: f, row: $0) } }
        for a in rows {
            for b in rows {
                let expected = a.file == b.file ? a.row < b.row : a.file.utf8.lexicographicallyPrecedes(b.file.utf8)
                #expect((a < b) == expected, "\(a.file) \(a.row) < \(b.file) \(b.row)")
            }
        }
    }
}
