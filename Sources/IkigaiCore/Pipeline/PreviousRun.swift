import Foundation

/// What a run takes over from the `Output/` it is about to replace.
enum PreviousRun {
    /// The folders a run carries over whole from the old `Output/`: the audit record and the
    /// published history are never rewritten, only added to.
    static let carriedFolders = ["audit", "history"]

    /// `people/ids.csv` of the previous run: profile digest → person number.
    static func personNumbers(outputDir: String) -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: outputDir + "/people/ids.csv"),
              case .success(let records) = CSVParser.parse(Array(data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]))
        else { return [:] }
        var out: [String: Int] = [:]
        out.reserveCapacity(records.count)
        for r in records.dropFirst() where r.cells.count >= 2 {
            let person = r.cells[0]
            // Numbers this tool gives are positive; anything else is an edited file, not a number to keep.
            guard person.hasPrefix("P"), let n = Int(person.dropFirst()), n > 0 else { continue }
            out[r.cells[1]] = n
        }
        return out
    }

    /// The statistics published for `month` by an earlier run (`history/`).
    static func stats(outputDir: String, month: YearMonth) -> PublishedStats? {
        PublishedStats.read(outputDir + "/history/stats-\(month).json")
    }

    static func digest(outputDir: String) -> RunDigest? { RunDigest.read(outputDir: outputDir) }

    /// The draws the previous run recorded (`lottery/<class>-draw.json`), by class; only records
    /// that verify (a record edited by hand is not a published draw to keep).
    static func lotteryRecords(outputDir: String) -> [String: LotteryRecord] {
        let dir = outputDir + "/lottery"
        var out: [String: LotteryRecord] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix("-draw.json") {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name),
                  case (.matches, let record?) = LotteryRecord.verify(Array(data)) else { continue }
            out[record.classID] = record
        }
        return out
    }

    /// The files the last run wrote into the output folder, as its audit entry lists them
    /// (empty when no run is recorded there).
    static func writtenFiles(outputDir: String) -> Set<String> {
        let entries = AuditLog.read(outputDir: outputDir).0.entries
        return Set(entries.last { $0.command.hasPrefix("ikigai run") }?.outputs.map(\.path) ?? [])
    }
}
