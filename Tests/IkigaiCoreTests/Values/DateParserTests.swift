import Foundation
import Testing
@testable import IkigaiCore

@Suite("Dates in the forms clerks type")
struct DateParserTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test("every accepted form reads as the same day", arguments: [
        "2018-05-10", "2018/5/10", "2018/05/10", "2018年5月10日", "H30.5.10", "h30.5.10", "H30/5/10",
        "平成30年5月10日", "平30.5.10", "２０１８－０５－１０", "Ｈ３０．５．１０", "平成３０年５月１０日",
        "2018/5/10 0:00", "2018/5/10(木)", "㍻30年5月10日", " 2018-05-10 ",
        "2018/5/10 14:30", "2018/05/10 9:05:00", "20180510", "２０１８０５１０", "平成30年5月10日木曜日", "2018/5/10木", "2018年5月10日（木曜日）", "H.30.5.10", "Ｈ．３０．５．１０",
        // The dashes clerks type, the long-vowel mark an IME gives for one among them.
        "2018ー5ー10", "2018ｰ5ｰ10", "2018−5−10", "2018‐5‐10", "H30ー5ー10",
        // Kanji numerals, as a document copied from writes them; ISO 8601 with a time, as a system exports it.
        "平成三十年五月十日", "二〇一八年五月十日", "平成三〇年五月一〇日", "2018-05-10T10:00", "2018-05-10T09:30:00",
    ])
    func sameDay(_ text: String) throws {
        #expect(try DateParser.parse(text).get() == day(2018, 5, 10))
    }

    @Test func firstYearOfAnEraIsGan() throws {
        #expect(try DateParser.parse("令和元年5月1日").get() == day(2019, 5, 1))
        #expect(try DateParser.parse("R1.5.1").get() == day(2019, 5, 1))
        #expect(try DateParser.parse("S23.4.1").get() == day(1948, 4, 1))
        #expect(try DateParser.parse("平成元年1月8日").get() == day(1989, 1, 8))
        #expect(try DateParser.parse("T15.12.24").get() == day(1926, 12, 24))
    }

    @Test("a date outside its era is an error, not a guess", arguments: [
        ("H31.5.1", "平成"), ("R1.4.30", "令和"), ("S64.1.8", "昭和"), ("H1.1.7", "平成"), ("昭和元年12月24日", "昭和"),
    ])
    func outsideEra(_ text: String, _ era: String) {
        #expect(DateParser.parse(text) == .failure(.outsideEra(era: era)))
    }

    @Test func kanjiNumeralsCountTens() throws {
        #expect(try DateParser.parse("昭和二十三年四月一日").get() == day(1948, 4, 1))
        #expect(try DateParser.parse("令和元年十二月三十一日").get() == day(2019, 12, 31))
        #expect(try DateParser.parseBirthDate("昭和十年十月二十日生").get() == day(1935, 10, 20))
        #expect(DateParser.parse("平成三十年二月三十日") == .failure(.noSuchDay))
        #expect(DateParser.parse("2018-05-10T25:00") == .failure(.unreadable), "only a real time of day is dropped")
        #expect(DateParser.parse("平成十" + String(repeating: "九", count: 40) + "年五月十日") == .failure(.unreadable), "a long run is no number")
        #expect(DateParser.parse("平成十十十十年五月十日") == .failure(.unreadable))
    }

    @Test func lastDaysOfEras() throws {
        #expect(try DateParser.parse("H31.4.30").get() == day(2019, 4, 30))
        #expect(try DateParser.parse("S64.1.7").get() == day(1989, 1, 7))
    }

    @Test("unreadable forms are refused", arguments: ["", "昨日", "2018-05", "5/10", "X30.5.10", "2018/5/10 25:00", "2018/5/10 14:3x", "2018/5/10 :30", "2018/5/10/1",
                                             "2018510", "201805100", "2018/5/10曜日", "2018/5/10 木 曜日x", ".30.5.10", "H..30.5.10"])
    func unreadable(_ text: String) {
        #expect(throws: DateProblem.self) { try DateParser.parse(text).get() }
    }

    @Test func specificProblems() {
        #expect(DateParser.parse("18/5/10") == .failure(.ambiguousYear))
        // Month and day order unknown when the year comes last: neither 5 Oct nor 10 May is guessed.
        #expect(DateParser.parse("5/10/2018") == .failure(.yearLast))
        #expect(DateParser.parse("2/29/1956") == .failure(.yearLast))
        #expect(DateParser.parse("１０．５．２０１８") == .failure(.yearLast))
        #expect(DateParser.parse("2018/2/30") == .failure(.noSuchDay))
        #expect(DateParser.parse("2019/2/29") == .failure(.noSuchDay))
        #expect(DateParser.parse("M5.1.1") == .failure(.lunisolar))
        #expect(DateParser.parse("2018/5/10(金)") == .failure(.weekdayMismatch))
        #expect(DateParser.parse("2018/5/10金曜日") == .failure(.weekdayMismatch))
        #expect(DateParser.parse("43230") == .failure(.excelSerial))
        #expect(DateParser.parse("20180230") == .failure(.noSuchDay))
        // Month and day without a year: the year is not taken from the sheet or the fiscal year.
        for text in ["5/10", "5月10日", "５月１０日", "12-1", "1.2", " 5/10 ", "5月10"] {
            #expect(DateParser.parse(text) == .failure(.noYear), "\(text)")
        }
        // The day alone, as a sheet kept per month is filled in: nor is the month taken from the sheet.
        for text in ["10", "10日", "１０日", " 3 ", "31"] {
            #expect(DateParser.parse(text) == .failure(.dayOnly), "\(text)")
        }
        #expect(DateProblem.dayOnly.advice("日付").contains("日だけで、年と月がありません"))
        #expect(DateParser.parse("32") == .failure(.unreadable), "no month has a 32nd")
        #expect(DateParser.parse("0") == .failure(.unreadable))
        #expect(DateParser.parse("2018/5") == .failure(.unreadable), "a year and a month only is no day")
        #expect(DateParser.parse("123/4") == .failure(.unreadable))
    }

    @Test func aBirthDateMayEndIn生() {
        for text in ["昭和23年5月10日生", "昭和23年5月10日 生", "S23.5.10生まれ", "1948/5/10生", "1948-05-10"] {
            #expect(DateParser.parseBirthDate(text) == .success(day(1948, 5, 10)), "\(text)")
        }
        #expect(DateParser.parseBirthDate("生") == .failure(.unreadable))
        #expect(DateParser.parseBirthDate("1948/5/10生生") == .failure(.unreadable), "one 生 only")
        #expect(DateParser.parse("昭和23年5月10日生") == .failure(.unreadable), "a visit date takes no 生")
    }

    @Test func aRunReadsA生BirthDateAndNamesAMissingYear() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,生年月日,住所,本人確認
            2018-05-10,交流,お茶会,架空 一郎,0310000001,昭和23年5月10日生,新宿区大久保2-3-4,済
            5/11,交流,お茶会,架空 一郎,0310000001,昭和23年5月10日生,新宿区大久保2-3-4,済

            """], in: dir + "/in")
        let o = try Support.run(input: dir + "/in", output: out)
        #expect(o.summary.rowsAccepted == 1)
        let rows = Support.validationRows(out)
        #expect(rows.map { [$0[0], $0[1], $0[2], $0[3]] } == [["visits/2018-05.csv", "3", "日付", "R202"]])
        #expect(rows.first?[4].contains("年がありません") == true)
    }

    @Test func eraFormatting() {
        #expect(day(2025, 4, 1).japaneseEraString == "令和7年4月1日(火)")
        #expect(day(2019, 5, 1).japaneseEraString == "令和元年5月1日(水)")
        #expect(day(2019, 4, 30).japaneseEraString == "平成31年4月30日(火)")
        #expect(day(2018, 4, 1).westernJapaneseString == "2018年4月1日(日)")
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -40_000, to: 60_000, by: 37) {
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CivilDate(year: d.year, month: d.month, day: d.day) == d)
        }
        #expect(day(1970, 1, 1).weekday == 4)
        #expect(day(2018, 4, 1).weekday == 0)
    }

    @Test func daysKeepTheirPartsAndOrderAsTheCalendarDoes() throws {
        // One number holds the three parts: each comes back, and the order is the calendar's,
        // before the common era and at the ends of the years a day can hold too.
        var days: [CivilDate] = []
        for y in [-(1 << 40), -4_713, -1, 0, 1, 1_868, 2_018, 2_019, 9_999, 1 << 40] {
            for (m, d) in [(1, 1), (2, 28), (2, 29), (12, 31), (4, 30)] {
                guard let date = CivilDate(year: y, month: m, day: d) else { continue }
                #expect((date.year, date.month, date.day) == (y, m, d))
                days.append(date)
            }
        }
        for a in days { for b in days { #expect((a < b) == ((a.year, a.month, a.day) < (b.year, b.month, b.day))) } }
        #expect(CivilDate(year: (1 << 40) + 1, month: 1, day: 1) == nil && CivilDate(year: Int.max, month: 1, day: 1) == nil)
        // An era year no calendar holds is refused, not wrapped round to some other day.
        for text in ["平成9999999999999年1月1日", "平成99999999999999999年1月1日"] {
            if case .success = DateParser.parse(text) { Issue.record("a year past the calendar was read: \(text)") }
        }
    }

    @Test func todayIsTheDayInJapan() {
        // 2018-11-30 15:30 UTC is already 1 December in Tokyo.
        #expect(CivilDate.today(now: Date(timeIntervalSince1970: 1_543_591_800)) == CivilDate(iso: "2018-12-01"))
        #expect(CivilDate.today(now: Date(timeIntervalSince1970: 1_543_588_200)) == CivilDate(iso: "2018-11-30"))
    }
}

@Suite("Age on the day, by the legal rule")
struct AgeTests {
    let visit = CivilDate(year: 2018, month: 4, day: 1)!

    @Test func birthdayEdges() {
        #expect(CivilDate(year: 1958, month: 4, day: 1)!.legalAge(on: visit) == 60)
        #expect(CivilDate(year: 1958, month: 4, day: 2)!.legalAge(on: visit) == 60)
        #expect(CivilDate(year: 1958, month: 4, day: 3)!.legalAge(on: visit) == 59)
        #expect(CivilDate(year: 1958, month: 4, day: 1)!.legalAge(on: CivilDate(year: 2018, month: 3, day: 31)!) == 60)
        #expect(CivilDate(year: 1958, month: 4, day: 1)!.legalAge(on: CivilDate(year: 2018, month: 3, day: 30)!) == 59)
    }

    @Test func leapDayBirth() {
        let born = CivilDate(year: 1956, month: 2, day: 29)!
        #expect(born.legalAge(on: CivilDate(year: 2017, month: 2, day: 27)!) == 60)
        #expect(born.legalAge(on: CivilDate(year: 2016, month: 2, day: 27)!) == 59)
        #expect(born.legalAge(on: CivilDate(year: 2016, month: 2, day: 28)!) == 60)
        #expect(born.legalAge(on: CivilDate(year: 2017, month: 2, day: 28)!) == 61)
        #expect(born.legalAge(on: CivilDate(year: 2018, month: 2, day: 28)!) == 62)
        #expect(born.legalAge(on: CivilDate(year: 2018, month: 2, day: 27)!) == 61)
    }

    @Test func beforeBirthHasNoAge() {
        #expect(CivilDate(year: 2020, month: 1, day: 1)!.legalAge(on: visit) == nil)
    }
}
