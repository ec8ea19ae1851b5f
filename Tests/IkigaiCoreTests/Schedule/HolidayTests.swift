import Foundation
import Testing
@testable import IkigaiCore

@Suite("Japanese holidays from the law")
struct HolidayTests {
    /// The fixture: dates exact; names compared for the named holidays only,
    /// since substitute days are named differently by different sources.
    static let fixture: [(date: String, name: String)] = {
        let text = (try? String(contentsOfFile: Support.fixture("holidays-jp-2000-2030.csv"), encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let p = line.split(separator: ",", maxSplits: 1).map(String.init)
            return p.count == 2 ? (p[0], p[1].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        }
    }()

    @Test("every date of the fixture, year by year", arguments: 2000...2030)
    func fixtureYear(_ year: Int) {
        let expected = HolidayTests.fixture.filter { $0.date.hasPrefix("\(year)-") }
        #expect(!expected.isEmpty)
        let computed = JapaneseHolidays.holidays(in: year)
        #expect(computed.map(\.date.iso) == expected.map(\.date))
        for (c, e) in zip(computed, expected) where !e.name.contains("振替休日") && e.name != "国民の休日" {
            #expect(c.name == e.name, "\(e.date)")
        }
    }

    func name(_ iso: String) -> String? {
        guard let d = CivilDate(iso: iso) else { return nil }
        return JapaneseHolidays.holidays(in: d.year).first { $0.date == d }?.name
    }

    @Test func namedEdgeCases() {
        #expect(name("2019-04-30") == "国民の休日")
        #expect(name("2019-05-01") == "天皇の即位の日")
        #expect(name("2019-05-02") == "国民の休日")
        #expect(name("2019-10-22") == "即位礼正殿の儀")
        #expect(name("2019-12-23") == nil, "no 天皇誕生日 in 2019")
        #expect(name("2020-02-23") == "天皇誕生日")
        #expect(name("2020-07-24") == "スポーツの日")
        #expect(name("2020-07-23") == "海の日")
        #expect(name("2020-08-10") == "山の日")
        #expect(name("2021-07-23") == "スポーツの日")
        #expect(name("2021-08-08") == "山の日")
        #expect(name("2021-08-09") == "山の日 振替休日")
        #expect(name("2021-10-11") == nil, "スポーツの日 moved to July in 2021")
        #expect(name("2009-09-22") == "国民の休日")
        #expect(name("2015-09-22") == "国民の休日")
        #expect(name("2018-12-24") == "天皇誕生日 振替休日")
        #expect(name("2020-05-06") == "憲法記念日 振替休日", "the post-2007 rule: first day that is not a holiday")
        #expect(name("2006-05-04") == "国民の休日")
    }

    @Test func beyondTheFixtureTo2050() {
        // Spot checks by the same rules: equinoxes and Happy Mondays.
        #expect(name("2050-03-20") == "春分の日")
        #expect(name("2050-09-23") == "秋分の日")
        #expect(name("2044-09-22") == "秋分の日")
        #expect(name("2032-09-20") == "敬老の日")
        #expect(name("2032-09-21") == "国民の休日", "silver week: between 敬老の日 and 秋分の日")
        #expect(name("2032-09-22") == "秋分の日")
        #expect(name("2049-01-11") == "成人の日")
        for y in 2031...2050 {
            let h = JapaneseHolidays.holidays(in: y)
            #expect(h.count >= 16 && h.count <= 22, "\(y)")
            #expect(Set(h.map(\.date)).count == h.count, "one name per day in \(y)")
            #expect(h.filter { $0.date.weekday == 0 && $0.name.contains("振替") }.isEmpty, "\(y)")
        }
    }
}
