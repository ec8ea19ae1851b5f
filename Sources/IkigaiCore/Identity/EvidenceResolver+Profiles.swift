/// The first pass of the resolver: rows with the same folded name and phone
/// become one profile, unless their ages cannot be one person's.
///
/// On both cores: the rows are split by their profile key's hash, so all rows
/// of a profile go to the same half, and each half sees them in (file, row)
/// order, as one pass would. Profiles are then put in the order of their first
/// row, which is the order one pass over all rows gives them, so the outcome
/// does not depend on the split. One pass was the longest single-core part of a
/// run at 100× (some 7 CPU seconds, most of it waiting on memory).
extension EvidenceResolver {
    /// Keyed by bytes, hashed once with `TextMemo.hash`: String hashing of Japanese text was
    /// the largest cost here, and SipHash over both texts on every row still showed at 100×.
    struct ProfileKey: Hashable {
        let name: TextKey
        let phone: TextKey
        let hash: UInt64

        init(name: String, phone: String) {
            self.init(name: name, phone: phone, hash: ProfileKey.hash(name: name, phone: phone))
        }

        /// With `hash`, which must be `hash(name:phone:)` of the two.
        init(name: String, phone: String, hash: UInt64) {
            self.hash = hash
            self.name = TextKey(name)
            self.phone = TextKey(phone)
        }

        static func hash(name: String, phone: String) -> UInt64 {
            var n = name, p = phone
            return n.withUTF8 { TextMemo<Int>.hash($0) } &* 31 &+ p.withUTF8 { TextMemo<Int>.hash($0) }
        }

        static func == (a: ProfileKey, b: ProfileKey) -> Bool { a.hash == b.hash && a.name == b.name && a.phone == b.phone }
        func hash(into h: inout Hasher) { h.combine(hash) }

        /// Which half of the split the key's rows go to.
        var half: Int { ProfileKey.half(hash) }

        static func half(_ hash: UInt64) -> Int { Int((hash ^ hash >> 29) & 1) }
    }

    /// One half's profiles, each with the position of its first row in the walk.
    struct ProfileHalf: Sendable {
        var profiles: [Profile] = []
        var firstRow: [Int] = []
        /// Each row's index into `profiles`.
        var rowProfile = RowPersons()
        /// Houses some row wrote with a flat after the numbers (`Profile.note(town:house:)`).
        var buildings = Set<UInt64>()
    }

    /// The profiles in the order of their first rows, and each row's profile.
    static func profiles(_ rows: IdentityRows, previous: PreviousNumbers = [:]) -> ([Profile], RowPersons) {
        let (a, b) = Parallel.both({ profileHalf(rows, half: 0, previous: previous) }, { profileHalf(rows, half: 1, previous: previous) })
        var profiles: [Profile] = []
        profiles.reserveCapacity(a.profiles.count + b.profiles.count)
        var aIndex = [Int](repeating: 0, count: a.profiles.count), bIndex = [Int](repeating: 0, count: b.profiles.count)
        var i = 0, j = 0
        while i < a.profiles.count || j < b.profiles.count {
            if j == b.profiles.count || (i < a.profiles.count && a.firstRow[i] < b.firstRow[j]) {
                aIndex[i] = profiles.count
                profiles.append(a.profiles[i].renumbered(profiles.count))
                i += 1
            } else {
                bIndex[j] = profiles.count
                profiles.append(b.profiles[j].renumbered(profiles.count))
                j += 1
            }
        }
        // A building is known from any row of any profile: one resident who wrote her flat tells
        // that the bare numbers do not name one household.
        let buildings = a.buildings.union(b.buildings)
        if !buildings.isEmpty {
            for i in profiles.indices where !profiles[i].houses.isEmpty { profiles[i].forgetHouses(in: buildings) }
        }
        return (profiles, RowPersons.merging(a.rowProfile, renumbered: aIndex, b.rowProfile, renumbered: bIndex))
    }

    static func profileHalf(_ rows: IdentityRows, half: Int, previous: PreviousNumbers = [:]) -> ProfileHalf {
        var out = ProfileHalf()
        var profileOf: [ProfileKey: Int] = [:]
        // A person comes some six times a year (at 1× and 100× alike): room for a profile per
        // four rows of this half, so that the arrays are not copied to fresh pages as they
        // double, a tenth of this pass at 100× (`perf`: page clearing under `memmove`).
        let expected = rows.capacityHint / 8
        out.profiles.reserveCapacity(expected)
        out.firstRow.reserveCapacity(expected)
        profileOf.reserveCapacity(expected)
        // Many rows repeat the same spelling: fold each once. (Names are folded by intake, on
        // all cores.) Made for about one spelling per person of this half (a person writes
        // some six rows a year).
        let spellings = rows.capacityHint / 12
        var foldedReading = TextMemo<String>(expected: spellings)
        var parts = TextMemo<(surname: String, given: String)?>(expected: spellings)
        // A row whose age no profile of its name and phone can have starts a profile of its own
        // (a cohort): rare, so kept aside from `profileOf`, by the first cohort's index.
        var laterCohorts: [Int: [Int]] = [:]
        var rowProfile = RowPersons.Builder()
        // Each profile's last reading as written: a person writes the same フリガナ month after
        // month, and a reading already noted for the profile would be folded, looked up in the
        // memo (a cache miss at 100×) and inserted again for nothing. Kept beside the profiles,
        // not in them, so that it is freed with this pass.
        var lastKana: [String?] = []
        lastKana.reserveCapacity(expected)
        // The name and key the test of a row's half made, for the row the walk then hands over
        // (`walk` calls `body` right after `keep` accepts, with the same row): made once, not twice.
        var keptName = "", keptHash: UInt64 = 0
        rows.walk(keeping: { person in
            keptName = NameFolding.latinCased(person.foldedName)
            keptHash = ProfileKey.hash(name: keptName, phone: person.phone.digits)
            return ProfileKey.half(keptHash) == half
        }) { position, r in
            let name = keptName
            let key = ProfileKey(name: name, phone: r.person.phone.digits, hash: keptHash)
            func add() -> Int {
                out.profiles.append(Profile(index: out.profiles.count, name: name, phone: r.person.phone.digits))
                out.firstRow.append(position)
                lastKana.append(nil)
                return out.profiles.count - 1
            }
            // Worked out once per row, for the cohort test and for narrowing the profile.
            let window = r.age.flatMap { a in r.date.map { Profile.birthWindow(age: a, on: $0) } }
            var i: Int
            if let existing = profileOf[key] {
                i = existing
                if let w = window, !out.profiles[i].admits(w) {
                    let others = laterCohorts[existing, default: []]
                    if let fits = others.first(where: { out.profiles[$0].admits(w) }) {
                        i = fits
                    } else {
                        i = add()
                        laterCohorts[existing] = others + [i]
                    }
                }
            } else {
                i = add()
                profileOf[key] = i
            }
            // Mutated in place, through one access: a copy would duplicate the profile's arrays
            // on every row, and each `profiles[i]` of a captured array is checked on its own.
            if let building = note(r, window: window, in: &out.profiles[i], lastKana: &lastKana[i], parts: &parts, readings: &foldedReading) {
                out.buildings.insert(building)
            }
            rowProfile.set(r.source, PersonID(i))
        }
        out.rowProfile = rowProfile.finish()
        for (first, others) in laterCohorts {
            for (i, rank) in cohortRanks([first] + others, in: out, previous: previous) { out.profiles[i].cohort = rank }
        }
        return out
    }

    /// The cohort (key) of each profile of one name and phone. A key the previous run knew stays
    /// with the profile that now holds its first row: rulings and person numbers refer to keys,
    /// and a row that arrives later (an age typed wrong, a namesake) must not take them over.
    /// The others are ranked by age, not by which row came first, so that a new sheet that sorts
    /// earlier does not swap them; they never take a key the previous run gave someone.
    static func cohortRanks(_ members: [Int], in half: ProfileHalf, previous: PreviousNumbers) -> [(profile: Int, rank: Int)] {
        var rankOf: [Int: Int] = [:]
        var taken = Set<Int>()
        // An ids.csv written before it held first rows: ranked by age, as that run ranked them.
        if previous.hasFirstRows, let any = members.first {
            let base = half.profiles[any]
            // Keys of as many cohorts as there are now, and a few more the previous run may have had.
            for rank in 0..<(members.count + 4) {
                var p = base
                p.cohort = rank
                let digest = PersonNumbering.digest(p.key)
                guard previous.number(of: digest) != nil else { continue }
                taken.insert(rank)
                guard let row = previous.firstRow(of: digest), let holder = half.rowProfile[row]?.number,
                      members.contains(holder), rankOf[holder] == nil else { continue }
                rankOf[holder] = rank
            }
        }
        var free = (0...).lazy.filter { !taken.contains($0) }.makeIterator()
        for i in members.sorted(by: { half.profiles[$0].birthLow < half.profiles[$1].birthLow }) where rankOf[i] == nil {
            rankOf[i] = free.next()
        }
        return members.map { ($0, rankOf[$0] ?? 0) }
    }

    /// What one row adds to its profile; the building its address names, if it wrote a flat.
    private static func note(_ r: IdentityRow, window: (low: Int, high: Int)?, in p: inout Profile, lastKana: inout String?,
                             parts: inout TextMemo<(surname: String, given: String)?>, readings: inout TextMemo<String>) -> UInt64? {
        p.noteRow(r.source)
        // A profile's rows mostly repeat one spelling: one without a space is not split again.
        if p.parts == nil, p.unsplit.map({ TextKey($0) != TextKey(r.person.name) }) ?? true {
            p.parts = parts.value(r.person.name, NameFolding.parts)
            if p.parts == nil { p.unsplit = r.person.name }
        }
        // Latin names only (most names start with a kanji or kana byte): one compare and out.
        if p.latinWords == nil, PairVerdict.isLatin(p.name) { p.latinWords = NameFolding.latinWords(r.person.name) }
        // The same written reading folds the same and meets the same test against the profile's
        // name, so a repeat changes nothing.
        if let k = r.person.kana, lastKana.map({ TextKey($0) != TextKey(k) }) ?? true {
            lastKana = k
            let f = readings.value(k, NameFolding.reading)
            // A reading of the whole name has a kana for each character at least; a shorter one
            // (カズコ for 佐藤 和子) reads part of it and says nothing either way, where as a
            // reading it set this row apart from the same person's full readings.
            if !f.isEmpty, f.unicodeScalars.count >= p.name.unicodeScalars.count { p.readings.insert(f) }
        }
        if let w = window { p.note(window: w) }
        guard let t = r.town else { return nil }
        p.towns.insert(t)
        return r.house.flatMap { p.note(town: t, house: $0) }
    }
}
