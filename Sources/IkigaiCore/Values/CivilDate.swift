/// A calendar day in the proleptic Gregorian calendar, free of time zones.
///
/// Intake dates, birth dates and class sessions are all civil days in Japan;
/// keeping them as plain year/month/day avoids every time-zone and DST trap of
/// `Foundation.Date`, and makes the arithmetic deterministic.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one number (`year << 9 | month << 5 | day`), which orders as the
    /// days do. Three Ints were 24 bytes in each of the millions of rows and visits at 100×
    /// (a date on every checked row and every record), and the memory a run touches is time
    /// on this machine kind: the kernel clears every fresh page.
    private let packed: Int

    public var year: Int { packed >> 9 }
    public var month: Int { (packed >> 5) & 0xF }
    public var day: Int { packed & 0x1F }

    /// Years a day can be kept for: far beyond any date a sheet can mean, and within reach
    /// of the packing.
    static let years = -(1 << 40)...(1 << 40)

    /// Returns nil when the triple is not a real day (2018-02-30, month 13 …).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.years.contains(year), (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        packed = year << 9 | month << 5 | day
    }

    /// For days valid by construction (1 April, 31 March); never for input.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        precondition(CivilDate.years.contains(year) && (1...12).contains(month) && (1...31).contains(day))
        packed = year << 9 | month << 5 | day
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let w = (dayNumber + 4) % 7
        return w < 0 ? w + 7 : w
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// `2018-05-10`.
    public var iso: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    /// `2018-05`.
    public var yearMonth: String { String(iso.prefix(7)) }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.packed < b.packed }

    /// Parses exactly `YYYY-MM-DD` (settings and machine files), nothing else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
