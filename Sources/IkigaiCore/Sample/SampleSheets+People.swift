/// The lottery applications and the monthly visit sheets of the sample.
extension SampleSheets {
    /// One visit or application before it is written.
    struct Entry {
        let date: CivilDate
        let program: String
        let event: String
        let person: SamplePerson
        let order: Int
    }

    /// Ways a row goes wrong at the reception desk, each a finding the tool must report.
    enum Mistake: CaseIterable {
        case underAge, otherWard, idNotChecked, unrecognisedAddress, badPhone, eraDate, noSuchDay, lastYear,
             unknownClass, missingName, missingAge
    }

    static let otherWards = ["東京都中野区中央2-3-4", "豊島区高田3-1-1", "埼玉県川口市本町1-2-3", "渋谷区代々木1-1-1", "東京都杉並区阿佐谷南1-2-3"]
    static let unrecognised = ["大窪2-1-1", "2丁目3-4", "コーポ大久保101", "大久保"]

    /// The applications sheet, and for each lottery class the people who win its draw: the
    /// sample's visits to a lottery class come from them, as the office lets only winners in.
    mutating func addApplications(_ people: [SamplePerson], classes: [ClassSeries], settings: Settings, rng: inout SplitMix64,
                                  scale: Double) -> [String: [SamplePerson]] {
        let pool = people.filter(\.prevention)
        var rows = [["申込日", "講座ＩＤ", "氏名", "電話番号", "生年月日", "住所", "本人確認", "フリガナ"]]
        var entrants: [String: [SamplePerson]] = [:]
        var order = 0
        for c in classes where c.kind == .lottery {
            guard let deadline = c.deadline, !pool.isEmpty else { continue }
            let count = min(pool.count, max(c.capacity + 5, min(c.capacity * 5, Int(Double(c.capacity) * 3 * scale))))
            var chosen: [SamplePerson] = []
            var used = Set<Int>()
            while chosen.count < count {
                let i = rng.int(0...(pool.count - 1))
                if used.insert(i).inserted { chosen.append(pool[i]) }
            }
            // The rows the tool will enter in the draw: accepted and on time, one per person.
            var tickets: [(date: CivilDate, row: Int, person: SamplePerson)] = []
            for p in chosen {
                var style = SampleStyle(rng: SplitMix64(seed: rng.next()), cp932: false)
                let late = rng.chance(0.06)
                let day = late ? deadline.adding(days: rng.int(1...7)) : deadline.adding(days: -rng.int(0...18))
                var id = rng.chance(0.1) ? c.id.lowercased() : c.id
                var address = style.address(p)
                var mark = style.idMark()
                var accepted = true
                switch rng.int(0...99) {
                case 0...1: mark = rng.pick(["", "未"]); accepted = false
                case 2: address = rng.pick(SampleSheets.otherWards); accepted = false
                case 3: id = "K9" + String(rng.int(1...9)); accepted = false
                default: break
                }
                let copies = rng.chance(0.03) ? 2 : 1  // the same person applies twice
                for k in 0..<copies {
                    let d = k == 0 ? day : day.adding(days: 1)
                    // The phone of the application form, always the same one: the draw the sample
                    // makes (`winners`) must see the applicants as the tool does.
                    rows.append([style.date(d), id, style.name(p), style.phone(p.phone), style.birthDate(p.birth), address, mark,
                                 style.kana(p)])
                    truth.append("applications/\(fiscalYear)-04.csv,\(rows.count),\(p.id)")
                    order += 1
                    if accepted, d <= deadline, (p.birth.legalAge(on: d) ?? 0) >= settings.minAge {
                        tickets.append((d, rows.count, p))
                    }
                }
            }
            entrants[c.id] = SampleSheets.winners(of: c, tickets: tickets, settings: settings, file: "applications/\(fiscalYear)-04.csv")
        }
        self.rows += rows.count - 1
        add("applications/\(fiscalYear)-04.csv", text: SampleSheets.csv(rows, crlf: true), encoding: .utf8BOM)
        return entrants
    }

    /// The winners of a class as the tool draws them: one ticket per person (the earliest), numbered
    /// in order of date and row, shuffled by the published seed. With priority for first-timers
    /// the tiers hang on visits not yet made, so the first applicants stand in for the winners.
    static func winners(of c: ClassSeries, tickets: [(date: CivilDate, row: Int, person: SamplePerson)], settings: Settings,
                        file: String) -> [SamplePerson] {
        var seen = Set<Int>()
        let kept = tickets.sorted { ($0.date, $0.row) < ($1.date, $1.row) }.filter { seen.insert($0.person.id).inserted }
        guard let seed = settings.lotterySeed, settings.lotteryPriority != "first_time", let deadline = c.deadline else {
            return kept.prefix(c.capacity).map(\.person)
        }
        let record = LotteryRecord.draw(
            classID: c.id, capacity: c.capacity, deadline: deadline.iso, seed: seed, priority: settings.lotteryPriority,
            entrants: kept.enumerated().map { .init(number: $0.offset + 1, file: file, row: $0.element.row, tier: 1) })
        return record.winners.map { kept[$0 - 1].person }
    }

    mutating func addVisits(_ people: [SamplePerson], schedule: ClassSchedule, entrants: [String: [SamplePerson]],
                            settings: Settings, rng: inout SplitMix64, scale: Double) {
        var entries: [Entry] = []
        var order = 0
        // Exchange events on Tuesdays, Wednesdays, Fridays and Saturdays the facility is open.
        var eventDays: [(CivilDate, String)] = []
        var d = settings.fiscalYearStart
        while d <= settings.fiscalYearEnd {
            if schedule.holidays[d] == nil && !schedule.closures.contains(d) {
                let last = d.adding(days: 7).month != d.month
                switch d.weekday {
                case 2: eventDays.append((d, "ふれあい喫茶"))
                case 3: eventDays.append((d, "健康麻雀"))
                case 5: eventDays.append((d, "歌声サロン（童謡, 唱歌）"))
                case 6: eventDays.append((d, d.month == 7 && last ? "夏祭り" : d.month == 12 && d.day <= 14 && d.day > 7 ? "餅つき大会" : "映画会"))
                default: break
                }
            }
            d = d.adding(days: 1)
        }
        for p in people where p.exchangeVisits > 0 {
            var days = Set<Int>()
            while days.count < min(p.exchangeVisits, eventDays.count) { days.insert(rng.int(0...(eventDays.count - 1))) }
            for i in days.sorted() {
                entries.append(Entry(date: eventDays[i].0, program: "交流", event: eventDays[i].1, person: p, order: order))
                order += 1
            }
        }
        let pool = people.filter(\.prevention)
        for s in schedule.held where !pool.isEmpty {
            let attendees: [SamplePerson]
            if s.series.kind == .lottery {
                attendees = (entrants[s.series.id] ?? []).filter { _ in rng.chance(0.85) }
            } else {
                // Classes stay class-sized at any scale: a larger year has more visitors, not 2,000-person classes.
                let n = rng.int(10...s.series.capacity)
                var picked = Set<Int>()
                while picked.count < min(n, pool.count) { picked.insert(rng.int(0...(pool.count - 1))) }
                attendees = picked.sorted().map { pool[$0] }
            }
            for p in attendees {
                let id = rng.chance(0.05) ? s.series.id.fullWidth : s.series.id
                entries.append(Entry(date: s.date, program: "介護予防", event: id, person: p, order: order))
                order += 1
            }
        }
        entries.sort { ($0.date, $0.program, $0.order) < ($1.date, $1.program, $1.order) }
        var byMonth: [YearMonth: [Entry]] = [:]
        for e in entries { byMonth[YearMonth(e.date), default: []].append(e) }
        for month in byMonth.keys.sorted() {
            writeMonth(month, byMonth[month] ?? [], settings: settings, rng: &rng)
        }
    }

    private mutating func writeMonth(_ month: YearMonth, _ entries: [Entry], settings: Settings, rng: inout SplitMix64) {
        let m = month.month
        let encoding: Encoding = [4, 7, 10, 1].contains(m) ? .cp932 : [5, 8, 11, 2].contains(m) ? .utf8BOM : .utf8
        let crlf = encoding != .utf8
        let useBirth = m % 3 == 0
        let withNo = m == 6 || m == 11
        let withKana = m == 5 || m == 9 || m == 1
        let english = m == 2
        var header = english
            ? ["date", "program", "event", "name", "phone", useBirth ? "birth_date" : "age", "address", "id_checked"]
            : ["日付", "事業", "行事", m == 8 ? " 氏名 " : "氏名", "電話番号", useBirth ? "生年月日" : "年齢", "住所", "本人確認"]
        if withKana { header.append("フリガナ") }
        if withNo { header.insert("No.", at: 0) }
        var rows = [header]
        var ids: [Int?] = [nil]
        let cp932 = encoding == .cp932
        for e in entries {
            var style = SampleStyle(rng: SplitMix64(seed: rng.next()), cp932: cp932)
            var date = style.date(e.date)
            var name = style.name(e.person)
            // A class is taken from its roster, with the phone of the application; at an exchange
            // event the resident gives whichever phone comes to mind.
            let given = e.program == "介護予防" ? e.person.phone : e.person.phone(on: e.date, seed: phoneSeed)
            var phone = style.phone(e.person.mistypedPhone.map { rng.chance(0.3) ? $0 : given } ?? given)
            let age = e.person.birth.legalAge(on: e.date) ?? 70
            var ageCell = useBirth ? style.birthDate(e.person.birth) : (rng.chance(0.1) ? "\(age)".fullWidth : "\(age)")
            var address = style.address(e.person)
            var mark = style.idMark()
            var event = e.event
            if rng.chance(0.03) {
                switch rng.pick(Mistake.allCases) {
                case .underAge:
                    let young = e.date.adding(days: -(rng.int(50...59) * 365 + 30))
                    ageCell = useBirth ? style.birthDate(young) : String(young.legalAge(on: e.date) ?? 55)
                case .otherWard: address = rng.pick(SampleSheets.otherWards)
                case .idNotChecked: mark = rng.pick(["", "未", "×", "なし"])
                case .unrecognisedAddress: address = rng.pick(SampleSheets.unrecognised)
                case .badPhone: phone = String(phone.dropLast(2))
                case .eraDate: date = "R1.\(e.date.month).\(e.date.day)"
                case .noSuchDay: date = "\(e.date.year)/\(e.date.month)/3\(rng.int(2...9))"
                case .lastYear: date = "\(e.date.year - 1)-\(e.date.iso.dropFirst(5))"
                case .unknownClass: if e.program == "介護予防" { event = "K" + String(rng.int(6...9)) }
                case .missingName: name = ""
                case .missingAge: ageCell = ""
                }
            }
            var row = [date, e.program, event, name, phone, ageCell, address, mark]
            if withKana { row.append(style.kana(e.person)) }
            if withNo { row.insert(String(rows.count), at: 0) }
            rows.append(row)
            ids.append(e.person.id)
        }
        // A header pasted in again when two days' sheets were joined; blank rows Excel left.
        if m == 10, rows.count > 40 {
            ids.insert(nil, at: rows.count / 2)
            rows.insert(header, at: rows.count / 2)
        }
        for (i, id) in ids.enumerated() { if let id { truth.append("visits/\(month).csv,\(i + 1),\(id)") } }
        self.rows += rows.count - 1
        // A sheet kept from a template numbered ahead: the lines not yet used hold their No. only.
        if withNo { for _ in 0..<15 { rows.append([String(rows.count)] + Array(repeating: "", count: header.count - 1)) } }
        if crlf { rows.append(Array(repeating: "", count: header.count)) }
        add("visits/\(month).csv", text: SampleSheets.csv(rows, crlf: crlf), encoding: encoding)
    }
}
