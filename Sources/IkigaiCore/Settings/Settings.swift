/// One fiscal year's settings (`Input/settings.toml`): the ward, the area the
/// eligible population refers to, targets, handlers, privacy and calendar.
public struct Settings: Sendable, Equatable {
    /// The fiscal years a settings file may name: both calendar years of each must be ones whose
    /// holidays are computed (`JapaneseHolidays.supportedYears`); fiscal 2099 and 2100 ran their
    /// January to March with no holidays at all.
    public static let fiscalYears = 2000...(JapaneseHolidays.supportedYears.upperBound - 1)

    /// 年度: `fiscalYear` 2018 runs 2018-04-01 … 2019-03-31.
    public var fiscalYear: Int
    public var prefecture: String
    public var wardName: String
    /// Every town of the ward, so that addresses omitting the ward are recognised.
    public var wardTowns: [String]
    public var area: Area
    public var minAge: Int
    public var targetSessions: Int
    /// Published before the draw; nil when the year has no lottery class.
    public var lotterySeed: String?
    /// Who is drawn first: "none", or "first_time" (people with no care-prevention
    /// visit this fiscal year before the deadline).
    public var lotteryPriority: String
    public var minCell: Int
    /// Words added to the built-in prohibited-category list (never removed).
    public var extraProhibitedHeaders: [String]
    /// Month-day closures every year (`12-29`), as (month, day).
    public var closedEveryYear: [MonthDay]
    public var closedDates: [CivilDate]
    public var handlers: [Handler]
    /// Keys the file holds that this version does not know (typos, or keys of
    /// a newer version); reported, never fatal.
    public var unknownKeys: [String]
    /// The line of each unknown key in the file (or of its table), for the notice.
    public var unknownKeyLines: [String: Int] = [:]

    /// The branch-office area whose residents are the eligible population.
    public struct Area: Sendable, Equatable {
        public var name: String
        /// `大久保1丁目` or a whole town `北新宿`.
        public var towns: [AreaTown]
        public var eligiblePopulation: Int
        public var eligibleAsOf: CivilDate
        public var expectedUsers: Int
    }

    /// One entry of the area list: a town and, when given, one 丁目 of it.
    public struct AreaTown: Sendable, Hashable {
        public var town: String
        public var chome: Int?
        public var label: String { chome.map { "\(town)\($0)丁目" } ?? town }
    }

    /// A designated handler (特記事項 13).
    public struct Handler: Sendable, Equatable {
        public var name: String
        public var role: Role
        /// The handler's role as the contract names it.
        public enum Role: String, Sendable {
            case responsible = "取扱責任者"
            case handler = "取扱者"
        }
    }

    /// A day closed every year (`12-29`), from `calendar.closed`.
    public struct MonthDay: Sendable, Hashable {
        public var month: Int
        public var day: Int
    }

    public var fiscalYearStart: CivilDate { CivilDate(unchecked: fiscalYear, 4, 1) }
    public var fiscalYearEnd: CivilDate { CivilDate(unchecked: fiscalYear + 1, 3, 31) }

    public func inFiscalYear(_ d: CivilDate) -> Bool { d >= fiscalYearStart && d <= fiscalYearEnd }

    /// The days the facility is closed from the fiscal year's start through `last`: every
    /// `calendar.closed` day of each year, and the `calendar.closed_dates`.
    public func closedDays(through last: CivilDate) -> Set<CivilDate> {
        var closures = Set(closedDates)
        var d = fiscalYearStart
        while d <= last {
            if closedEveryYear.contains(MonthDay(month: d.month, day: d.day)) { closures.insert(d) }
            d = d.adding(days: 1)
        }
        return closures
    }

    /// The address parser for this ward.
    public var addressParser: AddressParser {
        AddressParser(prefecture: prefecture, ward: wardName, towns: wardTowns)
    }

    /// Whether an address in the ward lies in the branch-office area.
    public func isInArea(town: String?, chome: Int?) -> Bool {
        guard let town else { return false }
        return area.towns.contains { $0.town == town && ($0.chome == nil || $0.chome == chome) }
    }

    /// Finds a handler by name, ignoring spacing and width (`山田 花子` = `山田花子`).
    public func handler(named name: String) -> Handler? {
        let key = Text.removingWhitespace(Text.nfkc(name))
        guard !key.isEmpty else { return nil }
        return handlers.first { Text.removingWhitespace(Text.nfkc($0.name)) == key }
    }
}
