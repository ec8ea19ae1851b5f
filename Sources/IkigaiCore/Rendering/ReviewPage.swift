/// `people/review.html`, `people/review.csv` and `people/ids.csv`: the pairs
/// that need the manager's ruling, and the numbering kept for the next run.
/// Confidential: the page shows names and phones so that a person can judge.
struct ReviewPage {
    let intake: IntakeResult
    let register: PersonRegister

    /// One record of a pair as the manager compares it: the phone hyphenated as it is read aloud,
    /// the date apart from the age and town so that each prints whole.
    struct Side {
        let file: String; let row: String; let name: String; let kana: String?; let phone: String
        let date: String?; let detail: String
    }
    struct Pair { let likelihood: String; let pair: String; let a: Side; let b: Side; let reasonsFor: String; let reasonsAgainst: String }
    struct View { let fiscalYearLabel: String; let count: Int; let hasPairs: Bool; let pairs: [Pair] }

    static func likelihood(_ p: Double) -> String {
        let hundredths = Int((p * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    var csv: CSVTable {
        CSVTable(header: ["file_a", "row_a", "file_b", "row_b", "likelihood", "reasons_for", "reasons_against", "pair", "判定"],
                 rows: register.reviews.map {
                     [$0.a.file, String($0.a.row), $0.b.file, String($0.b.row), ReviewPage.likelihood($0.likelihood),
                      $0.reasonsFor.joined(separator: " / "), $0.reasonsAgainst.joined(separator: " / "), $0.pair, ""]
                 })
    }

    var ids: CSVTable {
        CSVTable(header: ["person", "digest", "file", "row"],
                 rows: register.ids.map { [PersonID($0.person).description, $0.digest.description, $0.first?.file ?? "", $0.first.map { String($0.row) } ?? ""] })
    }

    var view: View {
        // Only the rows the pairs name, not a copy of every accepted record.
        let wanted = Set(register.reviews.flatMap { [$0.a, $0.b] })
        var byRow: [SourceRow: CheckedRow.Record] = [:]
        if !wanted.isEmpty {
            // Row numbers first, from a bit per number: hashing each of the 2.3 M rows of a 100×
            // year into the set was most of building this page (perf).
            var numbers = [UInt64](repeating: 0, count: max(0, wanted.lazy.map(\.row).max() ?? 0) / 64 + 1)
            for w in wanted where w.row >= 0 { numbers[w.row >> 6] |= 1 << UInt64(w.row & 63) }
            func mayBeWanted(_ row: Int) -> Bool { row < 0 || row >> 6 < numbers.count && numbers[row >> 6] & (1 << UInt64(row & 63)) != 0 }
            for r in intake.rows where mayBeWanted(r.source.row) && wanted.contains(r.source) { if let rec = r.record { byRow[r.source] = rec } }
        }
        func side(_ s: SourceRow) -> Side {
            func side(_ p: PersonFields, date: CivilDate?, detail: String) -> Side {
                Side(file: s.file, row: "\(s.row)行目", name: p.name, kana: p.kana, phone: p.phone.formatted, date: date?.iso, detail: detail)
            }
            switch byRow[s] {
            case .member(let m)?:
                return side(m.person, date: nil, detail: "グループ: \(m.group)")
            case .visit(let v)?:
                return side(v.person, date: v.date, detail: "\(v.age)歳 \(v.residence.town ?? "")")
            case .application(let a)?:
                return side(a.person, date: a.appliedOn, detail: "\(a.age)歳 \(a.residence.town ?? "")")
            case nil:
                return Side(file: s.file, row: "\(s.row)行目", name: "", kana: nil, phone: "", date: nil, detail: "")
            }
        }
        let pairs = register.reviews.map {
            Pair(likelihood: ReviewPage.likelihood($0.likelihood), pair: $0.pair, a: side($0.a), b: side($0.b),
                 reasonsFor: $0.reasonsFor.joined(separator: "、"), reasonsAgainst: $0.reasonsAgainst.joined(separator: "、"))
        }
        return View(fiscalYearLabel: "\(intake.settings.fiscalYear)年度", count: pairs.count, hasPairs: !pairs.isEmpty, pairs: pairs)
    }
}
