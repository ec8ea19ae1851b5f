import Foundation
import Testing
@testable import IkigaiCore

/// Prints rosters and a lottery result with headless Chromium and reads the
/// PDF back with poppler-utils, as a clerk's printer would see them.
/// `.ci/run` installs chromium, fonts-noto-cjk and poppler-utils.
@Suite("Printed on A4 by a real browser", .serialized,
       .enabled(if: Support.toolsPresent(["chromium", "pdftotext", "pdfinfo"]), "needs chromium and poppler-utils (.ci/run installs them)"))
struct PrintTests {
    static func tool(_ name: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
            return dir + "/" + name
        }
        return nil
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func printPDF(_ html: String, to pdf: String) throws {
        let chromium = try #require(tool("chromium"), "chromium is not installed (apt-get install chromium fonts-noto-cjk)")
        try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                           "--print-to-pdf=\(pdf)", "file://" + html])
    }

    static func pages(_ pdf: String) throws -> [String] {
        let pdfinfo = try #require(tool("pdfinfo"), "poppler-utils is not installed")
        let info = try run(pdfinfo, [pdf])
        #expect(info.contains("Page size:       594.96 x 841.92 pts (A4)"), "not A4: \(info)")
        let count = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "0") ?? 0
        let pdftotext = try #require(tool("pdftotext"))
        return try (1...max(1, count)).map { try run(pdftotext, ["-f", "\($0)", "-l", "\($0)", "-layout", pdf, "-"]) }
    }

    /// 90 generated members in one group: a roster of several pages.
    static func names(_ n: Int) -> [String] {
        var out: [String] = []
        for s in NamePool.surnames.map({ $0.forms[0] }) {
            for g in NamePool.femaleGiven.map({ $0.forms[0] }) where out.count < n { out.append("\(s) \(g)") }
        }
        return out
    }

    @Test func rosterOfThreePagesAndALotteryResult() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let members = PrintTests.names(90)
        var group = "グループ名,氏名,電話番号\n"
        for (i, n) in members.enumerated() { group += "大久保囲碁クラブ,\(n),03-5000-\(String(format: "%04d", i))\n" }
        var apps = "申込日,講座ID,氏名,電話番号,年齢,住所,本人確認\n"
        for (i, n) in members.prefix(30).enumerated() { apps += "2018-04-1\(i % 9),K02,\(n),03-5000-\(String(format: "%04d", i)),70,大久保1-1-1,済\n" }
        Support.input(["groups/g.csv": group, "applications/a.csv": apps,
                       "visits/v.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n2019-03-01,交流,喫茶,伊藤 清,03-1234-5678,70,大久保1-1-1,済\n"], in: dir)
        _ = try Support.run(input: dir, output: out)

        let rosterPDF = dir + "/roster.pdf"
        try PrintTests.printPDF(out + "/rosters/groups/group-01.html", to: rosterPDF)
        let pages = try PrintTests.pages(rosterPDF)
        #expect(pages.count >= 3, "90 members should take 3 or more pages, got \(pages.count)")
        for (i, text) in pages.enumerated() {
            #expect(text.contains("氏名") && text.contains("電話番号"), "header row missing on page \(i + 1)")
            #expect(text.contains("取扱注意・持出禁止"), "marking missing on page \(i + 1)")
            #expect(text.replacingOccurrences(of: " ", with: "").contains("\(i + 1)/\(pages.count)"), "page number missing on page \(i + 1)")
        }
        let all = pages.joined(separator: "\n")
        #expect(all.contains("グループ名簿"), "Japanese text did not come back (tofu?)")
        #expect(all.contains("大久保囲碁クラブ"))
        for n in members {
            let compact = n.replacingOccurrences(of: " ", with: "")
            let hits = all.replacingOccurrences(of: " ", with: "").components(separatedBy: compact).count - 1
            #expect(hits == 1, "\(n) printed \(hits) times")
        }
        #expect(all.contains("登録 90 人"))

        let lotteryPDF = dir + "/lottery.pdf"
        try PrintTests.printPDF(out + "/lottery/K02.html", to: lotteryPDF)
        let lottery = try PrintTests.pages(lotteryPDF).joined(separator: "\n")
        #expect(lottery.contains("抽選結果"))
        #expect(lottery.contains("当選（20 人）"))
        #expect(lottery.contains("補欠（順番待ち、10 人）"))
        let printed = lottery.replacingOccurrences(of: " ", with: "")
        for n in members.prefix(30) {
            #expect(printed.components(separatedBy: n.replacingOccurrences(of: " ", with: "")).count - 1 == 1, "\(n)")
        }
    }
}
