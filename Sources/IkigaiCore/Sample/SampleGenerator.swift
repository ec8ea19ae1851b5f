import Foundation

/// Generates a realistic synthetic fiscal year for `Input/`: settings,
/// classes, hobby-group lists, a visit sheet per month and the lottery
/// applications, with the mess of real sheets (CP932 and CRLF, variant
/// spellings, every kind of ineligible row). Generated people only; the same
/// people count and seed give the same bytes.
public struct SampleGenerator: Sendable {
    public let people: Int
    public let seed: UInt64
    public let fiscalYear: Int

    /// The sizes a sample can be made at: 1,000,000 people (250× the default year, 600 MB of
    /// sheets) took 4.4 GB of memory to generate; past that the machine, not the tool, gives out.
    public static let peopleRange = 10...1_000_000

    /// `people` is brought into `peopleRange`; the command line refuses a count outside it.
    public init(people: Int, seed: UInt64, fiscalYear: Int = 2018) {
        self.people = min(max(people, SampleGenerator.peopleRange.lowerBound), SampleGenerator.peopleRange.upperBound)
        self.seed = seed
        self.fiscalYear = fiscalYear
    }

    /// How much a generated sample holds, for the terminal.
    public struct Report: Sendable {
        public let files: Int
        public let rows: Int
    }

    /// Why a sample could not be written.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Towns of 新宿区 the sample lives in; the branch-office area is 大久保,
    /// 百人町 and 北新宿.
    static let wardTowns = [
        "大久保", "百人町", "北新宿", "高田馬場", "西新宿", "新宿", "歌舞伎町", "戸山", "西早稲田", "早稲田町",
        "若松町", "河田町", "市谷加賀町", "神楽坂", "四谷", "信濃町", "霞ヶ丘町", "上落合", "中落合", "下落合",
        "中井", "西落合", "余丁町", "富久町", "住吉町", "内藤町", "大京町", "左門町", "須賀町", "若葉",
    ]
    static let areaTowns: [(String, ClosedRange<Int>)] = [("大久保", 1...3), ("百人町", 1...4), ("北新宿", 1...4)]

    var scale: Double { Double(people) / 4000 }

    /// Writes the sample into `dir`, which must not exist or be empty. With
    /// `truth`, also writes `file,row,person` (the generated person of every
    /// data row) there, for the identity benchmark; it is kept out of `dir`.
    public func write(to dir: String, truth: String? = nil) throws(Problem) -> Report {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: dir), !existing.isEmpty {
            throw Problem(description: "\(dir) は空ではありません。既存のシートを上書きしないため、空のフォルダか新しい名前を指定してください。(\(dir) is not empty)")
        }
        var files = SampleSheets(fiscalYear: fiscalYear, phoneSeed: seed)
        var rng = SplitMix64(seed: seed)
        let population = makePeople(&rng)
        let settings = settingsText
        guard let parsed = try? Settings.parse(settings) else { throw Problem(description: "internal: sample settings do not parse") }
        let classes = sampleClasses
        let schedule = ClassSchedule(classes: classes, settings: parsed)

        files.add("settings.toml", text: settings, encoding: .utf8)
        files.add("README.md", text: SampleGenerator.readme, encoding: .utf8)
        files.addClasses(classes)
        files.addGroups(population, rng: &rng, scale: scale)
        let lotteryEntrants = files.addApplications(population, classes: classes, settings: parsed, rng: &rng, scale: scale)
        files.addVisits(population, schedule: schedule, entrants: lotteryEntrants, settings: parsed, rng: &rng, scale: scale)

        for (path, bytes) in files.files {
            let full = dir + "/" + path
            let folder = (full as NSString).deletingLastPathComponent
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: full))
            } catch {
                throw Problem(description: "\(full): \(error)")
            }
        }
        if let truth {
            let text = "file,row,person\n" + files.truth.joined(separator: "\n") + "\n"
            guard FileManager.default.createFile(atPath: truth, contents: Data(text.utf8)) else {
                throw Problem(description: "\(truth): cannot write")
            }
        }
        return Report(files: files.files.count, rows: files.rows)
    }

    func makePeople(_ rng: inout SplitMix64) -> [SamplePerson] {
        var out: [SamplePerson] = []
        out.reserveCapacity(people)
        let fyStart = CivilDate(unchecked: fiscalYear, 4, 1)
        func birth(_ rng: inout SplitMix64) -> CivilDate {
            // Ages 60–98 on 1 April, most in their late 60s and 70s.
            let age = 60 + min(38, (rng.int(0...14) + rng.int(0...14) + rng.int(0...10)))
            return fyStart.adding(days: -(age * 365 + rng.int(0...364) + age / 4))
        }
        func home(_ rng: inout SplitMix64) -> (String, Int) {
            if rng.chance(0.8) {
                let (t, r) = rng.pick(SampleGenerator.areaTowns)
                return (t, rng.int(r))
            }
            return (rng.pick(Array(SampleGenerator.wardTowns.dropFirst(3))), rng.int(1...5))
        }
        func landline(_ rng: inout SplitMix64) -> String { "03" + String(rng.int(3000...5999)) + String(rng.int(1000...9999)) }
        func mobile(_ rng: inout SplitMix64) -> String {
            rng.pick(["090", "080", "070"]) + String(rng.int(1000...9999)) + String(rng.int(1000...9999))
        }
        func activity(_ p: inout SamplePerson, _ rng: inout SplitMix64) {
            if rng.chance(0.004) {
                var d = Array(p.phone)
                let i = d.count - 1 - rng.int(0...3)
                d[i] = d[i] == "9" ? "0" : Character(String((Int(String(d[i])) ?? 0) + 1))
                p.mistypedPhone = String(d)
            }
            p.inGroup = rng.chance(0.28)
            p.prevention = rng.chance(0.3)
            // Exchange visits: most come a few times, some every week.
            p.exchangeVisits = rng.chance(0.75) ? (rng.chance(0.15) ? rng.int(12...30) : rng.int(1...8)) : 0
            if !p.inGroup && !p.prevention && p.exchangeVisits == 0 { p.exchangeVisits = rng.int(1...3) }
        }
        while out.count < people {
            let (town, chome) = home(&rng)
            // As many lots per person at any scale: a ward a hundred times as large has a hundred
            // times the houses (with 20 numbers to a block, 400,000 people were some fifty
            // households to each lot, every house a block of flats).
            let lot = "\(rng.int(1...30))-\(rng.int(1...max(20, Int(20 * scale))))"
            // Half the people carry one of the common surnames (the hard cases of the
            // same-person step), half a rarer one.
            let surname = rng.chance(0.5) ? rng.pick(NamePool.surnames) : NamePool.compound(NamePool.surnameHeads, NamePool.surnameTails, &rng)
            func female(_ rng: inout SplitMix64) -> NamePool.Name {
                rng.chance(0.5) ? rng.pick(NamePool.femaleGiven) : NamePool.compound(NamePool.givenHeads, NamePool.femaleTails, &rng)
            }
            func male(_ rng: inout SplitMix64) -> NamePool.Name {
                rng.chance(0.5) ? rng.pick(NamePool.maleGiven) : NamePool.compound(NamePool.givenHeads, NamePool.maleTails, &rng)
            }
            if rng.chance(0.25) && out.count + 2 <= people {
                // A couple: one surname, one landline, one address.
                let phone = landline(&rng)
                let b = birth(&rng)
                for given in [male(&rng), female(&rng)] {
                    var p = SamplePerson(surname: surname, given: given, birth: b.adding(days: rng.int(-1500...1500)),
                                         phone: phone, town: town, chome: chome, lot: lot,
                                         inGroup: false, exchangeVisits: 0, prevention: false)
                    if p.birth > fyStart.adding(days: -(60 * 366)) { p = p.withBirth(b) }
                    activity(&p, &rng)
                    p.id = out.count + 1
                    out.append(p)
                }
            } else {
                let given = rng.chance(0.55) ? female(&rng) : male(&rng)
                var p = SamplePerson(surname: surname, given: given, birth: birth(&rng),
                                     phone: rng.chance(0.6) ? landline(&rng) : mobile(&rng),
                                     town: town, chome: chome, lot: lot, inGroup: false, exchangeVisits: 0, prevention: false)
                activity(&p, &rng)
                p.id = out.count + 1
                out.append(p)
            }
        }
        var households: [String: Set<String>] = [:]
        for p in out { households["\(p.town)|\(p.chome)|\(p.lot)", default: []].insert(p.phone) }
        for i in out.indices { out[i].livesInFlats = (households["\(out[i].town)|\(out[i].chome)|\(out[i].lot)"]?.count ?? 0) > 1 }
        // A mobile for some of those on a landline, from a stream of its own: the sample's
        // other cells stay as they were before people had two phones.
        var phones = SplitMix64(seed: seed ^ 0x5EC0_9D9B_0E5E_ED00)
        for i in out.indices where out[i].phone.hasPrefix("03") && phones.chance(0.25) {
            out[i].otherPhone = phones.pick(["090", "080", "070"]) + String(phones.int(1000...9999)) + String(phones.int(1000...9999))
        }
        return out
    }

    var settingsText: String {
        SettingsTemplate.text(fiscalYear: fiscalYear, note: "架空のサンプル年度の設定です（ikigai sample が作成）。",
                              wardTowns: SampleGenerator.wardTowns, closedDates: ["\(fiscalYear)-08-15"])
    }

    var sampleClasses: [ClassSeries] {
        let y = fiscalYear
        func d(_ yy: Int, _ m: Int, _ dd: Int) -> CivilDate { CivilDate(unchecked: yy, m, dd) }
        func series(_ id: String, _ title: String, _ kind: ClassSeries.Kind, _ cap: Int, _ wd: Int, _ weeks: [Int],
                    _ s: String, _ e: String, _ room: String, _ from: CivilDate, _ rule: ClassSeries.HolidayRule,
                    _ deadline: CivilDate?, _ row: Int) -> ClassSeries {
            ClassSeries(id: id, title: title, kind: kind, capacity: cap, weekday: wd, weeks: weeks,
                        start: TimeOfDay(s) ?? TimeOfDay(hour: 10, minute: 0), end: TimeOfDay(e) ?? TimeOfDay(hour: 11, minute: 30),
                        room: room, from: from, until: d(y + 1, 3, 31), onHoliday: rule, deadline: deadline,
                        source: SourceRow(file: "classes.csv", row: row))
        }
        return [
            series("K01", "いきいき体操", .open, 30, 2, [2, 4], "10:00", "11:30", "多目的室", d(y, 4, 1), .nextWeek, nil, 2),
            series("K02", "脳トレ教室", .lottery, 20, 4, [1, 3], "14:00", "15:30", "研修室", d(y, 5, 1), .skip, d(y, 4, 20), 3),
            series("K03", "お口の健康講座", .open, 25, 3, [2, 4], "10:00", "11:30", "研修室", d(y, 4, 1), .nextWeek, nil, 4),
            series("K04", "転倒予防ヨガ", .lottery, 15, 5, [1, 3], "10:00", "11:30", "多目的室", d(y, 6, 1), .nextWeek, d(y, 4, 20), 5),
            series("K05", "栄養教室", .open, 20, 1, [4], "13:30", "15:00", "調理室", d(y, 6, 1), .nextWeek, nil, 6),
        ]
    }

    static let readme = """
    # Input/ — 架空のサンプル年度

    このフォルダの人物・電話番号・住所はすべて `ikigai sample` が乱数で作った架空のものです。実在の人物とは関係ありません。
    実際の運用では、このフォルダに本物のシートを置きます（個人情報になるため Git には入れないでください）。

    作り直すとき: `rm -rf Input && swift run ikigai sample --people 4000 --seed 2018 --out Input`

    """
}

extension SamplePerson {
    func withBirth(_ b: CivilDate) -> SamplePerson {
        SamplePerson(id: id, surname: surname, given: given, birth: b, phone: phone, town: town, chome: chome, lot: lot,
                     inGroup: inGroup, exchangeVisits: exchangeVisits, prevention: prevention, mistypedPhone: mistypedPhone)
    }
}
