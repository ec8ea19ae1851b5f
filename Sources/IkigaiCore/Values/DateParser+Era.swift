extension DateParser {
    /// `S23.4.1`, `H30/5/10`, `昭和23年4月1日`, `令和元年5月1日`, `2018年5月10日`: the era and kanji
    /// forms most birth dates take, read from their bytes. Through `parseByCharacter` (NFKC, then
    /// `Character` by `Character`) each cost some 18,000 instructions, and a 10× year spent
    /// almost 5 % of its run there: birth dates are too many to memoise well, and an ASCII one
    /// (`S23.4.1`) was not memoised at all.
    ///
    /// Gives exactly what `parseByCharacter` gives for the text, or nil for any other text (a
    /// weekday, full-width digits, `平30.5.10`, white space, a time), which is then read there.
    /// The tests and the `values` fuzz target hold the two readings against each other.
    static func eraOrKanji(_ b: UnsafeBufferPointer<UInt8>) -> Result<CivilDate, DateProblem>? {
        var i = 0
        var era: JapaneseEra?
        if i < b.count, let letterEra = JapaneseEra.byLetterByte(b[i]) {
            era = letterEra
            i += 1
            // `S.23.4.1`: the letter as an abbreviation, with a full stop.
            if i < b.count, b[i] == 0x2E { i += 1 }
        } else if b.count >= 6, let kanjiEra = JapaneseEra.byKanjiBytes(b[0], b[1], b[2], b[3], b[4], b[5]) {
            era = kanjiEra
            i = 6
        }
        var numbers: [(value: Int, digits: Int)] = []
        numbers.reserveCapacity(3)
        while numbers.count < 3 {
            if era != nil, numbers.isEmpty, matches(b, i, 0xE5, 0x85, 0x83) {  // 元
                numbers.append((1, 1))
                i += 3
            } else {
                var v = 0, n = 0
                while i < b.count, (0x30...0x39).contains(b[i]) {
                    guard n < 4 else { return nil }
                    v = v * 10 + Int(b[i] - 0x30)
                    n += 1
                    i += 1
                }
                guard n > 0 else { return nil }
                numbers.append((v, n))
            }
            guard i < b.count else { break }
            if numbers.count < 3 {
                // The separators `parseByCharacter` takes after the year and the month.
                if b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E {
                    i += 1
                } else if matches(b, i, 0xE5, 0xB9, 0xB4) || matches(b, i, 0xE6, 0x9C, 0x88) {  // 年 月
                    i += 3
                } else {
                    return nil
                }
            } else if matches(b, i, 0xE6, 0x97, 0xA5) {  // 日
                i += 3
            }
        }
        guard numbers.count == 3, i == b.count else { return nil }
        let (y, m, d) = (numbers[0], numbers[1].value, numbers[2].value)
        guard let era else {
            // Western years: only the plain four-digit one; the rest have their own messages there.
            guard y.digits == 4 else { return nil }
            guard let day = CivilDate(year: y.value, month: m, day: d) else { return .failure(.noSuchDay) }
            return .success(day)
        }
        guard y.value >= 1 else { return .failure(.unreadable) }
        guard let day = CivilDate(year: era.firstDay.year + y.value - 1, month: m, day: d) else { return .failure(.noSuchDay) }
        if day < era.firstDay || (era.nextEraFirstDay.map { day >= $0 } ?? false) { return .failure(.outsideEra(era: era.name)) }
        if day < JapaneseEra.gregorianAdoption { return .failure(.lunisolar) }
        return .success(day)
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ x: UInt8, _ y: UInt8, _ z: UInt8) -> Bool {
        i + 2 < b.count && b[i] == x && b[i + 1] == y && b[i + 2] == z
    }
}

extension JapaneseEra {
    /// The era of a letter byte (`S`, `h`), for `DateParser.eraOrKanji`.
    static func byLetterByte(_ byte: UInt8) -> JapaneseEra? {
        switch byte | 0x20 {
        case 0x6D: return all[0]  // m
        case 0x74: return all[1]  // t
        case 0x73: return all[2]  // s
        case 0x68: return all[3]  // h
        case 0x72: return all[4]  // r
        default: return nil
        }
    }

    /// The era whose two-kanji name these six UTF-8 bytes spell (明治 … 令和).
    static func byKanjiBytes(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8, _ b5: UInt8) -> JapaneseEra? {
        let first = UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2)
        let second = UInt32(b3) << 16 | UInt32(b4) << 8 | UInt32(b5)
        switch (first, second) {
        case (0xE6_988E, 0xE6_B2BB): return all[0]  // 明治
        case (0xE5_A4A7, 0xE6_ADA3): return all[1]  // 大正
        case (0xE6_98AD, 0xE5_928C): return all[2]  // 昭和
        case (0xE5_B9B3, 0xE6_8890): return all[3]  // 平成
        case (0xE4_BBA4, 0xE5_928C): return all[4]  // 令和
        default: return nil
        }
    }
}
