/// The headline figures of a run (`summary.json`): counts only, no
/// personal data, in the shape the output contract fixes.
public struct Summary: Sendable, Equatable {
    public var fiscalYear: Int
    public var through: YearMonth
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public var refusedSheets: [String]
    public var people: Int
    public var peopleByProgram: [Program: Int]
    public var visits: Int
    public var sessionsPlanned: Int
    public var eligiblePopulation: Int
    public var expectedUsers: Int
    /// People living in the branch-office area.
    public var peopleInArea: Int

    public var coverageOfEligible: Double { Double(peopleInArea) / Double(eligiblePopulation) }
    public var progressToExpected: Double { Double(people) / Double(expectedUsers) }
}

extension Summary {
    /// Counts people and their programs from the accepted rows and the register.
    public init(intake: IntakeResult, register: PersonRegister, sessionsPlanned: Int) {
        // By person number in arrays: sets and dictionaries of 400,000 people were
        // most of this step at 100×.
        let slots = PersonSlots(register)
        var inProgram = Array(repeating: [Bool](repeating: false, count: slots.count), count: Program.allCases.count)
        // A person's home is the address on their latest dated row.
        var home = [(date: CivilDate, source: SourceRow, inArea: Bool)?](repeating: nil, count: slots.count)
        var seen = [Bool](repeating: false, count: slots.count)
        var visits = 0
        intake.rows.forEachRecord { _, record in
            guard let id = register.personOf[record.source] else { return }
            let n = slots.slot(id)
            seen[n] = true
            switch record {
            case .member:
                inProgram[Program.ikigai.index][n] = true
            case .visit(let v):
                visits += 1
                inProgram[v.program.index][n] = true
                Summary.note(&home[n], v.date, v.source, v.residence.inArea)
            case .application(let a):
                inProgram[Program.prevention.index][n] = true
                Summary.note(&home[n], a.appliedOn, a.source, a.residence.inArea)
            }
        }
        let programs = Dictionary(uniqueKeysWithValues: Program.allCases.map { p in (p, inProgram[p.index].lazy.filter { $0 }.count) })
        let s = intake.settings
        self.init(
            fiscalYear: s.fiscalYear, through: intake.through,
            rowsRead: intake.rowsRead, rowsAccepted: intake.rowsAccepted, rowsRejected: intake.rowsRejected,
            refusedSheets: intake.refusedSheets, people: seen.lazy.filter { $0 }.count,
            peopleByProgram: programs,
            visits: visits, sessionsPlanned: sessionsPlanned,
            eligiblePopulation: s.area.eligiblePopulation, expectedUsers: s.area.expectedUsers,
            peopleInArea: home.lazy.filter { $0?.inArea == true }.count)
    }

    private static func note(_ home: inout (date: CivilDate, source: SourceRow, inArea: Bool)?,
                             _ date: CivilDate, _ source: SourceRow, _ inArea: Bool) {
        if let h = home, h.date > date || (h.date == date && h.source > source) { return }
        home = (date, source, inArea)
    }

    /// `summary.json`, keys in the contract's order, numbers in Swift's
    /// shortest round-trip form so that the same run gives the same bytes.
    public var json: String {
        func str(_ s: String) -> String { JSONText.quoted(s) }
        let refused = refusedSheets.map(str).joined(separator: ", ")
        return """
        {
          "fiscal_year": \(fiscalYear),
          "through": \(str(through.description)),
          "rows": {"read": \(rowsRead), "accepted": \(rowsAccepted), "rejected": \(rowsRejected)},
          "refused_sheets": [\(refused)],
          "people": \(people),
          "people_by_program": {"ikigai": \(peopleByProgram[.ikigai] ?? 0), "exchange": \(peopleByProgram[.exchange] ?? 0), "prevention": \(peopleByProgram[.prevention] ?? 0)},
          "visits": \(visits),
          "sessions_planned": \(sessionsPlanned),
          "eligible_population": \(eligiblePopulation),
          "expected_users": \(expectedUsers),
          "coverage_of_eligible": \(coverageOfEligible),
          "progress_to_expected": \(progressToExpected)
        }

        """
    }
}

/// Minimal JSON string quoting for the files this tool writes by hand.
enum JSONText {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
