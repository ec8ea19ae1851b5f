import Foundation
import Testing
@testable import IkigaiCore

@Suite("The validation page people read")
struct ValidationPageTests {
    func finding(_ row: Int?, _ column: String, _ code: FindingCode, _ message: String = "m") -> Finding {
        Finding(file: "visits/2017-05.csv", row: row, column: column, code: code, message: message)
    }

    @Test func consecutiveRowsWithOneFindingAreOneLine() {
        var findings = (2...10).map { finding($0, "日付", .outsideFiscalYear, "年度の外") }
        findings += [finding(6, "講座ID", .unknownClass), finding(12, "氏名", .missingValue), finding(13, "氏名", .missingValue),
                     finding(nil, "", .duplicateSheet), finding(15, "日付", .outsideFiscalYear, "年度の外"),
                     finding(16, "日付", .outsideFiscalYear, "年度の外"), finding(17, "日付", .outsideFiscalYear, "年度の外")]
        let items: [[String]] = ValidationReport.items(ArraySlice(findings.sorted())).map { [$0.row, $0.code, $0.message] }
        let expected: [[String]] = [
            ["シート全体", "W906", "m"],
            ["2〜10", "N301", "年度の外（9行とも）"],
            ["6", "R211", "m"],
            // Two rows are two lines; a run broken by a row without the finding starts again.
            ["12", "R201", "m"], ["13", "R201", "m"],
            ["15〜17", "N301", "年度の外（3行とも）"],
        ]
        #expect(items == expected)
    }

    @Test func anotherMessageOrColumnBreaksTheRun() {
        let findings = [finding(2, "日付", .missingValue), finding(3, "日付", .missingValue), finding(4, "氏名", .missingValue),
                        finding(5, "日付", .missingValue, "other"), finding(6, "日付", .missingValue)]
        let rows: [String] = ValidationReport.items(ArraySlice(findings)).map(\.row)
        #expect(rows == ["2", "3", "4", "5", "6"])
    }

    @Test func lastYearsSheetIsOneLineOnThePageAndEveryRowInTheCSV() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        var lastYear = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"
        for day in 1...20 { lastYear += "2017-05-\(day),交流,喫茶,架空 \(day)子,03-1111-\(1000 + day),75,大久保1-1-1,済\n" }
        Support.input(["visits/2017-05.csv": lastYear, "visits/2018-05.csv": DecisionsTests.visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let listed: [String] = Support.validationRows(out).filter { $0[0] == "visits/2017-05.csv" }.map { $0[1] }
        #expect(listed == (2...21).map { String($0) })
        let page = Support.read(out + "/validation.html")
        #expect(page.contains(#"<td class="num">2〜21</td>"#))
        #expect(page.contains("（20行とも）"))
        #expect(!page.contains(#"<td class="num">3</td>"#))
    }
}
