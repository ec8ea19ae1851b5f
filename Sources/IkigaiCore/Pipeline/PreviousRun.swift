import Foundation

/// What a run takes over from the `Output/` it is about to replace.
enum PreviousRun {
    /// The folders a run carries over whole from the old `Output/`: the audit record and the
    /// published history are never rewritten, only added to.
    static let carriedFolders = ["audit", "history"]

    /// `people/ids.csv` of the previous run: profile digest → person number, and the profile's
    /// first row then (not in files written before it was added). A file cut inside a quote
    /// is not used at all: numbers read from part of it could be given again to new people.
    ///
    /// Read line by line, not parsed whole into records first (a transient copy of every line
    /// as strings, while intake runs beside it).
    static func personNumbers(outputDir: String) -> PreviousNumbers {
        guard let data = FileManager.default.contents(atPath: outputDir + "/people/ids.csv") else { return [:] }
        var lines = PreviousNumbers.Builder()
        lines.reserveCapacity(data.count / 56)
        let cutInQuote = data.withUnsafeBytes { raw -> Bool in
            var p = raw.bindMemory(to: UInt8.self)
            if p.starts(with: [0xEF, 0xBB, 0xBF]) { p = UnsafeBufferPointer(rebasing: p[3...]) }
            return CSVParser.forEach(buffer: p) { r in
                guard r.row > 1, r.cells.count >= 2 else { return }
                let person = r.cells[0]
                // Numbers this tool gives are `P` and digits; anything else is an edited cell.
                guard person.hasPrefix("P"), let n = Int(person.dropFirst()) else { return }
                let first = r.cells.count >= 4 && !r.cells[2].isEmpty ? Int(r.cells[3]).map { (r.cells[2], $0) } : nil
                lines.note(number: n, digest: ProfileDigest(hex: r.cells[1]), file: first?.0, row: first?.1)
            } != nil
        }
        return cutInQuote ? [:] : PreviousNumbers(lines)
    }

    /// The statistics published for `month` by an earlier run (`history/`).
    static func stats(outputDir: String, month: YearMonth) -> PublishedStats? {
        PublishedStats.read(outputDir + "/history/stats-\(month).json")
    }

    static func digest(outputDir: String) -> RunDigest? { RunDigest.read(outputDir: outputDir) }

    /// The draws the previous run recorded (`lottery/<class>-draw.json`), by class; only records
    /// that verify (a record edited by hand is not a published draw to keep).
    static func lotteryRecords(outputDir: String) -> [String: LotteryRecord] {
        lotteryRecordFiles(outputDir: outputDir).mapValues(\.record)
    }

    /// `lotteryRecords` with each record's bytes as the file holds them.
    static func lotteryRecordFiles(outputDir: String) -> [String: (record: LotteryRecord, bytes: [UInt8])] {
        let dir = outputDir + "/lottery"
        var out: [String: (record: LotteryRecord, bytes: [UInt8])] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix("-draw.json") {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name),
                  case (.matches, let record?) = LotteryRecord.verify(Array(data)) else { continue }
            out[record.classID] = (record, Array(data))
        }
        return out
    }

    /// The previous run's list and contact list of a class (`lottery/<class>.csv`,
    /// `lottery/<class>-contacts.csv`), as bytes; nil unless both are there.
    static func lotteryLists(outputDir: String, classID: String) -> (list: [UInt8], contacts: [UInt8])? {
        let stem = outputDir + "/lottery/" + RosterPages.safe(classID)
        guard let list = FileManager.default.contents(atPath: stem + ".csv"),
              let contacts = FileManager.default.contents(atPath: stem + "-contacts.csv") else { return nil }
        return (Array(list), Array(contacts))
    }

    /// Who held each ticket of each recorded draw in the previous run, and on which row, by
    /// class: from `lottery/<class>.csv`, or for a list without its `person` column (written by
    /// an older version) from the rows the record names.
    static func ticketHolders(outputDir: String, draws: [String: LotteryRecord]) -> [String: [Int: ClassLottery.Holder]] {
        var byRow: [SourceRow: Int]?
        var out: [String: [Int: ClassLottery.Holder]] = [:]
        for (id, record) in draws {
            if let listed = listedHolders(outputDir: outputDir, classID: id) {
                out[id] = listed
                continue
            }
            let rows = byRow ?? applicationPersons(outputDir: outputDir)
            byRow = rows
            out[id] = Dictionary(record.entrants.compactMap { e in
                let source = SourceRow(file: e.file, row: e.row)
                return rows[source].map { (e.number, ClassLottery.Holder(person: $0, source: source)) }
            }, uniquingKeysWith: { a, _ in a })
        }
        return out
    }

    /// `lottery/<class>.csv`'s holder of each ticket number, or nil when it has no `person` column.
    static func listedHolders(outputDir: String, classID: String) -> [Int: ClassLottery.Holder]? {
        guard let data = FileManager.default.contents(atPath: outputDir + "/lottery/" + RosterPages.safe(classID) + ".csv"),
              case .success(let records) = CSVParser.parse(Array(data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...])),
              let header = records.first?.cells, let n = header.firstIndex(of: "number"), let p = header.firstIndex(of: "person"),
              let f = header.firstIndex(of: "file"), let w = header.firstIndex(of: "row")
        else { return nil }
        let place = header.firstIndex(of: "place"), name = header.firstIndex(of: "name"), phone = header.firstIndex(of: "phone")
        var out: [Int: ClassLottery.Holder] = [:]
        for r in records.dropFirst() where r.cells.count == header.count {
            guard let number = Int(r.cells[n]), r.cells[p].hasPrefix("P"), let person = Int(r.cells[p].dropFirst()),
                  let row = Int(r.cells[w]) else { continue }
            // The list neutralises a cell Excel would take for a formula with a leading '.
            func cell(_ i: Int) -> String { r.cells[i].hasPrefix("'") ? String(r.cells[i].dropFirst()) : r.cells[i] }
            let digits = phone.flatMap { ph -> String? in
                guard case .success(let parsed) = PhoneNumber.parse(cell(ph)) else { return nil }
                return parsed.digits
            }
            out[number] = ClassLottery.Holder(person: person, source: SourceRow(file: r.cells[f], row: row), place: place.map { r.cells[$0] },
                                              name: name.map { ClassLottery.Holder.folded(cell($0)) }, phone: digits)
        }
        return out
    }

    /// Each accepted application row of the previous run and the person it was
    /// (`people/people.csv`): who held a draw's tickets when the previous run's class list
    /// does not say (a run of an older version), right while the rows have not moved since.
    static func applicationPersons(outputDir: String) -> [SourceRow: Int] {
        guard let data = FileManager.default.contents(atPath: outputDir + "/people/people.csv") else { return [:] }
        let bytes = [UInt8](data), marker = Array("applications/".utf8)
        var out: [SourceRow: Int] = [:]
        var start = 0
        // Only the few application lines of a file of every accepted row are parsed: the rest
        // are skipped by their second cell, which ikigai writes unquoted unless a name needs it.
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            guard let comma = bytes[start..<end].firstIndex(of: 0x2C) else { continue }
            var cell = comma + 1
            if cell < end && bytes[cell] == 0x22 { cell += 1 }
            guard end - cell >= marker.count, bytes[cell..<(cell + marker.count)].elementsEqual(marker),
                  case .success(let records) = CSVParser.parse(bytes[start..<end]), let r = records.first, r.cells.count == 3,
                  r.cells[0].hasPrefix("P"), let person = Int(r.cells[0].dropFirst()), let row = Int(r.cells[2]) else { continue }
            out[SourceRow(file: r.cells[1], row: row)] = person
        }
        return out
    }

    /// The files the last run wrote into the output folder, as its audit entry lists them
    /// (empty when no run is recorded there).
    static func writtenFiles(outputDir: String) -> Set<String> {
        // From the end of the record: checking the whole chain here made every run slower than
        // the one before (at 100× each line lists some 3,000 files).
        Set(AuditLog.lastEntry(outputDir: outputDir) { $0.command.hasPrefix("ikigai run") }?.outputs.map(\.path) ?? [])
    }
}
