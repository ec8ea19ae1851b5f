/// The anonymised statistics for the ward: counts of distinct people and of
/// visits by program, month, age band, area and class, with the relations a
/// reader can see between them (totals), before disclosure control.
public struct UsageStatistics: Sendable {
    public var tables: [StatTable]
    public let equations: [StatEquation]
    /// Cells whose numbers other documents print exactly (summary.json), whatever the tables show.
    public let publishedElsewhere: Set<String>
    /// People living in the branch-office area, and the headline ratios.
    public let peopleInArea: Int
    public let people: Int
    /// Capacity of each class, and which are drawn by lottery (for the rate table).
    public let capacities: [String: Int]
    public let lotteryClasses: Set<String>

    static let bands: [(String, String, ClosedRange<Int>)] = [
        ("60-64", "60〜64歳", 60...64), ("65-69", "65〜69歳", 65...69), ("70-74", "70〜74歳", 70...74),
        ("75-79", "75〜79歳", 75...79), ("80-84", "80〜84歳", 80...84), ("85-89", "85〜89歳", 85...89), ("90+", "90歳以上", 90...200),
    ]
    static let programs: [(String, String, Program?)] = [
        ("ikigai", "いきがいづくり支援", .ikigai), ("exchange", "地域交流支援", .exchange), ("prevention", "介護予防", .prevention),
        ("all", "全体（実人数）", nil),
    ]

    public init(intake: IntakeResult, register: PersonRegister, lotteries: [ClassLottery], schedule: ClassSchedule) {
        let s = intake.settings
        var months: [YearMonth] = []
        var m = YearMonth(s.fiscalYearStart)
        while m <= intake.through { months.append(m); m = YearMonth(m.lastDay.adding(days: 1)) }

        // Per person: programs, months seen in each program, latest age and home, visit count,
        // in an array by person number with bit sets: dictionaries of sets per person were
        // most of this step's time at 100× (allocation and cache misses).
        let start = YearMonth(s.fiscalYearStart)
        func monthIndex(_ d: CivilDate) -> Int { (d.year - start.year) * 12 + d.month - start.month }
        let slots = PersonSlots(register)
        var people = [UsagePerson?](repeating: nil, count: slots.count)
        var visitsByMonth = Array(repeating: Array(repeating: 0, count: months.count), count: Program.allCases.count)
        var visitsByClass: [String: Int] = [:]
        intake.rows.forEachRecord { _, rec in
            guard let id = register.personOf[rec.source] else { return }
            let n = slots.slot(id)
            if people[n] == nil { people[n] = UsagePerson() }
            switch rec {
            case .member:
                people[n]?.programs.insert(.ikigai)
            case .visit(let v):
                let mi = monthIndex(v.date)
                people[n]?.note(v.program, month: mi, on: v.date, v.source, v.age, v.residence, visit: true)
                if months.indices.contains(mi) { visitsByMonth[v.program.index][mi] += 1 }
                if v.program == .prevention { visitsByClass[v.event, default: 0] += 1 }
            case .application(let a):
                people[n]?.note(.prevention, month: monthIndex(a.appliedOn), on: a.appliedOn, a.source, a.age, a.residence, visit: false)
            }
        }
        let all = people.compactMap { $0 }
        var tables: [StatTable] = []
        var equations: [StatEquation] = []
        let monthCols = months.map { ($0.description, "\($0.month)月") }
        // Columns that only grow month to month. Tables whose cells can also shrink
        // (a person's age band or home moves with their latest visit) carry the
        // month in their id, so no relation across months is claimed for them.
        let growing: Set<String> = ["fy", "sessions", "visits", "applicants"]
        let monthTag = "@" + intake.through.description

        // 1. People by program and month (distinct within each cell; no sums hold).
        //    One pass over the people: each cell counts the people seen in it.
        var t1 = Array(repeating: Array(repeating: 0, count: months.count + 1), count: 4)
        var firstMonth = Array(repeating: Array(repeating: 0, count: months.count), count: 3)  // exchange, prevention, all
        for p in all {
            var anyMonths: UInt32 = 0
            for prog in [Program.exchange, .prevention] {
                let bits = p.months.bits(prog) & UsagePerson.MonthBits.mask(months.count)
                guard bits != 0 else { continue }
                for m in months.indices where bits & (1 << m) != 0 { t1[prog.index][m] += 1 }
                anyMonths |= bits
                firstMonth[prog.index - 1][bits.trailingZeroBitCount] += 1
            }
            for m in months.indices where anyMonths & (1 << m) != 0 { t1[3][m] += 1 }
            for prog in Program.allCases where p.programs.contains(prog) { t1[prog.index][months.count] += 1 }
            t1[3][months.count] += 1
            // Group members count from the first month; others from their first visit or application.
            if let f = p.programs.contains(.ikigai) ? 0 : (anyMonths == 0 ? nil : anyMonths.trailingZeroBitCount) { firstMonth[2][f] += 1 }
        }
        tables.append(StatTable(id: "people_by_program_month", title: "事業別・月別の利用者数（実人数。いきがいづくり支援は名簿のため年度のみ）", unit: "人",
                                rows: UsageStatistics.programs.map { ($0.0, $0.1) }, cols: monthCols + [("fy", "年度累計")],
                                values: t1, growing: growing))

        // 1b. Distinct people so far, through each month (group members count from the first month).
        let cumRows = UsageStatistics.programs.filter { $0.2 != .ikigai }
        let t1c = firstMonth.map { row in row.indices.map { m in row[...m].reduce(0, +) } }
        tables.append(StatTable(id: "people_cumulative", title: "利用者数の累計（実人数、各月末まで）", unit: "人",
                                rows: cumRows.map { ($0.0, $0.1) }, cols: monthCols, values: t1c, growing: growing))

        // 2. Visits by program and month, with totals both ways.
        let vprogs: [(String, String, Program?)] = [("exchange", "地域交流支援", .exchange), ("prevention", "介護予防", .prevention), ("total", "合計", nil)]
        var t2: [[Int]] = vprogs.map { _, _, prog in
            let row = months.indices.map { m in
                prog.map { visitsByMonth[$0.index][m] } ?? (visitsByMonth[Program.exchange.index][m] + visitsByMonth[Program.prevention.index][m])
            }
            return row + [row.reduce(0, +)]
        }
        t2 = t2.map { $0 }
        let t2t = StatTable(id: "visits_by_program_month", title: "事業別・月別の来館のべ人数", unit: "回",
                            rows: vprogs.map { ($0.0, $0.1) }, cols: monthCols + [("fy", "年度計")], values: t2, growing: growing)
        tables.append(t2t)
        for c in t2t.colKeys.indices { equations.append(StatEquation(terms: [t2t.cellID(0, c), t2t.cellID(1, c)], total: t2t.cellID(2, c))) }
        for r in t2t.rowKeys.indices { equations.append(StatEquation(terms: months.indices.map { t2t.cellID(r, $0) }, total: t2t.cellID(r, months.count))) }

        // 3. People by age band and program; the 合計 row equals table 1's year column.
        let ageRows = UsageStatistics.bands.map { ($0.0, $0.1) } + [("unknown", "年齢不明（グループのみ）"), ("total", "合計")]
        let progCols = UsageStatistics.programs.map { ($0.0, $0.1) }
        var t3 = Array(repeating: Array(repeating: 0, count: progCols.count), count: ageRows.count)
        for p in all {
            let band = p.age.flatMap { a in UsageStatistics.bands.firstIndex { $0.2.contains(a) } } ?? UsageStatistics.bands.count
            for (c, (_, _, prog)) in UsageStatistics.programs.enumerated() where prog.map({ p.programs.contains($0) }) ?? true {
                t3[band][c] += 1
                t3[ageRows.count - 1][c] += 1
            }
        }
        let t3t = StatTable(id: "people_by_age" + monthTag, title: "年齢階級別の利用者数（実人数、最新の来館時の年齢）", unit: "人",
                            rows: ageRows, cols: progCols, values: t3, growing: growing)
        tables.append(t3t)
        for c in t3t.colKeys.indices {
            equations.append(StatEquation(terms: (0..<(ageRows.count - 1)).map { t3t.cellID($0, c) }, total: t3t.cellID(ageRows.count - 1, c)))
            equations.append(StatEquation(terms: [t3t.cellID(ageRows.count - 1, c)], total: "people_by_program_month|\(progCols[c].0)|fy"))
        }
        // 3b. 65–74 and 75+, sums of the bands above.
        let t3b = StatTable(id: "people_by_age_group" + monthTag, title: "前期・後期高齢者別の利用者数（実人数）", unit: "人",
                            rows: [("65-74", "65〜74歳"), ("75+", "75歳以上")], cols: progCols,
                            values: [(0..<progCols.count).map { t3[1][$0] + t3[2][$0] }, (0..<progCols.count).map { t3[3][$0] + t3[4][$0] + t3[5][$0] + t3[6][$0] }],
                            growing: growing)
        tables.append(t3b)
        for c in progCols.indices {
            equations.append(StatEquation(terms: [t3t.cellID(1, c), t3t.cellID(2, c)], total: t3b.cellID(0, c)))
            equations.append(StatEquation(terms: (3...6).map { t3t.cellID($0, c) }, total: t3b.cellID(1, c)))
        }

        // 4. People by area: each 丁目 of the branch-office area and their sum (the people the
        //    coverage counts, printed in summary.json anyway), the rest of the ward, no address.
        let nArea = s.area.towns.count
        let areaRows = s.area.towns.map { ("area:" + $0.label, $0.label) }
            + [("areaTotal", "\(s.area.name) 計"), ("ward", "区内その他"), ("none", "住所なし（グループのみ）"), ("total", "合計")]
        var t4 = Array(repeating: Array(repeating: 0, count: progCols.count), count: areaRows.count)
        // The area's rows by town name, in their order: comparing each person's town with every
        // row's (Japanese strings, compared by canonical equivalence) showed at 100×.
        var areaRowsOfTown: [String: [Int]] = [:]
        for (i, t) in s.area.towns.enumerated() { areaRowsOfTown[t.town, default: []].append(i) }
        for p in all {
            let row: Int
            if !p.hasAddress { row = areaRows.count - 2 }
            else if p.inArea, let town = p.town,
                    let i = areaRowsOfTown[town]?.first(where: { s.area.towns[$0].chome == nil || s.area.towns[$0].chome == p.chome }) { row = i }
            else { row = areaRows.count - 3 }
            for (c, (_, _, prog)) in UsageStatistics.programs.enumerated() where prog.map({ p.programs.contains($0) }) ?? true {
                t4[row][c] += 1
                if row < nArea { t4[nArea][c] += 1 }
                t4[areaRows.count - 1][c] += 1
            }
        }
        let t4t = StatTable(id: "people_by_area" + monthTag, title: "地域別の利用者数（実人数、\(s.area.name)は丁目別）", unit: "人",
                            rows: areaRows, cols: progCols, values: t4, growing: growing)
        tables.append(t4t)
        for c in progCols.indices {
            let parts = Array(0..<nArea) + [nArea + 1, nArea + 2]
            equations.append(StatEquation(terms: parts.map { t4t.cellID($0, c) }, total: t4t.cellID(areaRows.count - 1, c)))
            equations.append(StatEquation(terms: (0..<nArea).map { t4t.cellID($0, c) }, total: t4t.cellID(nArea, c)))
            equations.append(StatEquation(terms: [t4t.cellID(areaRows.count - 1, c)], total: "people_by_program_month|\(progCols[c].0)|fy"))
        }
        // The rows of unknown age and of no address are both the group-only people (every visit
        // and application gives an age and an address), who are in いきがいづくり支援 alone: a
        // reader knows from the labels that these four cells are one number. Without saying so
        // here, a small いきがい band (60〜64歳) could be worked out from its column total.
        let groupOnly = t3t.cellID(UsageStatistics.bands.count, 0)
        for same in [t3t.cellID(UsageStatistics.bands.count, progCols.count - 1), t4t.cellID(areaRows.count - 2, 0),
                     t4t.cellID(areaRows.count - 2, progCols.count - 1)] {
            equations.append(StatEquation(terms: [groupOnly], total: same))
        }

        // 5. Classes: sessions, visits (summing to table 2's care-prevention year), applicants of lottery classes.
        let classRows = intake.classes.map { ($0.id, "\($0.id) \($0.title)") }
        // Sessions held so far (through the run's month), to match the visits counted so far.
        let held = Dictionary(grouping: schedule.held.filter { $0.date <= intake.through.lastDay }, by: { $0.series.id })
        let applicants = Dictionary(uniqueKeysWithValues: lotteries.map { ($0.series.id, $0.entries.count) })
        let t5 = StatTable(id: "classes", title: "講座別の開催回数（\(intake.through.japanese)まで）・参加のべ人数・抽選の応募者数", unit: "",
                           rows: classRows, cols: [("sessions", "開催回数"), ("visits", "参加のべ人数"), ("applicants", "抽選の応募者数")],
                           values: intake.classes.map { [held[$0.id]?.count ?? 0, visitsByClass[$0.id] ?? 0, applicants[$0.id] ?? 0] },
                           growing: growing)
        tables.append(t5)
        if !classRows.isEmpty {
            equations.append(StatEquation(terms: classRows.indices.map { t5.cellID($0, 1) }, total: t2t.cellID(1, months.count)))
        }

        // 6. Repeat use: people by number of visits in the year.
        let bins: [(String, String, ClosedRange<Int>)] = [("1", "1回", 1...1), ("2-3", "2〜3回", 2...3), ("4-6", "4〜6回", 4...6),
                                                         ("7-11", "7〜11回", 7...11), ("12+", "12回以上", 12...100_000)]
        // Counted in one pass: filtering the people into a new array for each bin copied each of
        // them five times at 100×.
        var inBin = Array(repeating: 0, count: bins.count), visitors = 0
        for p in all where p.visits > 0 {
            visitors += 1
            if let b = bins.firstIndex(where: { $0.2.contains(p.visits) }) { inBin[b] += 1 }
        }
        let t6v = inBin.map { [$0] } + [[visitors]]
        let t6 = StatTable(id: "repeat_use" + monthTag, title: "来館回数別の利用者数（地域交流支援・介護予防）", unit: "人",
                           rows: bins.map { ($0.0, $0.1) } + [("total", "来館した人の合計")], cols: [("people", "人数")], values: t6v, growing: [])
        tables.append(t6)
        equations.append(StatEquation(terms: bins.indices.map { t6.cellID($0, 0) }, total: t6.cellID(bins.count, 0)))

        self.tables = tables
        self.equations = equations
        // summary.json (for anyone) prints the people of each program, all people, all visits and,
        // through the coverage, the people of the branch-office area: a reader has them even
        // where a table prints `*`.
        self.publishedElsewhere = Set(UsageStatistics.programs.map { "people_by_program_month|\($0.0)|fy" }
            + [t2t.cellID(2, months.count), t4t.cellID(nArea, progCols.count - 1)])
        self.capacities = Dictionary(intake.classes.map { ($0.id, $0.capacity) }, uniquingKeysWith: { a, _ in a })
        self.lotteryClasses = Set(intake.classes.filter { $0.kind == .lottery }.map(\.id))
        self.people = all.count
        self.peopleInArea = all.count(where: \.inArea)
    }

    /// What a reader of this month's report has: every cell the tables print, and the numbers
    /// summary.json prints for cells a table may hide.
    public func published(through: String) -> PublishedStats {
        var known: [String: Int] = [:]
        for t in tables {
            for r in t.rowKeys.indices {
                for c in t.colKeys.indices where publishedElsewhere.contains(t.cellID(r, c)) { known[t.cellID(r, c)] = t.values[r][c] }
            }
        }
        return PublishedStats(through: through, tables: tables, equations: equations, known: known)
    }
}

/// One person as the usage tables see them: programs, months seen in each
/// (bits by month of the fiscal year), and the age and home of their latest
/// dated row.
struct UsagePerson {
    /// Programs as bits, set-like: cheaper than a `Set` per person.
    struct Programs {
        private var bits: UInt8 = 0
        mutating func insert(_ p: Program) { bits |= 1 << p.index }
        func contains(_ p: Program) -> Bool { bits & (1 << p.index) != 0 }
    }
    /// Months (0 = April of the fiscal year) seen in each program.
    struct MonthBits {
        private var byProgram: (UInt32, UInt32, UInt32) = (0, 0, 0)
        mutating func insert(_ p: Program, _ month: Int) {
            guard (0..<32).contains(month) else { return }
            switch p {
            case .ikigai: byProgram.0 |= 1 << month
            case .exchange: byProgram.1 |= 1 << month
            case .prevention: byProgram.2 |= 1 << month
            }
        }
        func bits(_ p: Program) -> UInt32 {
            switch p {
            case .ikigai: return byProgram.0
            case .exchange: return byProgram.1
            case .prevention: return byProgram.2
            }
        }
        static func mask(_ count: Int) -> UInt32 { count >= 32 ? .max : (1 << UInt32(count)) - 1 }
    }

    var programs = Programs()
    var months = MonthBits()
    var latest: (CivilDate, SourceRow)?
    var age: Int?
    var town: String?
    var chome: Int?
    var inArea = false
    var hasAddress = false
    var visits = 0

    mutating func note(_ program: Program, month: Int, on date: CivilDate, _ source: SourceRow, _ age: Int, _ home: Residence, visit: Bool) {
        programs.insert(program)
        months.insert(program, month)
        if visit { visits += 1 }
        if let l = latest, l.0 > date || (l.0 == date && l.1 > source) { return }
        latest = (date, source)
        self.age = age
        town = home.town
        chome = home.chome
        inArea = home.inArea
        hasAddress = true
    }
}

extension Program {
    /// Position in `allCases`, for tables and bit sets.
    var index: Int {
        switch self {
        case .ikigai: return 0
        case .exchange: return 1
        case .prevention: return 2
        }
    }
}
