import Foundation
import Testing
@testable import IkigaiCore

@Suite("The review loop through decisions.csv")
struct DecisionsTests {
    static let visits = """
    日付,事業,行事,氏名,電話番号,年齢,住所,本人確認,フリガナ
    2018-05-10,交流,喫茶,伊藤 節子,03-1111-2222,75,大久保1-1-1,済,
    2018-05-11,交流,喫茶,伊藤 節子,03-1111-2223,75,百人町1-1-1,済,

    """

    /// A folder with `visits`, run once: the lines of its `people/review.csv` (one pair).
    static func reviewedOnce(_ label: String = #function) throws -> (dir: String, out: String, lines: [String]) {
        let dir = Support.tempDir(label), out = dir + "/Output"
        Support.input(["visits/2018-05.csv": DecisionsTests.visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        return (dir, out, Support.read(out + "/people/review.csv").split(separator: "\r\n").map(String.init))
    }

    @Test func reviewRulingAndStaleRuling() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": DecisionsTests.visits], in: dir)
        let first = try Support.run(input: dir, output: out)
        #expect(first.summary.people == 2)
        // The manager saves review.csv as decisions.csv and writes 同一 in 判定.
        var review = Support.read(out + "/people/review.csv")
        let lines = review.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "file_a,row_a,file_b,row_b,likelihood,reasons_for,reasons_against,pair,判定")
        review = lines[0] + "\r\n" + lines[1] + "同一\r\n" + ",,,,,,,0123456789ab,別人\r\n"
        Support.write(dir + "/decisions.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(review.utf8))
        let second = try Support.run(input: dir, output: out)
        #expect(second.summary.people == 1)
        #expect(Support.read(out + "/people/review.csv").split(separator: "\r\n").count == 1)
        let findings = Support.validationRows(out)
        #expect(findings.map { [$0[0], $0[1], $0[3]] } == [["decisions.csv", "3", "D502"]])
        #expect(second.summary.rowsRead == 2, "decisions.csv rows are not intake rows")
    }

    @Test func rulingsSavedIntoTheReviewListInOutputStopTheRunUntilSavedAsDecisions() throws {
        // The manager opens Output/people/review.csv in Excel, writes 同一 and presses save. The
        // next run would replace Output/ and the answer with it: it stops, and leaves all as it was.
        let (dir, out, lines) = try Self.reviewedOnce()
        defer { Support.remove(dir) }
        let answered = lines[0] + "\r\n" + lines[1] + "同一\r\n"
        Support.write(out + "/people/review.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(answered.utf8))
        let index = Support.read(out + "/index.html")
        #expect {
            _ = try Support.run(input: dir, output: out)
        } throws: { error in
            guard let failure = error as? RunFailure else { return false }
            return failure.step == "identity" && failure.file == out + "/people/review.csv"
                && failure.japanese.contains("「判定」が 1 組書かれています") && failure.japanese.contains("decisions.csv として保存して")
        }
        #expect(Support.read(out + "/people/review.csv") == answered, "the answer is still there")
        #expect(Support.read(out + "/index.html") == index, "nothing was written")

        // Saved where it belongs (the answer still in Output's copy too), the run goes through
        // and settles the pair.
        Support.write(dir + "/decisions.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(answered.utf8))
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.people == 1)
    }

    /// What a manager writes in 判定 besides the two words asked for.
    @Test("a ruling in the manager's own words", arguments: [("◯", 1), ("同じ人", 1), ("同一人", 1), ("✕", 2), ("X", 2), ("別の人", 2)])
    func rulingWords(_ word: String, _ people: Int) throws {
        let (dir, out, lines) = try Self.reviewedOnce()
        defer { Support.remove(dir) }
        Support.write(dir + "/decisions.csv", lines[0] + "\r\n" + lines[1] + word + "\r\n")
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.people == people, "\(word)")
        #expect(Support.validationRows(out).isEmpty, "\(word)")
        #expect(Support.read(out + "/people/review.csv").split(separator: "\r\n").count == 1, "the pair is settled")
    }

    @Test func theReviewPageShowsEachRecordAsTheManagerComparesIt() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": DecisionsTests.visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let page = Support.read(out + "/people/review.html")
        // Phones as they are read aloud, each whole on its line; the sheet and Excel's row of each record.
        #expect(page.contains(#"<span class="nowrap">03-1111-2222</span>"#))
        #expect(page.contains(#"<span class="nowrap">03-1111-2223</span>"#))
        #expect(!page.contains("0311112222"))
        #expect(page.contains(#"<span class="nowrap">visits/2018-05.csv</span> <span class="nowrap">2行目</span>"#))
        #expect(page.contains(#"<span class="nowrap">visits/2018-05.csv</span> <span class="nowrap">3行目</span>"#))
        #expect(page.contains(#"<span class="nowrap">2018-05-10</span> 75歳 大久保"#))
        // Neither row has a reading: no empty line where it would be.
        #expect(!page.contains("<br/><br/>"))
    }

    @Test func pairKeysStayTextInExcel() {
        // Keys of many pairs: none is a number to Excel (all digits, or digits around an e).
        for i in 0..<5000 {
            let key = Rulings.pairKey("架空\(i)\u{1}0310000001", "架空\(i)\u{1}0310000002")
            #expect(key.hasPrefix("r") && key.count == 13 && Rulings.isHexDigits(String(key.dropFirst())), "\(key)")
            #expect(!Rulings.isExcelNumber(key))
        }
        for mangled in ["6.24693e+11", "12345678901", "4.3e7", "624693016695e"] {
            #expect(Rulings.isExcelNumber(mangled) == (mangled != "624693016695e"), "\(mangled)")
        }
    }

    @Test func aRulingOnAnOldBareKeyStillCountsAndAKeyExcelTurnedIntoANumberIsNamed() throws {
        let (dir, out, lines) = try Self.reviewedOnce()
        defer { Support.remove(dir) }
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let key = cells[7]
        #expect(key.hasPrefix("r"))
        // A decisions.csv of an earlier version: the key without its letter.
        Support.write(dir + "/decisions.csv", "pair,判定\r\n\(key.dropFirst()),同一\r\n6.24693E+11,別人\r\n")
        let second = try Support.run(input: dir, output: out)
        #expect(second.summary.people == 1, "the bare key names the same pair")
        let findings = Support.validationRows(out)
        #expect(findings.map { [$0[0], $0[1], $0[3]] } == [["decisions.csv", "3", "D501"]])
        #expect(findings.first?[4].contains("Excel で数値に変わっています") == true)
    }

    @Test func personNumbersSurviveAGrowingInput() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": DecisionsTests.visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let before = Support.read(out + "/people/people.csv")
        Support.write(dir + "/groups/a.csv", "グループ名,氏名,電話番号\n囲碁,青木 勇,03-5555-6666\n")
        _ = try Support.run(input: dir, output: out)
        let after = Support.read(out + "/people/people.csv")
        for line in before.split(separator: "\r\n").dropFirst() { #expect(after.contains(line), "\(line) renumbered") }
        #expect(after.contains("P00003,groups/a.csv,2"))
    }
}
