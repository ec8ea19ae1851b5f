import Foundation
import Testing
@testable import IkigaiCore

@Suite("Anonymised statistics", .serialized)
struct StatisticsTests {
    @Test func linearProgramFindsBounds() throws {
        // x + y = 7, y + z = 10, x, y, z ≥ 0  →  x ∈ [0, 7], z ∈ [3, 10].
        let lp = LinearProgram(a: [[1, 1, 0], [0, 1, 1]], b: [7, 10])
        let x = try #require(lp.range(of: 0)), z = try #require(lp.range(of: 2))
        #expect(abs(x.min) < 1e-9 && abs(x.max - 7) < 1e-9)
        #expect(abs(z.min - 3) < 1e-9 && abs(z.max - 10) < 1e-9)
        // x + y = 3 and x − y = 1 pin x = 2.
        let pinned = try #require(LinearProgram(a: [[1, 1], [1, -1]], b: [3, 1]).range(of: 0))
        #expect(Attacker.discloses(pinned))
        #expect(LinearProgram(a: [[1, 1]], b: [-1]).range(of: 0) == nil, "infeasible")
    }

    /// The adversary: runs the sample for two consecutive months into one
    /// output folder, reads both published reports, checks that they are what
    /// the CSV files show, and tries to solve every hidden cell from all of it.
    static func attack(people: Int, seed: UInt64) throws -> (hidden: Int, disclosed: [String]) {
        let dir = Support.tempDir("attack\(people)"), out = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: people, seed: seed).write(to: dir + "/in")
        _ = try Support.run(input: dir + "/in", output: out, through: YearMonth("2019-02"))
        _ = try Support.run(input: dir + "/in", output: out, through: YearMonth("2019-03"))
        let previous = try knowingWhoIsGroupOnly(try #require(PublishedStats.read(out + "/history/stats-2019-02.json")))
        var current = try knowingWhoIsGroupOnly(try #require(PublishedStats.read(out + "/history/stats-2019-03.json")))
        // summary.json and the usage page print the people living in the branch-office area
        // (the numerator of the coverage): the sum of the area's 丁目 rows.
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        let coverage = try #require(summary["coverage_of_eligible"] as? Double), eligible = try #require(summary["eligible_population"] as? Int)
        current = try knowing(current, cell: "summary|people_in_area", is: Int((coverage * Double(eligible)).rounded()),
                              sumOf: current.cells.keys.filter { $0.hasPrefix("people_by_area@2019-03|area:") && $0.hasSuffix("|all") }.sorted())
        // What the report prints is what the adversary is given.
        let csv = Support.read(out + "/stats/people_by_age.csv").split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let printed = csv.dropFirst(3).flatMap { $0.dropFirst() }.map(String.init)
        let published = current.cells.filter { $0.key.hasPrefix("people_by_age@") }
        #expect(printed.filter { $0 == "*" }.count == published.values.filter { $0 == nil }.count)
        var disclosed: [String] = []
        // Exact equations: a relation with a single hidden cell gives it away.
        for e in current.equations {
            let hidden = (e.terms + [e.total]).filter { current.cells[$0] == .some(nil) }
            if hidden.count == 1 { disclosed.append("equation:" + hidden[0]) }
        }
        // Bounds over all relations of this report and the previous one.
        for (id, r) in Attacker.ranges(current: current, previous: previous) where Attacker.discloses(r) {
            disclosed.append("bounds:" + id)
        }
        // The previous report stands on its own too.
        for (id, r) in Attacker.ranges(current: previous, previous: nil) where Attacker.discloses(r) {
            disclosed.append("previous:" + id)
        }
        return (current.cells.values.filter { $0 == nil }.count, disclosed)
    }

    /// What a reader knows from the row labels alone, whether or not the report states it:
    /// the people of unknown age and the people without an address are both the group-only
    /// people (every visit and application gives an age and an address), and group-only
    /// people are in いきがいづくり支援 only. So those rows' いきがい and 全体 cells, in both
    /// tables, are one number.
    static func knowingWhoIsGroupOnly(_ stats: PublishedStats) throws -> PublishedStats {
        var json = try #require(try JSONSerialization.jsonObject(with: stats.json) as? [String: Any])
        var equations = try #require(json["equations"] as? [[String: Any]])
        let month = "@" + stats.through
        let same = ["people_by_age\(month)|unknown|ikigai", "people_by_age\(month)|unknown|all",
                    "people_by_area\(month)|none|ikigai", "people_by_area\(month)|none|all"]
        for id in same { #expect(stats.cells[id] != nil, "\(id) is a cell of the report") }
        for id in same.dropFirst() { equations.append(["terms": [same[0]], "total": id]) }
        json["equations"] = equations
        return try JSONDecoder().decode(PublishedStats.self, from: JSONSerialization.data(withJSONObject: json))
    }

    /// `stats` with one more published number, and the cells it is the sum of.
    static func knowing(_ stats: PublishedStats, cell id: String, is value: Int, sumOf terms: [String]) throws -> PublishedStats {
        var json = try #require(try JSONSerialization.jsonObject(with: stats.json) as? [String: Any])
        var cells = try #require(json["cells"] as? [String: Any])
        cells[id] = value
        json["cells"] = cells
        var equations = try #require(json["equations"] as? [[String: Any]])
        equations.append(["terms": terms, "total": id])
        json["equations"] = equations
        #expect(!terms.isEmpty)
        return try JSONDecoder().decode(PublishedStats.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func attackFailsOnTheSample() throws {
        let (hidden, disclosed) = try StatisticsTests.attack(people: 4000, seed: 2018)
        #expect(hidden > 0, "the sample has small cells to protect")
        #expect(disclosed.isEmpty, "\(disclosed)")
    }

    @Test func attackFailsOnASmallSample() throws {
        let (hidden, disclosed) = try StatisticsTests.attack(people: 300, seed: 5)
        #expect(hidden > 20, "a small year has many small cells")
        #expect(disclosed.isEmpty, "\(disclosed)")
    }

    @Test func summaryAndStatisticsAgree() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 400, seed: 9).write(to: dir + "/in")
        let o = try Support.run(input: dir + "/in", output: out)
        let stats = try #require(PublishedStats.read(out + "/history/stats-\(o.summary.through).json"))
        func cell(_ id: String) -> Int?? { stats.cells[id] }
        let s = o.summary
        for (key, prog) in [("ikigai", Program.ikigai), ("exchange", .exchange), ("prevention", .prevention)] {
            if case let v?? = cell("people_by_program_month|\(key)|fy") { #expect(v == s.peopleByProgram[prog]) }
        }
        if case let v?? = cell("people_by_program_month|all|fy") { #expect(v == s.people) } else { Issue.record("people total hidden") }
        if case let v?? = cell("visits_by_program_month|total|fy") { #expect(v == s.visits) } else { Issue.record("visits total hidden") }
        // Summary.json's figures are what a reader has, so the record the next month's adversary
        // is given holds them, whatever a table prints; the area's 計 row is the coverage's numerator.
        for (key, prog) in [("ikigai", Program.ikigai), ("exchange", .exchange), ("prevention", .prevention)] {
            #expect(cell("people_by_program_month|\(key)|fy") == .some(.some(s.peopleByProgram[prog] ?? -1)))
        }
        #expect(cell("people_by_area@\(s.through)|areaTotal|all") == .some(.some(s.peopleInArea)))
        let areaCSV = Support.read(out + "/stats/people_by_area.csv")
        #expect(areaCSV.contains("大久保特別出張所管内 計,"))
        let page = Support.read(out + "/stats/usage.html")
        #expect(page.contains(Format.percent(s.coverageOfEligible)))
        #expect(page.contains("<svg"))
        #expect(!page.contains("<script"))
        #expect(FileManager.default.contents(atPath: out + "/stats/people_by_area.csv")?.starts(with: [0xEF, 0xBB, 0xBF]) == true)
        #expect(Support.read(out + "/stats/people_by_area.csv").contains("* は 9 以下"))
    }

    @Test func smallCellsAreStarsZerosStayZero() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        var visits = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"
        for i in 0..<30 { visits += "2018-05-10,交流,喫茶,利用者\(i) 花,03-1234-\(String(format: "%04d", i)),\(i < 3 ? 61 : 72),大久保1-1-1,済\n" }
        Support.input(["visits/2018-05.csv": visits], in: dir)
        _ = try Support.run(input: dir, output: out)
        let age = Support.read(out + "/stats/people_by_age.csv")
        #expect(age.contains("60〜64歳,0,*,0,*"), "3 people aged 61 are hidden; programs without anyone show 0")
        #expect(age.contains("90歳以上,0,0,0,0"))
    }

    @Test func aSmallProgramTotalPrintsAsAStarButTheAdversaryIsGivenSummarysNumber() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        var visits = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"
        for i in 0..<30 { visits += "2018-05-10,交流,喫茶,利用者\(i) 花,03-1234-\(String(format: "%04d", i)),72,大久保1-1-1,済\n" }
        Support.input(["visits/2018-05.csv": visits, "groups/g.csv": "グループ名,氏名,電話番号\n囲碁,架空 一郎,03-2222-0001\n囲碁,架空 二郎,03-2222-0002\n"], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.peopleByProgram[.ikigai] == 2)
        let row = Support.read(out + "/stats/people_by_program_month.csv").split(whereSeparator: \.isNewline).first { $0.hasPrefix("いきがいづくり支援,") }
        #expect(row?.hasSuffix(",*") == true, "the table keeps the small-count rule: \(row ?? "")")
        let record = try #require(PublishedStats.read(out + "/history/stats-\(o.summary.through).json"))
        #expect(record.cells["people_by_program_month|ikigai|fy"] == .some(.some(2)), "summary.json prints it: the adversary has it")
    }

    @Test func guardStopsANameInAPublicFile() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let classes = Support.classes.replacingOccurrences(of: "いきいき体操", with: "伊藤節子さんの体操")
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n2018-05-10,交流,喫茶,伊藤 節子,03-1111-2222,70,大久保1-1-1,済\n"], in: dir)
        Support.write(dir + "/classes.csv", classes)
        do {
            _ = try Support.run(input: dir, output: out)
            Issue.record("a public schedule naming a resident must stop the run")
        } catch let e as RunFailure {
            #expect(e.step == "guard")
            #expect(e.file.hasPrefix("schedule."))
            #expect(!e.japanese.contains("伊藤"), "the message must not repeat the name")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
