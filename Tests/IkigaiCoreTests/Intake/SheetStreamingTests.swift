import Foundation
import Testing
@testable import IkigaiCore

/// People sheets are checked record by record as they are read, never held
/// whole: what a sheet yields, and why one is refused, must be exactly what
/// reading it whole gives.
@Suite("Sheets read record by record")
struct SheetStreamingTests {
    static let header = "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\r\n"

    func streamed(_ text: String) -> (records: [CSVRecord], result: Result<SheetHead, Finding>) {
        let dir = Support.tempDir("stream-\(text.utf8.count)")
        defer { Support.remove(dir) }
        Support.write(dir + "/s.csv", text)
        var records: [CSVRecord] = []
        let result = SheetReader.stream(absolutePath: dir + "/s.csv", path: "visits/s.csv", kind: .visits, extraProhibited: []) { r, _ in
            records.append(r)
        }
        return (records, result)
    }

    @Test func recordsAreThoseOfTheWholeFileAfterTheHeader() throws {
        let text = Self.header
            + "2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
            + ",,,,,,,\r\n"
            + "2018-05-11,交流,\"喫茶\r\n午後\",北 新,03-1234-9999,70,\"北新宿1-1-1 \"\"奥\"\"\",済\r\n"
            + "2018-05-12,交流,喫茶,西 新,03-1234-8888,71,西新宿1-1-1,済"
        let (records, result) = streamed(text)
        let head = try result.get()
        let whole = try CSVParser.parse(Array(text.utf8)).get()
        #expect(records.map(\.cells) == whole.dropFirst().map(\.cells))
        #expect(records.map(\.row) == [2, 3, 4, 5])
        #expect(records[2].cells[2] == "喫茶\r\n午後" && records[2].cells[6] == "北新宿1-1-1 \"奥\"")
        #expect(head.header.index[.name] == 3 && head.path == "visits/s.csv" && head.byteCount == text.utf8.count)
        // What the rows' array is made for: never fewer than the records (5 with the header).
        #expect(head.lineFeeds == 5)
    }

    @Test func aQuoteLeftOpenRefusesTheSheetEvenAfterRecordsWereGiven() throws {
        let text = Self.header + "2018-05-10,交流,喫茶,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
            + "2018-05-11,交流,\"喫茶,北 新,03-1234-9999,70,北新宿1-1-1,済\r\n"
        let (records, result) = streamed(text)
        #expect(records.count == 1, "the rows before the open quote were given")
        guard case .failure(let f) = result else { Issue.record("an open quote must refuse the sheet"); return }
        #expect(f.code == .unterminatedQuote && f.row == 3)
    }

    @Test func anOpenQuoteIsReportedBeforeABadHeaderAsAWholeReadDid() throws {
        let text = "日付,病歴,氏名\r\n2018-05-10,\"A,花\r\n"
        let (records, result) = streamed(text)
        #expect(records.isEmpty, "no record is given under a refused header")
        guard case .failure(let f) = result else { Issue.record("must refuse"); return }
        #expect(f.code == .unterminatedQuote)
        let (_, badHeader) = streamed("日付,病歴,氏名\r\n2018-05-10,A,花\r\n")
        guard case .failure(let g) = badHeader else { Issue.record("a prohibited column must refuse"); return }
        #expect(g.code != .unterminatedQuote && g.code.kind == .refusedSheet)
    }

    @Test func theFirstEmptyHeaderedColumnWithAValueAnywhereIsNamed() throws {
        // Two columns without a header (3rd and 5th); the 5th has a value first, the 3rd later.
        let head = "日付,事業,,行事,,氏名,電話番号,年齢,住所,本人確認\r\n"
        let text = head
            + "2018-05-10,交流,,喫茶,メモ,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n"
            + "2018-05-11,交流,,喫茶,,北 新,03-1234-9999,70,北新宿1-1-1,済\r\n"
            + "2018-05-12,交流,メモ,喫茶,,西 新,03-1234-8888,71,西新宿1-1-1,済\r\n"
        let (_, result) = streamed(text)
        guard case .failure(let f) = result else { Issue.record("values under an empty header must refuse"); return }
        #expect(f.code == .unknownColumn && f.column == "（3列目）")
        #expect(f.message.contains("（4行目など）"), "the clerk is told where to look: \(f.message)")
        let (_, empty) = streamed(head + "2018-05-10,交流,,喫茶,,大久保 花,03-1234-5678,70,大久保2-3-4,済\r\n")
        #expect((try? empty.get()) != nil, "empty cells under an empty header are harmless")
    }
}
