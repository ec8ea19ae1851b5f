/// All rows that share one folded name and one phone, and ages that one
/// person can have: the unit the same-person rules compare. Rows inside a
/// profile are one person by the first-pass rule; profiles are then merged
/// only on evidence.
struct Profile {
    /// The profile's place in the resolver's list.
    private(set) var index: Int
    let name: String
    let phone: String
    /// 0, or the rank by age (oldest first) among profiles of this name and phone whose ages
    /// cannot be one person's (a father and son of one name on one landline, or a mistyped age).
    var cohort = 0
    /// Surname and given name, when a row wrote them apart.
    var parts: (surname: String, given: String)?
    /// The last spelling found not to split into surname and given name.
    var unsplit: String?
    /// For a name in Latin letters, its words sorted (`NameFolding.latinWords`), from the first
    /// row that wrote two or more of them.
    var latinWords: String?
    var readings = SmallTextSet()
    /// The name's kanji head and the reading of its given name, when the name was written with
    /// the given name in kana (`NameFolding.givenInKana`).
    let givenInKana: (head: String, tail: String)?
    var towns = SmallTextSet()
    /// Digests of the houses its rows gave (`houseDigest`), almost always one.
    private(set) var houses = SmallCodeSet()
    /// Houses set aside as blocks of flats (`forgetHouses`): no evidence of one person, but
    /// said on the review list, where the manager weighs it.
    private(set) var buildings = SmallCodeSet()
    /// Day numbers between which the birth date must lie, from every age seen.
    var birthLow = Int.min
    var birthHigh = Int.max
    /// Whether two rows of this profile gave ages that cannot both be true.
    var agesClash = false
    /// The profile's earliest row; the others are not kept (at 100× an array of
    /// them per profile was a tenth of this step's memory).
    private(set) var first: SourceRow?

    init(index: Int, name: String, phone: String) {
        self.index = index
        self.name = name
        self.phone = phone
        // Reception writes a name in kana when it does not know the kanji: such a name is
        // its reading, to compare with the フリガナ of the same person's other rows.
        if NameFolding.isKana(name) { readings.insert(NameFolding.reading(name)) }
        // Most names end in a kanji: one look at the last byte's character and out.
        givenInKana = (name.unicodeScalars.last.map { (0x3041...0x30FE).contains($0.value) } ?? false) ? NameFolding.givenInKana(name) : nil
    }

    /// The same profile under another index (the resolver's halves number their own).
    func renumbered(_ newIndex: Int) -> Profile {
        var p = self
        p.index = newIndex
        return p
    }

    /// Names the profile in rulings and in `people/ids.csv`. The first cohort keeps the key
    /// of name and phone alone, so a profile that never clashed keeps its key.
    var key: String { name + "\u{1}" + phone + (cohort == 0 ? "" : "\u{3}\(cohort)") }

    mutating func noteRow(_ row: SourceRow) {
        if let f = first, !(row < f) { return }
        first = row
    }
    var hasAge: Bool { birthLow != Int.min }

    /// Notes a row's house; returns the digest of its building when the row wrote a flat
    /// after the numbers (`コーポ百人町201`), so that the bare numbers can be set aside.
    mutating func note(town: String, house: HouseNumber) -> UInt64? {
        houses.insert(Profile.houseDigest(town: town, house: house))
        return house.flat == 0 ? nil : Profile.houseDigest(town: town, house: house.building)
    }

    /// Drops houses that are known to be buildings of several flats: a row elsewhere wrote
    /// a flat after the same numbers. Two residents of one name and age can live there.
    mutating func forgetHouses(in known: Set<UInt64>) {
        houses.removeAll { code in
            guard known.contains(code) else { return false }
            buildings.insert(code)
            return true
        }
    }

    func sharesHouse(with o: Profile) -> Bool { !houses.isDisjoint(with: o.houses) }

    /// Whether some row gave a house that is not the bare numbers of a block of flats.
    var hasHouse: Bool { !houses.isEmpty }

    func sharesBuilding(with o: Profile) -> Bool { !buildings.isDisjoint(with: o.buildings) }

    /// One number (never 0) for a town and a house in it. Two houses whose digests collide (odds
    /// of 2⁻⁶⁴ for a pair) would be taken for one; the name and the ages must still agree.
    static func houseDigest(town: String, house: HouseNumber) -> UInt64 {
        let k = BlockKey.start("h").adding(town).separator().adding(house.value)
        return k.value == 0 ? 1 : k.value
    }

    /// Narrows the birth window with "age `age` on `date`" (legal rule: the
    /// age on a day is the completed years on the following day).
    mutating func note(age: Int, on date: CivilDate) { note(window: Profile.birthWindow(age: age, on: date)) }

    /// Narrows the birth window with a window worked out from one row.
    mutating func note(window: (low: Int, high: Int)) {
        let (low, high) = window
        let newLow = max(birthLow, low), newHigh = min(birthHigh, high)
        if newLow > newHigh { agesClash = true; return }
        birthLow = newLow
        birthHigh = newHigh
    }

    /// Whether a row's birth window (`birthWindow`) fits the ages already noted.
    func admits(_ window: (low: Int, high: Int)) -> Bool {
        max(birthLow, window.low) <= min(birthHigh, window.high)
    }

    /// The first and last day number on which someone `age` on `date` can have been born.
    static func birthWindow(age: Int, on date: CivilDate) -> (low: Int, high: Int) {
        let next = date.adding(days: 1)
        // Born after next − (age+1) years and on or before next − age years.
        return (Profile.yearsBefore(next, age + 1).dayNumber + 1, Profile.yearsBefore(next, age).dayNumber)
    }

    static func yearsBefore(_ d: CivilDate, _ n: Int) -> CivilDate {
        let y = d.year - n
        return CivilDate(year: y, month: d.month, day: min(d.day, CivilDate.daysInMonth(year: y, month: d.month)))
            ?? CivilDate(dayNumber: d.dayNumber - n * 365)
    }

    /// A birth year to block on (the window's middle).
    var birthYear: Int? { hasAge ? CivilDate(dayNumber: birthLow / 2 + birthHigh / 2).year : nil }

    /// How many days lie between the birth windows of two profiles whose ages clash (0 when
    /// they overlap, nil when either has no single window).
    func birthGap(to o: Profile) -> Int? {
        guard hasAge, o.hasAge, !agesClash, !o.agesClash else { return nil }
        return max(0, max(birthLow, o.birthLow) - min(birthHigh, o.birthHigh))
    }

    /// Whether the ages of two profiles can belong to one person.
    func agesConsistent(with o: Profile) -> Bool? {
        guard hasAge, o.hasAge, !agesClash, !o.agesClash else { return nil }
        return max(birthLow, o.birthLow) <= min(birthHigh, o.birthHigh)
    }
}
