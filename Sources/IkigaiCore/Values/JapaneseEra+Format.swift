extension CivilDate {
    static let weekdayKanji = ["日", "月", "火", "水", "木", "金", "土"]

    /// `月`, `火` … for this day.
    public var weekdayKanji: String { CivilDate.weekdayKanji[weekday] }

    /// `令和7年4月1日(火)`: the form ward documents use. The first year of an
    /// era prints as 元年. Falls back to the Western form before 明治.
    public var japaneseEraString: String {
        guard let era = JapaneseEra.era(of: self) else { return "\(year)年\(month)月\(day)日(\(weekdayKanji))" }
        let eraYear = year - era.firstDay.year + 1
        let y = eraYear == 1 ? "元" : String(eraYear)
        return "\(era.name)\(y)年\(month)月\(day)日(\(weekdayKanji))"
    }

    /// `2025年4月1日(火)`.
    public var westernJapaneseString: String { "\(year)年\(month)月\(day)日(\(weekdayKanji))" }
}
