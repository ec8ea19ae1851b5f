import ArgumentParser
import IkigaiCore

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "指定した年の祝日・休日を date,name の CSV で表示します（法律の規則から計算）。",
        discussion: "例: ikigai holidays 2025 2026"
    )

    @Argument(help: "西暦の年（1980〜2099）。複数指定できます")
    var years: [Int]

    func validate() throws {
        guard !years.isEmpty else { throw ValidationError("年を1つ以上指定してください (give at least one year)") }
        for y in years where !JapaneseHolidays.supportedYears.contains(y) {
            throw ValidationError("\(y) 年は計算できません。1980〜2099 年を指定してください (years 1980–2099 only)")
        }
    }

    func run() {
        print("date,name")
        for y in years {
            for h in JapaneseHolidays.holidays(in: y) { print("\(h.date.iso),\(h.name)") }
        }
    }
}
