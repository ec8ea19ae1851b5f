/// `stats/usage.html` and `stats/*.csv`: the statistics the ward may
/// publish, after disclosure control, with charts drawn as inline SVG and
/// the suppression rules explained in plain Japanese on the page.
struct UsagePage {
    let stats: UsageStatistics
    let settings: Settings
    let through: YearMonth

    struct Cell { let text: String; let css: String }
    struct Row { let label: String; let cells: [Cell] }
    struct Table { let title: String; let unit: String; let file: String; let headers: [String]; let rows: [Row] }
    struct Rate { let label: String; let capacity: String; let sessions: String; let average: String; let fill: String; let ratio: String }

    struct View {
        let rates: [Rate]
        let title: String; let ward: String; let through: String; let minCell: Int; let minCellMinus1: Int
        let coverage: String; let progress: String; let coverageNote: String; let progressNote: String
        let chartPeople: String; let chartPrograms: String; let chartAges: String; let tables: [Table]
    }

    var view: View {
        let s = settings
        let tables = stats.tables.map { t in
            Table(title: t.title, unit: t.unit, file: "stats/\(t.name).csv", headers: t.colLabels,
                  rows: t.rowKeys.indices.map { r in
                      Row(label: t.rowLabels[r], cells: t.colKeys.indices.map { c in
                          Cell(text: t.shown(r, c), css: t.suppressed[r][c] ? "num hidden" : "num")
                      })
                  })
        }
        let peopleInArea = stats.tables.first { $0.name == "people_by_area" }.map { t -> String in
            let areaRows = t.rowKeys.indices.filter { t.rowKeys[$0].hasPrefix("area:") }
            let hidden = areaRows.contains { t.suppressed[$0][t.colKeys.count - 1] }
            return hidden ? "（丁目別の一部を秘匿）" : ""
        } ?? ""
        return View(
            rates: rates,
            title: "いきがい事業 利用統計 \(s.fiscalYear)年度（\(through.japanese)まで）", ward: "\(s.prefecture)\(s.wardName) \(s.area.name)",
            through: through.japanese, minCell: s.minCell, minCellMinus1: s.minCell - 1,
            coverage: Format.percent(Double(stats.peopleInArea) / Double(s.area.eligiblePopulation)),
            progress: Format.percent(Double(stats.people) / Double(s.area.expectedUsers)),
            coverageNote: "\(s.area.name)に住む利用者 \(Format.number(stats.peopleInArea)) 人 ÷ 対象者 \(Format.number(s.area.eligiblePopulation)) 人（\(s.area.eligibleAsOf.westernJapaneseString)現在の60歳以上）\(peopleInArea)",
            progressNote: "利用者 \(Format.number(stats.people)) 人 ÷ 見込み \(Format.number(s.area.expectedUsers)) 人",
            chartPeople: cumulativeChart, chartPrograms: programChart, chartAges: ageChart, tables: tables)
    }

    /// Class fill rates and lottery oversubscription, computed only from
    /// published counts: a rate over a hidden count is hidden too.
    var rates: [Rate] {
        guard let t = stats.tables.first(where: { $0.name == "classes" }) else { return [] }
        return t.rowKeys.indices.compactMap { r in
            let key = t.rowKeys[r]
            let capacity = stats.capacities[key] ?? 0
            let sessions = t.values[r][0], visits = t.values[r][1], applicants = t.values[r][2]
            let visitsShown = !t.suppressed[r][1], applicantsShown = !t.suppressed[r][2]
            let average = visitsShown && sessions > 0 ? Format.ratio(visits, sessions) : (sessions == 0 ? "-" : "*")
            let fill = visitsShown && sessions > 0 && capacity > 0 ? Format.percent(Double(visits) / Double(sessions * capacity)) : (sessions == 0 ? "-" : "*")
            let ratio = stats.lotteryClasses.contains(key) ? (applicantsShown ? Format.ratio(applicants, capacity) + " 倍" : "*") : "（自由参加）"
            return Rate(label: t.rowLabels[r], capacity: String(capacity), sessions: String(sessions), average: average, fill: fill, ratio: ratio)
        }
    }

    /// Line: distinct people so far, month by month, against the expected-users line.
    var cumulativeChart: String {
        guard let t = stats.tables.first(where: { $0.name == "people_cumulative" }), let allRow = t.rowKeys.firstIndex(of: "all") else { return "" }
        let months = t.colKeys
        // A hidden point is left out of the line, never drawn at its value.
        let points = months.indices.map { t.suppressed[allRow][$0] ? nil : Optional(t.values[allRow][$0]) }
        let target = settings.area.expectedUsers
        let top = max(target, points.compactMap { $0 }.max() ?? 0) * 11 / 10 + 1
        let w = 520.0, h = 220.0, left = 50.0, bottom = 30.0
        func x(_ i: Int) -> Double { left + (w - left - 10) * Double(i) / Double(max(1, 11)) }
        func y(_ v: Int) -> Double { h - bottom - (h - bottom - 10) * Double(v) / Double(top) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
        svg += "<title>利用者数（実人数）の推移と見込み</title>"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(w - 10)\" y2=\"\(y(0))\" stroke=\"#333\"/>"
        let step = max(1, top / 4 / 500 * 500)
        for v in stride(from: step, to: top, by: step) {
            svg += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(w - 10)\" y2=\"\(y(v))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 4)\" y=\"\(y(v) + 4)\" font-size=\"10\" text-anchor=\"end\">\(Format.number(v))</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(y(target))\" x2=\"\(w - 10)\" y2=\"\(y(target))\" stroke=\"#c22\" stroke-dasharray=\"6 4\"/>"
        svg += "<text x=\"\(w - 12)\" y=\"\(y(target) - 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#c22\">見込み \(Format.number(target)) 人</text>"
        let path = points.enumerated().compactMap { i, v in v.map { "\(x(i)),\(y($0))" } }.joined(separator: " ")
        svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#036\" stroke-width=\"2.5\"/>"
        for (i, v) in points.enumerated() {
            if let v { svg += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"3\" fill=\"#036\"/>" }
        }
        for (i, key) in months.enumerated() {
            svg += "<text x=\"\(x(i))\" y=\"\(h - 10)\" font-size=\"11\" text-anchor=\"middle\">\(key.suffix(2).drop { $0 == "0" })月</text>"
        }
        if let last = points.last ?? nil {
            svg += "<text x=\"\(x(points.count - 1) - 6)\" y=\"\(y(last) + 16)\" font-size=\"11\" text-anchor=\"end\">\(Format.number(last)) 人</text>"
        }
        return svg + "</svg>"
    }

    /// Bars: distinct people of each program this year.
    var programChart: String {
        guard let t = stats.tables.first(where: { $0.name == "people_by_program_month" }) else { return "" }
        let fy = t.colKeys.count - 1
        return bars(t.rowKeys.indices.map { (t.rowLabels[$0], t.values[$0][fy], t.suppressed[$0][fy]) }, title: "事業別の利用者数（実人数）")
    }

    /// Bars: people by age band (all programs).
    var ageChart: String {
        guard let t = stats.tables.first(where: { $0.name == "people_by_age" }) else { return "" }
        let all = t.colKeys.count - 1
        return bars(t.rowKeys.indices.filter { t.rowKeys[$0] != "total" }.map { (t.rowLabels[$0], t.values[$0][all], t.suppressed[$0][all]) },
                    title: "年齢階級別の利用者数（実人数）")
    }

    /// Horizontal bars; a hidden count is drawn as a hatched stub with `*`, never its value.
    func bars(_ items: [(String, Int, Bool)], title: String) -> String {
        let w = 520.0, rowH = 22.0, left = 170.0
        let h = Double(items.count) * rowH + 20
        let top = max(1, items.filter { !$0.2 }.map(\.1).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\"><title>\(title)</title>"
        for (i, (label, value, hidden)) in items.enumerated() {
            let yy = 10 + Double(i) * rowH
            svg += "<text x=\"\(left - 6)\" y=\"\(yy + 14)\" font-size=\"11\" text-anchor=\"end\">\(UsagePage.xml(label))</text>"
            let len = hidden ? 6 : (w - left - 70) * Double(value) / Double(top)
            svg += "<rect x=\"\(left)\" y=\"\(yy + 3)\" width=\"\(len)\" height=\"\(rowH - 8)\" fill=\"\(hidden ? "#bbb" : "#4a7ab0")\"/>"
            svg += "<text x=\"\(left + len + 4)\" y=\"\(yy + 14)\" font-size=\"11\">\(hidden ? "*" : Format.number(value))</text>"
        }
        return svg + "</svg>"
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// One CSV per table; the first line says what `*` means.
    func csv(_ t: StatTable) -> CSVTable {
        var rows: [[String]] = [["# * は \(settings.minCell - 1) 以下（1〜\(settings.minCell - 1)）の値、または他の表や前月の表から計算で分かってしまうため伏せた値です。0 は 0 です。"]]
        rows.append(["区分"] + t.colLabels)
        rows += t.rowKeys.indices.map { r in [t.rowLabels[r]] + t.colKeys.indices.map { t.shown(r, $0) } }
        return CSVTable(header: [t.title + "（単位: \(t.unit.isEmpty ? "回・人" : t.unit)、\(through.japanese)まで）"], rows: rows)
    }
}
