extension PublicGuard {
    /// What to look for: every name, phone and address of the accepted rows,
    /// folded. Built from the intake alone, so a run builds it while the
    /// identity step runs on the other core.
    public struct Needles: Sendable {
        let names: NeedleIndex
        let addresses: NeedleIndex
        /// Phones by `phoneCode`.
        let phones: Set<UInt64>

        public init(intake: IntakeResult) {
            // Rows repeat the same spellings (a person in six rows at 100×), so each is kept
            // once, found by sorting digests (`Distinct`) and the phones by sorting their codes.
            // Inserting every row's name, address and phone into hash sets missed the cache on
            // each insert: 3.2 CPU-seconds at 100×, more than the lottery and statistics
            // together; sorting takes 1.5 to 2.1 (`bench/stage-cpu.sh`, "guard needles").
            let rows = intake.rows
            var names = Needles.Distinct(capacity: rows.count), addresses = Needles.Distinct(capacity: rows.count)
            var phoneCodes: [UInt64] = []
            phoneCodes.reserveCapacity(rows.count)
            rows.forEachRecord { i, record in
                let person: PersonFields, address: String?
                switch record {
                case .member(let m): (person, address) = (m.person, nil)
                case .visit(let v): (person, address) = (v.person, v.residence.written)
                case .application(let a): (person, address) = (a.person, a.residence.written)
                }
                if let code = PublicGuard.phoneCode(person.phone.digits) { phoneCodes.append(code) }
                names.add(person.foldedName, row: i)
                if let a = address { addresses.add(a, row: i) }
            }
            let places = PlaceWords(settings: intake.settings)
            // Lengths in code points, as `NeedleIndex` measures them (a Character count breaks
            // graphemes, a tenth of this step); never fewer than Characters, so no needle is lost.
            let nameNeedles = names.texts { rows[$0].foldedName }
                .filter { Needles.hasScalars(2, $0) && !places.isPlace(name: $0) }
            let addressNeedles = addresses.texts { rows[$0].writtenAddress }
                .map(PublicGuard.addressFolded).filter { Needles.hasScalars(6, $0) && places.namesAHousehold(address: $0) }
            var noPayload = [UInt8](repeating: 0, count: phoneCodes.count)
            RadixSort.sort(&phoneCodes, carrying: &noPayload)
            var phones = Set<UInt64>(minimumCapacity: phoneCodes.count / 4)
            for (k, code) in phoneCodes.enumerated() where k == 0 || phoneCodes[k - 1] != code { phones.insert(code) }
            self.init(names: nameNeedles, addresses: addressNeedles, phones: phones)
        }

        /// Whether `s` has at least `n` code points, without counting past them.
        static func hasScalars(_ n: Int, _ s: String) -> Bool {
            s.utf8.count >= 4 * n || s.unicodeScalars.prefix(n).count == n
        }

        /// Names and addresses folded as intake folds them; phones as digits.
        init(names: Set<String>, addresses: Set<String>, phones: Set<String>) {
            self.init(names: Array(names), addresses: Array(addresses), phones: Set(phones.compactMap(PublicGuard.phoneCode)))
        }

        private init(names: [String], addresses: [String], phones: Set<UInt64>) {
            self.names = NeedleIndex(names)
            self.addresses = NeedleIndex(addresses)
            self.phones = phones
        }

        /// The distinct texts of many rows, found by sorting digests of their bytes rather than
        /// by a hash set: a 64-bit FNV-1a digest to sort by, and a second, independent 32-bit
        /// one carried with the row. Texts whose 96 bits agree are taken as one spelling (for
        /// a million distinct texts, a chance of about 10⁻¹⁷ that two differ); the text
        /// itself is fetched once per spelling.
        struct Distinct {
            private var digests: [UInt64] = []
            /// Row index in the high half, the check digest in the low half.
            private var rowsAndChecks: [UInt64] = []

            init(capacity: Int) {
                digests.reserveCapacity(capacity)
                rowsAndChecks.reserveCapacity(capacity)
            }

            mutating func add(_ s: String, row: Int) {
                var text = s
                let (h, c) = text.withUTF8 { p in
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325, c: UInt32 = 0x811c_9dc5
                    for b in p {
                        h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                        c = (c &+ UInt32(b)) &* 0x9E37_79B1
                        c ^= c >> 15
                    }
                    return (h, c ^ UInt32(truncatingIfNeeded: p.count))
                }
                digests.append(h)
                rowsAndChecks.append(UInt64(row) << 32 | UInt64(c))
            }

            /// One text per spelling, read back from its first row.
            mutating func texts(_ text: (Int) -> String?) -> [String] {
                RadixSort.sort(&digests, carrying: &rowsAndChecks)
                var out: [String] = []
                var run: [UInt32] = []
                for k in digests.indices {
                    if k > 0, digests[k - 1] != digests[k] { run.removeAll(keepingCapacity: true) }
                    let check = UInt32(truncatingIfNeeded: rowsAndChecks[k])
                    if run.contains(check) { continue }
                    run.append(check)
                    if let t = text(Int(rowsAndChecks[k] >> 32)) { out.append(t) }
                }
                return out
            }
        }
    }
}

extension CheckedRow {
    /// The folded name and the written address of an accepted row, each read alone: the guard
    /// reads one of them back for each of 800,000 spellings at 100×.
    var foldedName: String? { record?.person.foldedName }

    var writtenAddress: String? {
        switch record {
        case .visit(let v)?: return v.residence.written
        case .application(let a)?: return a.residence.written
        case .member?, nil: return nil
        }
    }
}
