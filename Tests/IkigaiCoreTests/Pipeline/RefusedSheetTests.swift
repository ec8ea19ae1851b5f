import Foundation
import Testing
@testable import IkigaiCore

@Suite("Refused sheets: left out, reported, the rest processed")
struct RefusedSheetTests {
    static let good = "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"

    static let cases: [(String, [UInt8], FindingCode)] = [
        ("groups/sjis-broken.csv", Array("グループ名,氏名,電話番号\n".utf8) + [0x81, 0x20, 0xFF, 0xFE, 0x0A], .undecodable),
        ("groups/utf16.csv", [0xFF, 0xFE] + Array("g".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .utf16),
        ("groups/book.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], .notCSV),
        ("groups/extra.csv", Array("グループ名,氏名,電話番号,メール\n囲碁,秘密 太郎,0311112222,a@b\n".utf8), .unknownColumn),
        ("groups/religion.csv", Array("グループ名,氏名,電話番号,宗教\n囲碁,秘密 花子,0311113333,某\n".utf8), .prohibitedColumn),
        ("groups/missing.csv", Array("グループ名,氏名\n囲碁,秘密 一郎\n".utf8), .missingColumn),
        ("groups/quote.csv", Array("グループ名,氏名,電話番号\n\"囲碁,秘密 次郎,0311114444\n".utf8), .unterminatedQuote),
        ("groups/empty.csv", [], .emptyFile),
        ("visits/2018-05.xlsx", [0x50, 0x4B, 0x03, 0x04], .notCSV),
    ]

    // The time limit: a named pipe given a sheet's name made the run wait for a writer for ever.
    @Test(.timeLimit(.minutes(1))) func eachKindIsRefusedWithItsCode() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/a-good.csv": RefusedSheetTests.good], in: dir)
        for (path, bytes, _) in RefusedSheetTests.cases { Support.write(dir + "/" + path, bytes: bytes) }
        try FileManager.default.createDirectory(atPath: dir + "/groups/folder.csv", withIntermediateDirectories: true)
        #expect(mkfifo(dir + "/groups/pipe.csv", 0o600) == 0)

        let o = try Support.run(input: dir, output: out)
        #expect(o.status == .incomplete)
        #expect(o.summary.rowsRead == 1, "the good sheet is still read")
        #expect(o.summary.rowsAccepted == 1)
        let expected = (RefusedSheetTests.cases.map(\.0) + ["groups/folder.csv", "groups/pipe.csv"]).sorted()
        #expect(o.summary.refusedSheets == expected)

        let rows = Support.validationRows(out)
        for (path, _, code) in RefusedSheetTests.cases {
            let hit = rows.first { $0[0] == path }
            #expect(hit?[3] == code.rawValue, "\(path)")
            if code != .unterminatedQuote { #expect(hit?[1] == "", "a refused sheet has no row") }
        }
        #expect(rows.first { $0[0] == "groups/folder.csv" }?[3] == FindingCode.unreadableFile.rawValue)
        #expect(rows.first { $0[0] == "groups/pipe.csv" }.map { $0[3] == FindingCode.unreadableFile.rawValue && $0[4].contains("名前付きパイプ") } == true)
        #expect(rows.first { $0[0] == "groups/quote.csv" }?[1] == "2")
        // The bad byte of sjis-broken.csv sits on its second line: a clerk is told the line.
        #expect(rows.first { $0[0] == "groups/sjis-broken.csv" }?[4].contains("2 行目") == true)
        let json = Support.read(out + "/summary.json")
        #expect(json.contains("\"groups/religion.csv\""))
    }

    @Test func nothingOfARefusedSheetReachesAnyOutput() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/a-good.csv": RefusedSheetTests.good,
                       "groups/religion.csv": "グループ名,氏名,電話番号,信仰\n囲碁,秘匿 花子,03-9876-5432,某教\n"], in: dir)
        _ = try Support.run(input: dir, output: out)
        for file in try FileManager.default.subpathsOfDirectory(atPath: out) {
            let text = Support.read(out + "/" + file)
            #expect(!text.contains("秘匿") && !text.contains("9876") && !text.contains("某教"), "\(file)")
        }
    }

    @Test func excelLockAndHiddenFilesAreSkippedOtherFilesNoticed() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/a.csv": RefusedSheetTests.good, "groups/~$a.csv": "lock", "groups/.DS_Store": "x",
                       "visits/memo.txt": "note", "notes.csv": "x"], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.status == .clean)
        let index = Support.read(out + "/index.html")
        #expect(index.contains("visits/memo.txt"))
        #expect(index.contains("notes.csv"))
        #expect(!index.contains("~$a.csv"))
        #expect(Support.validationRows(out).isEmpty, "notices are not validation findings")
        #expect(!index.contains(FindingCode.noClasses.rawValue))
    }

    @Test func sheetFoldersAreFoundInAnyCase() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["Groups/a.csv": RefusedSheetTests.good], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.status == .clean)
        #expect(o.summary.rowsAccepted == 1, "Windows and macOS show Groups and groups as one folder")
        #expect(Support.read(out + "/people/people.csv").contains("Groups/a.csv,2"))
    }

    @Test func aFolderWithoutClassesSaysSoOnce() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/a.csv": RefusedSheetTests.good], in: dir)
        Support.remove(dir + "/classes.csv")
        let o = try Support.run(input: dir, output: out)
        #expect(o.status == .clean, "a notice changes no exit status")
        #expect(o.summary.rowsAccepted == 1)
        let index = Support.read(out + "/index.html")
        #expect(index.components(separatedBy: FindingCode.noClasses.rawValue).count == 2)
        #expect(index.contains("classes.csv がないため"))
    }
}
