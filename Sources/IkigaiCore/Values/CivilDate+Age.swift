extension CivilDate {
    /// The age of a person born on `self`, on the day `date`, by the Japanese
    /// legal rule (年齢計算ニ関スル法律 with 民法143条).
    ///
    /// A person reaches age N at the end of the day before the Nth birthday and
    /// counts as N for that whole day, so the age on `date` is the ordinary
    /// completed-years age on the following day. That also gives the 29 February
    /// case: the day before 1 March (or 29 February) is 28 February.
    /// Returns nil when `date` is before the birth.
    public func legalAge(on date: CivilDate) -> Int? {
        guard date >= self else { return nil }
        let next = date.adding(days: 1)
        var age = next.year - year
        if (next.month, next.day) < (month, day) { age -= 1 }
        return age
    }
}
