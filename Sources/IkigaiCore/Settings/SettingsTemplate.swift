/// A complete `settings.toml` in the contract's layout, for the sample
/// generator and for `ikigai init` without a previous year.
enum SettingsTemplate {
    static func text(fiscalYear: Int, note: String, wardTowns: [String], closedDates: [String]) -> String {
        """
        # \(note)
        fiscal_year = \(fiscalYear)

        [ward]
        prefecture = "東京都"
        name = "新宿区"
        towns = [\(wardTowns.map { "\"\($0)\"" }.joined(separator: ", "))]

        [area]
        name = "大久保特別出張所管内"
        towns = ["大久保1丁目", "大久保2丁目", "大久保3丁目", "百人町1丁目", "百人町2丁目", "百人町3丁目", "百人町4丁目", "北新宿1丁目", "北新宿2丁目", "北新宿3丁目", "北新宿4丁目"]
        eligible_population = 10204
        eligible_as_of = 2017-10-01
        expected_users = 4000

        [eligibility]
        min_age = 60

        [classes]
        target_sessions = 96
        lottery_seed = "\(fiscalYear)-public-seed"

        [privacy]
        min_cell = 10
        prohibited_headers = []

        [calendar]
        closed = ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"]
        closed_dates = [\(closedDates.joined(separator: ", "))]

        [[handlers]]
        name = "山田 花子"
        role = "取扱責任者"

        [[handlers]]
        name = "佐藤 一郎"
        role = "取扱者"

        """
    }
}
