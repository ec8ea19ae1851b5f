import Foundation

extension CivilDate {
    /// The day it is in Japan (where the ward's office runs the tool, whatever the machine's
    /// time zone), for telling rows dated after the run from the rest.
    public static func today(now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CivilDate(dayNumber: 0)
    }
}
