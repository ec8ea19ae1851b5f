extension CivilDate {
    /// The same month and day next year (29 February becomes the 28th).
    public var sameDateNextYear: CivilDate {
        let y = year + 1
        return CivilDate(unchecked: y, month, min(day, CivilDate.daysInMonth(year: y, month: month)))
    }

    /// The same occurrence of this weekday in the same month next year: the
    /// 1st Friday of June stays the 1st Friday of June (a 5th becomes the last).
    public var sameOrdinalWeekdayNextYear: CivilDate {
        let ordinal = (day - 1) / 7 + 1
        let first = CivilDate(unchecked: year + 1, month, 1)
        var d = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (ordinal - 1))
        while d.month != month { d = d.adding(days: -7) }
        return d
    }

    /// The nearest day a year later with the same weekday, moved earlier
    /// past holidays and weekends: for application deadlines, which the
    /// office must be open to receive.
    public var sameWeekdayDeadlineNextYear: CivilDate {
        let target = sameDateNextYear
        let back = (target.weekday - weekday + 7) % 7
        var d = back <= 3 ? target.adding(days: -back) : target.adding(days: 7 - back)
        let holidays = JapaneseHolidays.table(from: d.adding(days: -14), through: d)
        while holidays[d] != nil || d.weekday == 0 || d.weekday == 6 { d = d.adding(days: -1) }
        return d
    }
}

extension ClassSeries {
    /// The same series one fiscal year later: meeting days stay on the same
    /// weekday (a first session on the 1st Friday of June moves to next
    /// year's 1st Friday of June), other period bounds keep their calendar
    /// date, deadlines keep their weekday and avoid holidays.
    public func nextYear(fiscalYear: Int) -> ClassSeries {
        let first = CivilDate(unchecked: fiscalYear, 4, 1), last = CivilDate(unchecked: fiscalYear + 1, 3, 31)
        func bound(_ d: CivilDate) -> CivilDate {
            let moved = d.weekday == weekday ? d.sameOrdinalWeekdayNextYear : d.sameDateNextYear
            return min(max(moved, first), last)
        }
        return ClassSeries(id: id, title: title, kind: kind, capacity: capacity, weekday: weekday, weeks: weeks, start: start, end: end,
                           room: room, from: bound(from), until: bound(until), onHoliday: onHoliday,
                           deadline: deadline.map(\.sameWeekdayDeadlineNextYear), source: source)
    }
}
