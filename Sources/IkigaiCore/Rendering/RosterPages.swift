import Foundation

/// Printable A4 attendance rosters: one per held class session (lottery
/// winners, or the people who came to the last three sessions of an open
/// class, with blank rows for others) and one per hobby group (its registered members).
/// Confidential: names and phones for contact.
struct RosterPages {
    let intake: IntakeResult
    let register: PersonRegister
    let schedule: ClassSchedule
    let lotteries: [ClassLottery]

    struct Line: Sendable { let label: String; let value: String }
    struct Person: Sendable { let no: String; let name: String; let phone: String }
    struct View: Sendable {
        let kindLabel: String; let title: String; let lines: [Line]; let ticks: [String]
        let people: [Person]; let blanks: [String]; let countLine: String
    }

    /// (path under Output/, view) for every roster.
    var rosters: [(String, View)] {
        sessionRosters + groupRosters
    }

    static func ordered(_ people: [(name: String, kana: String?, phone: String)]) -> [Person] {
        // Phone breaks ties between two people of one name, so the order never depends on hashing.
        // The reading is folded once per person, not on every comparison of the sort, and places
        // are sorted rather than the people themselves, whose strings a move retains and releases.
        // Two people whose texts sort by their bytes as Strings do (nearly all: kana, kanji,
        // ASCII) are compared by bytes: String's comparison of Japanese text, checking each pair
        // for canonical equivalence, was 3% of a run's instructions at 1×. Those bytes are copied
        // once into one buffer: reading them out of the Strings at each comparison retained and
        // released three Strings a side (700,000 times at 1×).
        let keys = people.map { NameFolding.reading($0.kana ?? $0.name) }
        var bytes: [UInt8] = []
        var spans: [(key: Range<Int>, name: Range<Int>, phone: Range<Int>)?] = []
        spans.reserveCapacity(people.count)
        for i in people.indices {
            guard Text.comparesByBytes(keys[i]) && Text.comparesByBytes(people[i].name) && Text.comparesByBytes(people[i].phone) else {
                spans.append(nil)
                continue
            }
            func add(_ s: String) -> Range<Int> {
                let start = bytes.count
                bytes.append(contentsOf: s.utf8)
                return start..<bytes.count
            }
            spans.append((add(keys[i]), add(people[i].name), add(people[i].phone)))
        }
        let order = bytes.withUnsafeBufferPointer { buf in
            people.indices.sorted { i, j in
                guard let a = spans[i], let b = spans[j] else {
                    return (keys[i], people[i].name, people[i].phone) < (keys[j], people[j].name, people[j].phone)
                }
                let key = Text.compareBytes(buf, a.key, b.key)
                if key != 0 { return key < 0 }
                let name = Text.compareBytes(buf, a.name, b.name)
                return name != 0 ? name < 0 : Text.compareBytes(buf, a.phone, b.phone) < 0
            }
        }
        return order.enumerated().map { Person(no: String($0.offset + 1), name: people[$0.element].name, phone: people[$0.element].phone) }
    }

    var sessionRosters: [(String, View)] {
        let winners = Dictionary(uniqueKeysWithValues: lotteries.map { ($0.series.id, $0) })
        // People who came to each open class, with the dates they came.
        var attended: [String: [PersonID: (date: CivilDate, person: PersonFields)]] = [:]
        var cameOn: [String: [PersonID: Set<CivilDate>]] = [:]
        var heldDates: [String: [CivilDate]] = [:]
        for s in schedule.held { heldDates[s.series.id, default: []].append(s.date) }
        for v in intake.visits where v.program == .prevention {
            guard let id = register.personOf[v.source] else { continue }
            if let seen = attended[v.event]?[id], seen.date > v.date {} else { attended[v.event, default: [:]][id] = (v.date, v.person) }
            cameOn[v.event, default: [:]][id, default: []].insert(v.date)
        }
        return schedule.held.map { s in
            let people: [(name: String, kana: String?, phone: String)]
            let count: String
            var blanks = 0
            if s.series.kind == .lottery, let l = winners[s.series.id] {
                people = l.winners.map { ($0.application.person.name, $0.application.person.kana, $0.application.person.phone.formatted) }
                count = l.record == nil ? "抽選前のため名簿はまだありません" : "参加予定 \(people.count) 人（抽選の当選者。定員 \(s.series.capacity) 人）"
            } else {
                // Who came to the last three sessions of this class: the people staff expect at the door.
                let recent = Set(heldDates[s.series.id, default: []].filter { $0 < s.date }.suffix(3))
                let regulars = (cameOn[s.series.id] ?? [:]).filter { !$0.value.isDisjoint(with: recent) }.keys
                people = regulars.compactMap { attended[s.series.id]?[$0] }.map { ($0.person.name, $0.person.kana, $0.person.phone.formatted) }
                blanks = max(5, min(15, s.series.capacity - people.count))
                count = "最近3回の参加者 \(people.count) 人（自由参加。ほかの方は空欄に記入）"
            }
            let n = RosterPages.ordered(people)
            let view = View(
                kindLabel: "講座名簿", title: "\(s.series.id) \(s.series.title)",
                lines: [Line(label: "日付", value: "\(s.date.westernJapaneseString)（\(s.date.japaneseEraString)）"),
                        Line(label: "時間", value: "\(s.series.start)〜\(s.series.end)"), Line(label: "会場", value: s.series.room)],
                ticks: ["出席", "備考"], people: n, blanks: (0..<blanks).map { String(n.count + $0 + 1) }, countLine: count)
            return ("rosters/sessions/\(s.date.iso)-\(RosterPages.safe(s.series.id)).html", view)
        }
    }

    var groupRosters: [(String, View)] {
        // One group however its name was spaced (`囲碁の会`, `囲碁 の会`): a roster for each
        // spelling split one group's members over two pages. It is titled as first written.
        var members: [String: [PersonID: PersonFields]] = [:]
        var titles: [String: String] = [:]
        for m in intake.members {
            guard let id = register.personOf[m.source] else { continue }
            let written = Text.cell(m.group)
            let g = Text.removingWhitespace(written)
            if titles[g] == nil { titles[g] = written }
            if members[g]?[id] == nil { members[g, default: [:]][id] = m.person }
        }
        let s = intake.settings
        return members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map { i, g in
            let people = RosterPages.ordered((members[g] ?? [:]).values.map { ($0.name, $0.kana, $0.phone.formatted) })
            let view = View(
                kindLabel: "グループ名簿", title: titles[g] ?? g,
                lines: [Line(label: "年度", value: "\(s.fiscalYear)年度（\(SchedulePage.monthEraTitle(s.fiscalYearStart).prefix { $0 != "年" })年度）\(s.fiscalYearStart.westernJapaneseString)〜\(s.fiscalYearEnd.westernJapaneseString)"),
                        Line(label: "作成", value: "\(intake.through.japanese)までに区から届いた名簿から")],
                ticks: ["／", "／", "／", "／"], people: people, blanks: [], countLine: "登録 \(people.count) 人")
            return ("rosters/groups/group-\(i + 1 < 10 ? "0" : "")\(i + 1).html", view)
        }
    }

    struct IndexRow { let href: String; let western: String; let era: String; let title: String; let count: String }
    struct IndexView { let fiscalYear: String; let sessions: [IndexRow]; let groups: [IndexRow] }

    /// `rosters/index.html`: every roster, by date, then the groups.
    func index(_ rosters: [(String, View)]) -> IndexView {
        var sessions: [IndexRow] = [], groups: [IndexRow] = []
        for (path, v) in rosters {
            let href = String(path.dropFirst("rosters/".count))
            if v.kindLabel == "グループ名簿" {
                groups.append(IndexRow(href: href, western: "", era: "", title: v.title, count: String(v.people.count)))
            } else {
                let date = v.lines.first?.value ?? ""
                let western = String(date.prefix { $0 != "（" })
                let era = date.dropFirst(western.count).trimmingCharacters(in: CharacterSet(charactersIn: "（）"))
                sessions.append(IndexRow(href: href, western: western, era: era, title: v.title, count: String(v.people.count)))
            }
        }
        return IndexView(fiscalYear: "\(intake.settings.fiscalYear)年度", sessions: sessions, groups: groups)
    }

    /// Class IDs as file-name parts: letters, digits, - and _ only.
    static func safe(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}
