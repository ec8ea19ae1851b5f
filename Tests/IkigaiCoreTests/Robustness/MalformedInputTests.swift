import Foundation
import Testing
@testable import IkigaiCore
#if canImport(Glibc)
import Glibc
#endif

/// Sheets broken in the ways real folders are: each gets a clear finding
/// and the contract's exit status, nothing crashes or hangs, and every
/// other sheet is still processed.
@Suite("Malformed input", .serialized)
struct MalformedInputTests {
    static let header = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\r\n"
    static let good = header + "2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"

    static func peakRSSKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }

    func run(_ sheets: [String: [UInt8]]) throws -> (RunOutcome, [[String]]) {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05-good.csv": MalformedInputTests.good], in: dir)
        for (p, b) in sheets { Support.write(dir + "/" + p, bytes: b) }
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsAccepted >= 1, "the good sheet is still processed")
        return (o, Support.validationRows(out))
    }

    /// Control characters pasted into cells (U+0010 in a name, DEL after one, a vertical tab in an
    /// address, U+0001 in an event) are taken out as each cell is read: the run goes on, the two rows
    /// of one person stay one person, and the roster prints the name without them. A name holding
    /// U+0010 once stopped the whole run at the page guard (found by the `year` fuzz target).
    @Test func controlCharactersInCellsDoNotStopTheRun() throws {
        let sheet = MalformedInputTests.header
            + "2018-05-08,介護予防,K01,大久\u{10}保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
            + "2018-05-22,介護予防,K01,大久保 花\u{7F},03-1234-5678,70,大久保\u{0B}2-3-4,済\r\n"
            + "2018-05-22,交流,喫茶\u{1}会,山田 一,03-1234-9999,71,大久保2-3-5,済\r\n"
        try Support.runSheets(["visits/2018-05.csv": sheet]) { outcome, out in
            #expect(outcome.summary.rowsRead == 3 && outcome.summary.rowsAccepted == 3)
            #expect(outcome.summary.people == 2, "the rows of 大久保 花 are one person")
            let pages = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }
            let rosters = pages.filter { $0.hasPrefix("rosters/sessions/") && $0.contains("K01") }.map { Support.read(out + "/" + $0) }
            #expect(!rosters.isEmpty && rosters.contains { $0.contains("大久保 花") })
            for page in pages {
                let text = Support.read(out + "/" + page)
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" || $0.value == 0x7F }, "\(page)")
            }
        }
    }

    @Test func headerOnlyIsAnEmptySheet() throws {
        let (o, rows) = try run(["visits/empty-month.csv": Array(MalformedInputTests.header.utf8)])
        #expect(o.status == .clean && rows.isEmpty)
    }

    @Test func fiftyMegabyteSingleFieldIsRejectedNotKept() throws {
        var bytes = Array((MalformedInputTests.header + "2018-05-10,交流,喫茶,\"").utf8)
        bytes += [UInt8](repeating: 0x41, count: 50 * 1_048_576)
        bytes += Array("\",03-1234-5678,70,大久保1-1-1,済\r\n".utf8)
        let before = MalformedInputTests.peakRSSKiB()
        let (o, rows) = try run(["visits/huge.csv": bytes])
        #expect(o.status == .rowsRejected)
        #expect(rows.contains { $0[0] == "visits/huge.csv" && $0[1] == "2" && $0[3] == "R218" })
        let grown = MalformedInputTests.peakRSSKiB() - before
        #expect(grown < 50 * 1024 * 12, "memory grew by \(grown / 1024) MiB for a 50 MiB sheet")
    }

    @Test func aMillionColumnsRefuseTheSheetWithAShortMessage() throws {
        var header = MalformedInputTests.header.dropLast(2)
        let extra = (0..<1_000_000).map { _ in ",x" }.joined()
        header += extra
        let (o, rows) = try run(["visits/wide.csv": Array((header + "\r\n").utf8)])
        #expect(o.status == .incomplete)
        let hit = try #require(rows.first { $0[0] == "visits/wide.csv" })
        #expect(hit[3] == "S104")
        #expect(hit[4].utf8.count < 2_000, "the message lists a few columns, not a million")
    }

    @Test func bomInTheMiddleAndMixedLineEndings() throws {
        let first = MalformedInputTests.header + "2018-05-12,交流,喫茶,北 新,03-1234-9999,70,北新宿1-1-1,済\r\n"
        let joined = first + "\u{FEFF}" + MalformedInputTests.header + "2018-05-11,交流,喫茶,\u{FEFF}百人 太郎,03-1234-0000,70,百人町1-1-1,済\n"
        let (o, rows) = try run(["visits/joined.csv": Array(joined.utf8)])
        #expect(rows.filter { $0[0] == "visits/joined.csv" }.map(\.self[3]) == ["R214"], "the pasted header row is reported")
        #expect(o.summary.rowsAccepted == 3)
    }

    @Test func everyOtherBreakageGetsItsCode() throws {
        let cases: [(String, [UInt8], String)] = [
            ("visits/utf16.csv", [0xFF, 0xFE] + Array("日付".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "S102"),
            ("visits/book.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "S103"),
            ("visits/nul.csv", Array("日付,事業\r\n".utf8) + [0, 0, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48], "S103"),
            ("visits/quote.csv", Array((MalformedInputTests.header + "2018-05-10,交流,\"喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n").utf8), "S110"),
            ("visits/cut.csv", Array(Array(MalformedInputTests.good.utf8).dropLast(4)), "S101"),
            ("visits/empty.csv", [], "S109"),
        ]
        var sheets: [String: [UInt8]] = [:]
        for c in cases { sheets[c.0] = c.1 }
        let (o, rows) = try run(sheets)
        #expect(o.status == .incomplete)
        for c in cases { #expect(rows.first { $0[0] == c.0 }?[3] == c.2, "\(c.0)") }
    }

    @Test func anEmptyColumnWithoutHeaderIsHarmlessAFilledOneRefuses() throws {
        let blankColumn = "日付,事業,,行事,氏名,電話番号,年齢,住所,本人確認\r\n2018-05-11,交流,,喫茶,小林 清,03-2222-3333,70,大久保1-1-1,済\r\n"
        let filled = "日付,事業,,行事,氏名,電話番号,年齢,住所,本人確認\r\n2018-05-11,交流,メモ,喫茶,青木 勇,03-4444-5555,70,大久保1-1-1,済\r\n"
        let (o, rows) = try run(["visits/blank-col.csv": Array(blankColumn.utf8), "visits/filled-col.csv": Array(filled.utf8)])
        #expect(o.summary.refusedSheets == ["visits/filled-col.csv"])
        #expect(o.summary.rowsAccepted == 2)
        let hit = try #require(rows.first { $0[0] == "visits/filled-col.csv" })
        #expect(hit[3] == "S104" && hit[2] == "（3列目）")
    }

    @Test func symbolicLinksInSheetFoldersAreNotFollowed() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": MalformedInputTests.good,
                       "groups/g.csv": "グループ名,氏名,電話番号\r\n囲碁,架空 一郎,03-1111-2222\r\n"], in: dir)
        Support.write(dir + "/../outside-\(getpid()).csv", MalformedInputTests.good)
        defer { Support.remove(dir + "/../outside-\(getpid()).csv") }
        // A link back up (a loop), a linked folder and a linked sheet from outside the input folder.
        symlink("..", dir + "/groups/loop")
        symlink(dir + "/visits", dir + "/groups/more")
        symlink(dir + "/../outside-\(getpid()).csv", dir + "/visits/2018-06.csv")
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsRead == 2, "each real row once: \(o.summary.rowsRead)")
        #expect(o.refusals.isEmpty)
        let folder = InputFolder(root: dir)
        #expect(folder.sheets.map(\.path) == ["classes.csv", "groups/g.csv", "visits/2018-05.csv"])
        #expect(folder.notices.filter { $0.code == .ignoredFile && $0.file != "Output" }.map(\.file).sorted() == ["groups/loop", "groups/more", "visits/2018-06.csv"])
    }

    @Test func unreadableFileIsRefusedWhenPermissionsApply() throws {
        guard getuid() != 0 else { return }  // root reads every file; this case only exists for other users
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { chmod(dir + "/visits/locked.csv", 0o644); Support.remove(dir) }
        Support.input(["visits/good.csv": MalformedInputTests.good, "visits/locked.csv": MalformedInputTests.good], in: dir)
        chmod(dir + "/visits/locked.csv", 0)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.refusedSheets == ["visits/locked.csv"])
    }

    /// A sheet copied from a Windows share with its name in Shift_JIS was refused as "no such
    /// file … check the permissions", which sent the clerk nowhere.
    @Test func aSheetWhoseNameIsNotUTF8IsRefusedWithItsOwnReason() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/good.csv": MalformedInputTests.good], in: dir)
        Support.writeShiftJISNamed(in: dir + "/visits", contents: MalformedInputTests.good)
        let o = try Support.run(input: dir, output: out)
        #expect(o.refusals.count == 1 && o.refusals.first?.code == .unreadableFile)
        #expect(o.refusals.first?.message.contains("ファイル名が UTF-8 ではない") == true)
        #expect(o.summary.rowsRead > 0, "the other sheet is read")
    }
}
