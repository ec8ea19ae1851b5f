/// Japanese public holidays computed from the law (国民の祝日に関する法律 as
/// amended), not from a list: fixed days, Happy Monday days, the equinoxes,
/// 振替休日, 国民の休日, and the special days and moves of 2019–2021.
///
/// Years 1980–2099: the equinox approximation used here is valid in that
/// range (国立天文台's formula), and every rule applied is listed below with
/// the year it took effect.
public enum JapaneseHolidays {
    public static let supportedYears = 1980...2099

    /// A holiday and its name as the Cabinet Office lists it; substitute days
    /// are named after the holiday they stand in for (`こどもの日 振替休日`).
    public struct Holiday: Sendable, Hashable {
        public let date: CivilDate
        public let name: String
    }

    /// The holidays of `year`, by date. Empty outside `supportedYears`.
    public static func holidays(in year: Int) -> [Holiday] {
        guard supportedYears.contains(year) else { return [] }
        var named = nationalHolidays(year)  // 国民の祝日 proper
        let isNational = Set(named.map(\.date))

        // 振替休日 (since 1973; from 2007 the next day that is not a national holiday).
        var substitutes: [Holiday] = []
        for h in named where h.date.weekday == 0 {
            var d = h.date.adding(days: 1)
            if year >= 2007 {
                while isNational.contains(d) { d = d.adding(days: 1) }
            } else if isNational.contains(d) {
                continue
            }
            substitutes.append(Holiday(date: d, name: h.name + " 振替休日"))
        }
        let taken = isNational.union(substitutes.map(\.date))

        // 国民の休日 (since 1985): a day between two national holidays; before
        // 2007 a Sunday or a substitute day did not count.
        var between: [Holiday] = []
        for h in named {
            let d = h.date.adding(days: 1)
            guard isNational.contains(d.adding(days: 1)), !taken.contains(d) else { continue }
            if year < 1986 || (year < 2007 && d.weekday == 0) { continue }
            between.append(Holiday(date: d, name: "国民の休日"))
        }
        named += substitutes + between
        return named.filter { $0.date.year == year }.sorted { $0.date < $1.date }
    }

    /// Holidays of every year that `range` touches, keyed by day.
    public static func table(from first: CivilDate, through last: CivilDate) -> [CivilDate: String] {
        var out: [CivilDate: String] = [:]
        for y in first.year...max(first.year, last.year) {
            for h in holidays(in: y) where h.date >= first && h.date <= last { out[h.date] = h.name }
        }
        return out
    }

    /// The nth Monday of a month (Happy Monday system).
    static func nthMonday(_ year: Int, _ month: Int, _ n: Int) -> CivilDate {
        let first = CivilDate(unchecked: year, month, 1)
        let offset = (8 - first.weekday) % 7  // days to the first Monday
        return first.adding(days: offset + 7 * (n - 1))
    }

    /// 春分日 and 秋分日 by the approximation valid 1980–2099.
    static func equinoxDay(_ year: Int, autumn: Bool) -> Int {
        let base = autumn ? 23.2488 : 20.8431
        let y = Double(year - 1980)
        return Int(base + 0.242194 * y) - (year - 1980) / 4
    }

    static func nationalHolidays(_ y: Int) -> [Holiday] {
        var h: [Holiday] = []
        func add(_ m: Int, _ d: Int, _ name: String) { h.append(Holiday(date: CivilDate(unchecked: y, m, d), name: name)) }
        func add(_ date: CivilDate, _ name: String) { h.append(Holiday(date: date, name: name)) }

        add(1, 1, "元日")
        if y >= 2000 { add(nthMonday(y, 1, 2), "成人の日") } else { add(1, 15, "成人の日") }
        add(2, 11, "建国記念の日")
        if y >= 2020 { add(2, 23, "天皇誕生日") }
        add(3, equinoxDay(y, autumn: false), "春分の日")
        if y >= 2007 { add(4, 29, "昭和の日") } else if y >= 1989 { add(4, 29, "みどりの日") } else { add(4, 29, "天皇誕生日") }
        add(5, 3, "憲法記念日")
        if y >= 2007 { add(5, 4, "みどりの日") }
        add(5, 5, "こどもの日")
        // 海の日: 1996 fixed; 2003 Happy Monday; 2020 and 2021 moved for the Olympics.
        switch y {
        case 2020: add(7, 23, "海の日")
        case 2021: add(7, 22, "海の日")
        case 2003...: add(nthMonday(y, 7, 3), "海の日")
        case 1996...: add(7, 20, "海の日")
        default: break
        }
        // 山の日 since 2016; moved in 2020 and 2021.
        switch y {
        case 2020: add(8, 10, "山の日")
        case 2021: add(8, 8, "山の日")
        case 2016...: add(8, 11, "山の日")
        default: break
        }
        if y >= 2003 { add(nthMonday(y, 9, 3), "敬老の日") } else { add(9, 15, "敬老の日") }
        add(9, equinoxDay(y, autumn: true), "秋分の日")
        // 体育の日, renamed スポーツの日 in 2020; moved in 2020 and 2021.
        switch y {
        case 2020: add(7, 24, "スポーツの日")
        case 2021: add(7, 23, "スポーツの日")
        case 2022...: add(nthMonday(y, 10, 2), "スポーツの日")
        case 2000...: add(nthMonday(y, 10, 2), "体育の日")
        default: add(10, 10, "体育の日")
        }
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if (1989...2018).contains(y) { add(12, 23, "天皇誕生日") }
        // Days made holidays by their own laws.
        switch y {
        case 1989: add(2, 24, "昭和天皇の大喪の礼")
        case 1990: add(11, 12, "即位礼正殿の儀")
        case 1993: add(6, 9, "皇太子徳仁親王の結婚の儀")
        case 2019:
            add(5, 1, "天皇の即位の日")
            add(10, 22, "即位礼正殿の儀")
        default: break
        }
        return h.sorted { $0.date < $1.date }
    }
}
