/// Why a date cell could not be read; each case becomes a distinct message.
public enum DateProblem: Error, Sendable, Equatable {
    /// Not any accepted form.
    case unreadable
    /// A two-digit Western year (`18/5/10`) is ambiguous.
    case ambiguousYear
    /// The year written last (`5/10/2018`, as an English-language Excel shows it): month and
    /// day could be either way round, so the date is not guessed.
    case yearLast
    /// The numbers do not make a real day (2月30日).
    case noSuchDay
    /// An era date outside its era (H31.5.1, R1.4.30).
    case outsideEra(era: String)
    /// A 明治 date before 1873, when Japan still used the lunisolar calendar.
    case lunisolar
    /// A written weekday, `2018/5/10(金)`, that is not the date's weekday.
    case weekdayMismatch
    /// A bare five-digit number (`43230`): Excel's serial number of a day, saved from a
    /// cell whose format is not a date. Said as such, because the clerk sees a date in Excel.
    case excelSerial
    /// Month and day only (`5/10`, `5月10日`): the year is not guessed from the sheet's name
    /// or the fiscal year, since a row typed into the wrong month's sheet would then move.
    case noYear
    /// The day of the month alone (`10`, `10日`), as a sheet kept per month is often filled in:
    /// neither month nor year is taken from the sheet's name, for the reason of `noYear`.
    case dayOnly
}

/// Reads the date forms of the intake contract: `2018-05-10`, `2018/5/10`,
/// `2018年5月10日`, `H30.5.10`, `平成30年5月10日`, `令和元年5月1日`, `R1.5.1`,
/// `S23.4.1`, full-width digits, ㍻-style square era signs, `20180510`, an
/// optional weekday (`(木)`, `木曜日`) and an Excel time of day after it.
public enum DateParser {
    public static func parse(_ raw: String) -> Result<CivilDate, DateProblem> {
        readFromBytes(raw) ?? parseByCharacter(raw)
    }

    /// The reading of the forms most cells take (`plainWestern`, `eraOrKanji`) straight from
    /// the bytes, or nil for `parseByCharacter` to read.
    static func readFromBytes(_ raw: String) -> Result<CivilDate, DateProblem>? {
        raw.utf8.withContiguousStorageIfAvailable { plainWestern($0) ?? eraOrKanji($0) } ?? nil
    }

    /// A 生年月日 cell: as `parse`, and also with the 生 or 生まれ a form prints after it
    /// (`昭和23年5月10日生`).
    public static func parseBirthDate(_ raw: String) -> Result<CivilDate, DateProblem> {
        var t = Text.trimmed(raw)
        for suffix in ["生まれ", "生"] where t.hasSuffix(suffix) {
            t.removeLast(suffix.count)
            break
        }
        return parse(t)
    }

    /// Every form, Character by Character.
    static func parseByCharacter(_ raw: String) -> Result<CivilDate, DateProblem> {
        var text = Text.trimmed(Text.nfkc(raw))
        // Excel writes a date cell formatted with a time as `2018/5/10 0:00`, and a reception
        // sheet may log the time of the visit (`2018/5/10 14:30:00`): the day is the date
        // either way. Only a real time of day is dropped; `2018/5/10 25:00` is not a date.
        // A system's export may join them with T (`2018-05-10T10:00`, ISO 8601).
        if let space = text.lastIndex(where: { $0.isWhitespace || $0 == "T" }), text[space...].contains(":") {
            guard isTimeOfDay(text[text.index(after: space)...]) else { return .failure(.unreadable) }
            text = String(text[..<space])
        }
        if text.contains(where: { kanjiDigits[$0] != nil || $0 == "十" }) { text = arabicNumerals(text) }
        var chars = Substring(Text.removingWhitespace(text))
        if chars.allSatisfy(\.isASCIIDigit) {
            // 20180510, as typed without separators: the year first, always four digits.
            if chars.count == 8, let y = Int(chars.prefix(4)), let m = Int(chars.dropFirst(4).prefix(2)), let d = Int(chars.suffix(2)) {
                guard let day = CivilDate(year: y, month: m, day: d) else { return .failure(.noSuchDay) }
                return .success(day)
            }
            if chars.count == 5 { return .failure(.excelSerial) }
        }

        // Era prefix: letters or kanji before the first digit or 元.
        var prefix = ""
        while let c = chars.first, !c.isASCIIDigit, c != "元" {
            prefix.append(c)
            chars = chars.dropFirst()
        }
        if prefix.isEmpty, isMonthAndDay(chars) { return .failure(.noYear) }
        if prefix.isEmpty, isDayOfMonth(chars) { return .failure(.dayOnly) }
        var numbers: [(value: Int, digits: Int)] = []
        var weekday: String?
        while numbers.count < 3 {
            if chars.first == "元" {
                numbers.append((1, 1))
                chars = chars.dropFirst()
            } else {
                let digits = chars.prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, digits.count <= 4, let v = Int(digits) else { return .failure(.unreadable) }
                numbers.append((v, digits.count))
                chars = chars.dropFirst(digits.count)
            }
            // A separator after the year and month, an optional 日 after the day.
            if let sep = chars.first {
                // Any dash, including the long-vowel mark ー an IME gives for one (2018ー5ー10).
                if numbers.count < 3, "-/.年月".contains(sep) || sep.unicodeScalars.count == 1 && sep.unicodeScalars.first.map(PhoneNumber.isDash) == true {
                    chars = chars.dropFirst()
                } else if numbers.count == 3, sep == "日" {
                    chars = chars.dropFirst()
                } else if numbers.count < 3 {
                    return .failure(.unreadable)
                }
            }
        }
        if chars.first == "(" {
            guard let close = chars.firstIndex(of: ")") else { return .failure(.unreadable) }
            weekday = String(chars[chars.index(after: chars.startIndex)..<close])
            chars = chars[chars.index(after: close)...]
        } else if let w = chars.first, "日月火水木金土".contains(w), ["", "曜", "曜日"].contains(chars.dropFirst()) {
            // 平成30年5月10日木曜日, without brackets.
            weekday = String(chars)
            chars = chars.dropFirst(chars.count)
        }
        if !chars.isEmpty { return .failure(.unreadable) }

        let (y, m, d) = (numbers[0], numbers[1].value, numbers[2].value)
        let date: CivilDate
        if prefix.isEmpty {
            if y.digits <= 2, numbers[2].digits == 4 { return .failure(.yearLast) }
            guard y.digits == 4 else { return .failure(.ambiguousYear) }
            guard let day = CivilDate(year: y.value, month: m, day: d) else { return .failure(.noSuchDay) }
            date = day
        } else {
            // `S.23.4.1`: some clerks write the era letter as an abbreviation, with a full stop.
            if prefix.count > 1, prefix.hasSuffix(".") { prefix.removeLast() }
            guard let era = JapaneseEra.named(prefix), y.value >= 1 else { return .failure(.unreadable) }
            guard let day = CivilDate(year: era.firstDay.year + y.value - 1, month: m, day: d) else {
                return .failure(.noSuchDay)
            }
            if day < era.firstDay || (era.nextEraFirstDay.map { day >= $0 } ?? false) {
                return .failure(.outsideEra(era: era.name))
            }
            if day < JapaneseEra.gregorianAdoption { return .failure(.lunisolar) }
            date = day
        }
        if let w = weekday, !w.isEmpty {
            guard w.hasPrefix(date.weekdayKanji) else { return .failure(.weekdayMismatch) }
        }
        return .success(date)
    }

    private static let kanjiDigits: [Character: Int] = [
        "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// `昭和二十三年五月十日`, `二〇一八年五月十日`: a date copied from a document written in kanji
    /// numerals, with each run of them as Arabic digits. 十 counts tens (二十三 is 23, 十 is 10);
    /// without it the digits are read in place (二〇一八 is 2018).
    static func arabicNumerals(_ text: String) -> String {
        var out = ""
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            let tens = run.indices.filter { run[$0] == "十" }
            if tens.isEmpty, run.count <= 4 {
                out += run.map { String(kanjiDigits[$0] ?? 0) }.joined()
            } else if tens.count == 1, let ten = tens.first, ten <= 1, run.count - ten <= 2 {
                // 十, 二十, 二十三, 十五: one digit at most on either side of 十.
                let before = ten == 0 ? 1 : kanjiDigits[run[0]] ?? 0
                let after = ten + 1 < run.count ? kanjiDigits[run[ten + 1]] ?? 0 : 0
                out += String(before * 10 + after)
            } else {
                // Not a number a date holds: left as written, and unreadable below.
                out.append(contentsOf: run)
            }
            run = []
        }
        for c in text {
            if kanjiDigits[c] != nil || c == "十" { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// `2018-05-10`, `2018/5/10`, `2018.5.10` in plain ASCII with nothing around it: the
    /// form most cells take, read from the bytes. The Character-based reading below was most
    /// of the time spent on birth dates, which are too many to memoise. For these bytes it
    /// gives the same answer (NFKC, trimming and white space change nothing there); any
    /// other text returns nil and is read below.
    static func plainWestern(_ b: UnsafeBufferPointer<UInt8>) -> Result<CivilDate, DateProblem>? {
        var i = 0
        func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while i < b.count, n < maxDigits + 1, (0x30...0x39).contains(b[i]) {
                v = v * 10 + Int(b[i] - 0x30)
                n += 1
                i += 1
            }
            return (1...maxDigits).contains(n) ? (v, n) : nil
        }
        func separator() -> Bool {
            guard i < b.count, b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E else { return false }
            i += 1
            return true
        }
        guard let y = number(maxDigits: 4), y.digits == 4, separator(), let m = number(maxDigits: 4), separator(),
              let d = number(maxDigits: 4), i == b.count else { return nil }
        guard let day = CivilDate(year: y.value, month: m.value, day: d.value) else { return .failure(.noSuchDay) }
        return .success(day)
    }

    /// `5/10`, `5-10`, `5.10`, `5月10日`: one or two digits, a separator, one or two digits.
    private static func isMonthAndDay(_ s: Substring) -> Bool {
        let month = s.prefix { $0.isASCIIDigit }
        guard (1...2).contains(month.count), let sep = s.dropFirst(month.count).first, "/-.月".contains(sep) else { return false }
        var rest = s.dropFirst(month.count + 1)
        if sep == "月", rest.hasSuffix("日") { rest = rest.dropLast() }
        return (1...2).contains(rest.count) && rest.allSatisfy(\.isASCIIDigit)
    }

    /// `10` or `10日`: one or two digits that could be a day of a month, and nothing else.
    private static func isDayOfMonth(_ s: Substring) -> Bool {
        let digits = s.hasSuffix("日") ? s.dropLast() : s
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let d = Int(digits) else { return false }
        return (1...31).contains(d)
    }

    /// `H:MM` or `H:MM:SS` on a 24-hour clock.
    private static func isTimeOfDay(_ rest: Substring) -> Bool {
        let t = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(t.count), t.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let n = t.compactMap { Int($0) }
        return n.count == t.count && n[0] < 24 && n[1] < 60 && (n.count < 3 || n[2] < 60)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
