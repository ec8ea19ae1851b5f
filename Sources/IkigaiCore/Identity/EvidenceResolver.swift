/// Same person across sheets and months, decided by evidence.
///
/// Rows with the same folded name and phone form a profile. Candidate pairs
/// of profiles come from blocking only (same phone; same name and town; same
/// name and a phone one digit apart; same reading and town; same surname and
/// house), never all pairs,
/// so the cost grows with the rows. Each pair is judged by `PairVerdict`;
/// the manager's rulings override the rules. Profiles are merged by complete
/// linkage: two groups join only when no member of one is incompatible with
/// any member of the other, so a third record can never chain two different
/// people together.
public struct EvidenceResolver: IdentityResolver {
    public init() {}

    public func resolve(_ rows: IdentityRows, rulings: Rulings, previous: PreviousNumbers) -> PersonRegister {
        let (profiles, rowProfile) = EvidenceResolver.profiles(rows, previous: previous)

        // Judged on both cores, each half of the pairs in order: one core judged a million pairs
        // at 100× while the other waited.
        let pairs = candidatePairs(profiles), middle = pairs.count / 2
        let (first, second) = Parallel.both({ [profiles] in pairs[..<middle].map { PairVerdict.judge(profiles[$0.0], profiles[$0.1], explain: false) } },
                                            { [profiles] in pairs[middle...].map { PairVerdict.judge(profiles[$0.0], profiles[$0.1], explain: false) } })
        let verdicts = first + second
        // Pair keys (a SHA-256 each) are needed for review pairs, and for every pair only when there are rulings.
        var byKey: [String: PairVerdict] = [:]
        for v in verdicts where v.decision == .review || !rulings.entries.isEmpty {
            byKey[Rulings.pairKey(profiles[v.a].key, profiles[v.b].key)] = v
        }

        var mustLink: [(Int, Int)] = []
        var cannotLink = Set<[Int]>()
        var ruled = Set<String>()
        var findings = rulings.findings
        for e in rulings.entries {
            guard let v = byKey[e.pair] else {
                findings.append(Finding(file: e.source.file, row: e.source.row, column: Column.pairID.japanese, code: .staleRuling,
                    message: "この判定の組は今回の名寄せに出てきませんでした（行が直された・削除された可能性）。people/review.csv を確認し、不要ならこの行を消してください。"))
                continue
            }
            ruled.insert(e.pair)
            switch e.ruling {
            case .same: mustLink.append((v.a, v.b))
            case .different: cannotLink.insert([v.a, v.b])
            }
        }

        var clusters = Clusters(count: profiles.count)
        for (a, b) in mustLink.sorted(by: { $0 < $1 }) {
            clusters.merge(a, b) { x, y in !cannotLink.contains([min(x, y), max(x, y)]) }
        }
        let automatic = verdicts.filter { $0.decision == .same && (ruled.isEmpty || !ruled.contains(Rulings.pairKey(profiles[$0.a].key, profiles[$0.b].key))) }
            .sorted { ($0.likelihood, -$0.a, -$0.b) > ($1.likelihood, -$1.a, -$1.b) }
        // A profile of each group found full when a "same" pair would have grown it further.
        var full: [Int] = []
        for v in automatic {
            let outcome = clusters.merge(v.a, v.b, limit: EvidenceResolver.mostProfilesJoined) { x, y in
                // Ages one person cannot have keep two groups apart even where the verdict is
                // "review" (one name on one phone): only a ruling joins them.
                !cannotLink.contains([min(x, y), max(x, y)]) && !PairVerdict.contradicts(profiles[x], profiles[y])
            }
            if outcome == .tooLarge { full.append(clusters.count(of: v.a) >= clusters.count(of: v.b) ? v.a : v.b) }
        }
        findings += EvidenceResolver.fullGroups(full, &clusters, profiles)

        // Number the people: clusters in order of first appearance, stable against the previous run.
        // Each profile's cluster by that order, and the clusters' members in profile order, kept
        // flat (offsets into one array) rather than as an array for each of 400,000 clusters.
        var groupOf = Array(repeating: -1, count: profiles.count), groupOfRoot = Array(repeating: -1, count: profiles.count)
        var groupSizes: [Int] = []
        for p in profiles.indices {
            let root = clusters.find(p)
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = groupSizes.count
                groupSizes.append(0)
            }
            groupOf[p] = groupOfRoot[root]
            groupSizes[groupOf[p]] += 1
        }
        var groupStart = Array(repeating: 0, count: groupSizes.count + 1)
        for g in groupSizes.indices { groupStart[g + 1] = groupStart[g] + groupSizes[g] }
        var members = Array(repeating: 0, count: profiles.count), filled = groupStart
        for p in profiles.indices {
            members[filled[groupOf[p]]] = p
            filled[groupOf[p]] += 1
        }
        let digests = PersonNumbering.digests(profiles.map { $0.key })
        let numbers = PersonNumbering.assign(count: groupSizes.count, previous: previous) { g in
            members[groupStart[g]..<groupStart[g + 1]].lazy.map { digests[$0] }
        }
        let personOfProfile = groupOf.map { numbers[$0] }

        let personOf = rowProfile.renumbered(personOfProfile)

        var reviews: [ReviewPair] = []
        for (key, v) in byKey where v.decision == .review && !ruled.contains(key) && personOfProfile[v.a] != personOfProfile[v.b] {
            guard let a = profiles[v.a].first, let b = profiles[v.b].first else { continue }
            let explained = PairVerdict.judge(profiles[v.a], profiles[v.b])
            reviews.append(ReviewPair(pair: key, a: a, b: b, likelihood: v.likelihood,
                                      reasonsFor: explained.reasonsFor, reasonsAgainst: explained.reasonsAgainst))
        }
        reviews.sort { ($0.likelihood, $1.a, $1.b) > ($1.likelihood, $0.a, $0.b) }
        let ids = profiles.indices.map { PersonRegister.ProfileNumber(person: personOfProfile[$0], digest: digests[$0], first: profiles[$0].first) }
            .sorted { ($0.person, $0.digest) < ($1.person, $1.digest) }
        return PersonRegister(personOf: personOf, reviews: reviews, findings: findings, ids: ids)
    }

    /// The most profiles (spellings of a name with a phone) that automatic merging puts into one
    /// person. Complete linkage checks every pair across two groups before joining them, so a
    /// group that grows one profile at a time costs the square of its size: 20,000 rows of one
    /// name and one house, each with another phone (a column filled down by mistake), took
    /// 126 s in identity. Real people have a few profiles: the 10× sample's 38,611 people have
    /// 1 to 3. A manager's ruling still joins groups of any size.
    static let mostProfilesJoined = 64

    /// One notice for each sheet where groups stopped growing at `mostProfilesJoined`, at the
    /// earliest row of such a group, with how many there are: their rows are counted as more
    /// than one person, and the sheet likely holds an error. One for each sheet, not for each
    /// group: a column filled down over 20,000 rows makes 312 of them.
    static func fullGroups(_ full: [Int], _ clusters: inout Clusters, _ profiles: [Profile]) -> [Finding] {
        var seen = Set<Int>()
        var bySheet: [String: (first: SourceRow, groups: Int)] = [:]
        for p in full where seen.insert(clusters.find(p)).inserted {
            var earliest: SourceRow?
            _ = clusters.forEachMember(of: p) { m in
                if let f = profiles[m].first, earliest.map({ f < $0 }) ?? true { earliest = f }
                return true
            }
            guard let row = earliest else { continue }
            let known = bySheet[row.file]
            bySheet[row.file] = (min(known?.first ?? row, row), (known?.groups ?? 0) + 1)
        }
        return bySheet.values.sorted { $0.first < $1.first }.map { sheet in
            Finding(file: sheet.first.file, row: sheet.first.row, code: .crowdedPerson,
                message: "この行の人と同じ人とみられる記録が、氏名と電話番号の組み合わせで\(mostProfilesJoined)通りを超えました"
                    + "（このシートから始まる同じようなまとまりは\(sheet.groups)組）。それより多くは自動では1人にまとめず、別の人として数えています。"
                    + "同じ氏名や住所が多くの行へ誤って写されていないか（Excel のフィルやコピー）、電話番号の列がずれていないかを確かめてください。")
        }
    }

    /// Pairs of profile indexes that share a blocking key.
    func candidatePairs(_ profiles: [Profile]) -> [(Int, Int)] {
        // Profile indexes are packed in 32 bits below; a register of four billion profiles
        // cannot be held in memory anyway.
        precondition(profiles.count <= Int(UInt32.max))
        // Block keys are 64-bit FNV-1a digests of their parts rather than joined strings:
        // building and hashing those strings was half of this step in the profile. A rare
        // collision only adds a candidate pair, which is judged like any other.
        // The (key, profile) entries are sorted rather than gathered in a dictionary of
        // arrays: most blocks hold one profile, and an array for each was millions of
        // allocations at 100×. They are kept as two arrays and put in order by a stable radix
        // sort on the key (`RadixSort`); profiles are added in index order, so each block's
        // members stay in profile order. The entries are split in two by the key's top bit, so
        // that a block lies wholly in one part: each part is sorted and searched for pairs on its
        // own core (this was the longest single-core part of identity left), and the two parts'
        // pairs are merged into one order, so the outcome does not depend on the split.
        var parts = [BlockEntries(), BlockEntries()]
        for i in parts.indices { parts[i].reserve(profiles.count * 8) }
        // Each profile is read where it lies (`borrowing`): a loop over the array copied each one
        // out, a retain and a release for each of its dozen references, 400,000 times at 100×
        // on one core.
        func addEntries(of p: borrowing Profile) {
            let member = UInt32(truncatingIfNeeded: p.index)
            func entry(_ key: BlockKey) { parts[Int(key.value >> 63)].append(key.value, member) }
            let name = BlockKey.start("n").adding(p.name)
            entry(BlockKey.start("t").adding(p.phone))
            for town in p.towns {
                entry(name.separator().adding(town))
                for r in p.readings { entry(BlockKey.start("r").adding(r).separator().adding(town)) }
            }
            // Surname and house: a given name written in kana (`藤田 まさお`) on her mobile meets
            // `藤田 正男` of her house on the landline only here; couples meet too, and are judged apart.
            if let surname = p.parts?.surname ?? p.givenInKana?.head {
                let key = BlockKey.start("s").adding(surname).separator()
                p.houses.forEach { entry(key.adding($0)) }
            }
            let prefix = BlockKey.start("p").adding(p.name).separator()
            let digits = Array(p.phone.utf8)
            for i in digits.indices {
                var key = prefix
                for (j, d) in digits.enumerated() { key = key.adding(byte: j == i ? 0x2A : d) }
                entry(key)
            }
        }
        profiles.withUnsafeBufferPointer { all in
            for k in all.indices { addEntries(of: all[k]) }
        }
        let (a, b) = Parallel.both({ [first = parts[0]] in first.pairs() }, { [second = parts[1]] in second.pairs() })
        // Both are sorted: merged, with a pair found in both parts (two shared keys) kept once.
        var out: [(Int, Int)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        var last: UInt64?
        while i < a.count || j < b.count {
            let p: UInt64
            if j == b.count || (i < a.count && a[i] <= b[j]) { p = a[i]; i += 1 } else { p = b[j]; j += 1 }
            if p != last { out.append((Int(p >> 32), Int(p & 0xFFFF_FFFF))) }
            last = p
        }
        return out
    }
}

/// One part of the blocking entries: each (key, profile) in profile order.
struct BlockEntries: Sendable {
    private var keys: [UInt64] = []
    private var members: [UInt32] = []

    mutating func reserve(_ n: Int) {
        keys.reserveCapacity(n)
        members.reserveCapacity(n)
    }

    mutating func append(_ key: UInt64, _ member: UInt32) {
        keys.append(key)
        members.append(member)
    }

    /// The pairs of profiles that share a key, each packed as `a << 32 | b` with a < b,
    /// sorted, each once.
    func pairs() -> [UInt64] {
        var keys = keys, members = members
        RadixSort.sort(&keys, carrying: &members)
        var pairs: [UInt64] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] == keys[start] { end += 1 }
            let block = members[start..<end]
            start = end
            guard block.count > 1 else { continue }
            // A very large block (a care home's shared number) is compared only nearby, to stay linear.
            let window = block.count > 64 ? 8 : block.count
            for i in block.indices {
                for j in (i + 1)..<min(block.endIndex, i + window) {
                    let a = min(block[i], block[j]), b = max(block[i], block[j])
                    pairs.append(UInt64(a) << 32 | UInt64(b))
                }
            }
        }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for p in pairs where p != unique.last { unique.append(p) }
        return unique
    }
}

/// FNV-1a over the UTF-8 of a block key's parts.
struct BlockKey {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    static func start(_ tag: String) -> BlockKey { BlockKey().adding(tag) }

    func adding(byte: UInt8) -> BlockKey {
        var k = self
        k.value = (k.value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        return k
    }

    /// The eight bytes of `v`, most significant first.
    func adding(_ v: UInt64) -> BlockKey {
        var k = self
        for shift in stride(from: 56, through: 0, by: -8) { k = k.adding(byte: UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
        return k
    }

    func adding(_ s: String) -> BlockKey {
        var k = self
        for b in s.utf8 { k.value = (k.value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return k
    }

    func separator() -> BlockKey { adding(byte: 0x01) }
}
