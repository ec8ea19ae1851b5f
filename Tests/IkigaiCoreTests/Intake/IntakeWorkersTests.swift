import Foundation
import Testing
@testable import IkigaiCore

/// Sheets are shared out among workers whose memos outlive a sheet: the
/// findings and counts must be those of reading each sheet alone.
@Suite("Intake workers and their memos")
struct IntakeWorkersTests {
    static let header = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\r\n"
    /// The same people, good and bad values alike, in every month's sheet.
    static func month(_ m: Int) -> String {
        let d = String(format: "2018-%02d-10", m)
        return header
            + "\(d),交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
            + "\(d),交流,喫茶,百人 町子,03-1234-56,71,百人町2-1-1,済\r\n"      // short phone
            + "\(d),交流,喫茶,北 新,03-1234-9999,70,大阪市北区1-1,済\r\n"       // outside the ward
            + "\(d),交流,喫茶,西 新,03-1234-8888,70,大久保2-3-4,\r\n"            // ID not checked
            + "\(d),交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
    }

    func run(months: [Int]) throws -> (RunOutcome, [[String]]) {
        let dir = Support.tempDir("workers-\(months.count)"), out = dir + "/Output"
        defer { Support.remove(dir) }
        var sheets: [String: String] = [:]
        for m in months { sheets[String(format: "visits/2018-%02d.csv", m)] = Self.month(m) }
        Support.input(sheets, in: dir)
        return (try Support.run(input: dir, output: out), Support.validationRows(out))
    }

    @Test func everySheetGetsItsOwnFindingsWhateverWasReadBefore() throws {
        let (one, alone) = try run(months: [5])
        let (many, all) = try run(months: Array(4...12))
        let codes = { (rows: [[String]], file: String) in rows.filter { $0[0] == file }.map { "\($0[1]) \($0[3])" } }
        #expect(!codes(alone, "visits/2018-05.csv").isEmpty)
        for m in 4...12 {
            let file = String(format: "visits/2018-%02d.csv", m)
            #expect(codes(all, file) == codes(alone, "visits/2018-05.csv"), "\(file)")
        }
        #expect(many.summary.rowsRead == 9 * one.summary.rowsRead)
        #expect(many.summary.rowsAccepted == 9 * one.summary.rowsAccepted)
    }
}
