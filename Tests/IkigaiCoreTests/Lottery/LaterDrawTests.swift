import Foundation
import Testing
@testable import IkigaiCore

@Suite("A draw published by a later month survives a re-run of an earlier one")
struct LaterDrawTests {
    /// K02 with its deadline in May: drawn by a run through May, not by one through April.
    static let classes = Support.classes.replacingOccurrences(of: "2019-03-31,休止,2018-04-20", with: "2019-03-31,休止,2018-05-10")

    static func applications(extra: String = "") -> String {
        "申込日,講座ID,氏名,電話番号,年齢,住所,本人確認\n"
            + (1...30).map { i in "2018-04-\(10 + i % 9),K02,架空 \(i)郎,03-2000-\(1000 + i),70,大久保1-1-\(i),済\n" }.joined()
            + (1...5).map { i in "2018-05-0\(i + 1),K02,架空 \(i)美,03-2100-\(1000 + i),70,大久保1-2-\(i),済\n" }.joined() + extra
    }

    /// Found re-running April after May's run: the record was not written, so the next run
    /// through May drew the class afresh, and one application added meanwhile changed the
    /// winners already told, without a word.
    @Test func aReRunOfAnEarlierMonthKeepsTheDrawAndItsLists() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["applications/a.csv": Self.applications()], in: dir)
        Support.write(dir + "/classes.csv", Self.classes)
        let may = YearMonth(year: 2018, month: 5), april = YearMonth(year: 2018, month: 4)
        _ = try Support.run(input: dir, output: out, through: may)
        func file(_ name: String) throws -> Data { try #require(FileManager.default.contents(atPath: out + "/lottery/" + name)) }
        let record = try file("K02-draw.json"), list = try file("K02.csv"), contacts = try file("K02-contacts.csv")
        #expect(String(decoding: contacts, as: UTF8.self).contains("当選"))

        _ = try Support.run(input: dir, output: out, through: april)
        #expect(try file("K02-draw.json") == record && file("K02.csv") == list && file("K02-contacts.csv") == contacts)
        #expect(Support.read(out + "/lottery/K02.html").contains("後の月までの実行で済んでおり"))

        // An application entered meanwhile, dated before the deadline: the published draw stands.
        Support.write(dir + "/applications/a.csv", Self.applications(extra: "2018-05-09,K02,架空 追加子,03-2999-0000,70,大久保1-1-99,済\n"))
        _ = try Support.run(input: dir, output: out, through: may)
        #expect(try file("K02-draw.json") == record)
        #expect(try file("K02-contacts.csv") == contacts)
        let index = Support.read(out + "/index.html")
        #expect(index.contains("W907") && index.contains("加わった 1 件"))
    }

    @Test func aClassNamedForRedrawIsNotKept() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["applications/a.csv": Self.applications()], in: dir)
        Support.write(dir + "/classes.csv", Self.classes)
        _ = try Support.run(input: dir, output: out, through: YearMonth(year: 2018, month: 5))
        var options = RunOptions(inputDir: dir, outputDir: out, templatesDir: Support.templates, through: YearMonth(year: 2018, month: 4),
                                 operatorName: "山田 花子")
        options.redraw = ["K02"]
        _ = try RunPipeline(options: options).run()
        #expect(!FileManager.default.fileExists(atPath: out + "/lottery/K02-draw.json"))
        #expect(Support.read(out + "/lottery/K02.html").contains("未抽選（締切前）"))
    }
}
