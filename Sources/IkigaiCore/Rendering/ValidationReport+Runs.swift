/// Consecutive rows with one and the same finding, shown as one line of `validation.html`.
///
/// A sheet with a problem of its own (last year's sheet in this year's folder, a column of
/// dates typed without the year) gave a line for every row: at five years of history in one
/// folder, 94,000 lines and a 19 MB page the manager could not read. `validation.csv` keeps
/// one line per row and finding, as the contract has it.
extension ValidationReport {
    /// Runs this long or longer are one line.
    static let shortestRun = 3

    /// The lines of one sheet's table: `findings` in order, with each run of `shortestRun` or
    /// more consecutive rows with the same column, code and message as one line (`2〜1890`)
    /// where its first row stands.
    static func items(_ findings: ArraySlice<Finding>) -> [Item] {
        struct Key: Hashable { let column: String; let code: FindingCode; let message: String }
        // First pass: each finding's run, as the index of the run's first finding.
        var runStart: [Int: Int] = [:]            // finding index → index of its run's first finding
        var runEnd: [Int: Int] = [:]              // first finding index → last row of the run
        var open: [Key: (first: Int, row: Int)] = [:]
        for (i, f) in zip(findings.indices, findings) {
            guard let row = f.row else { continue }
            let key = Key(column: f.column, code: f.code, message: f.message)
            if let run = open[key], run.row == row - 1 {
                runStart[i] = run.first
                runEnd[run.first] = row
                open[key] = (run.first, row)
            } else {
                open[key] = (i, row)
            }
        }
        func isLong(_ first: Int) -> Bool {
            guard let start = findings[first].row, let end = runEnd[first] else { return false }
            return end - start + 1 >= shortestRun
        }
        var items: [Item] = []
        for (i, f) in zip(findings.indices, findings) {
            if let first = runStart[i], isLong(first) { continue }
            if let start = f.row, isLong(i), let end = runEnd[i] {
                items.append(Item(row: "\(start)〜\(end)", column: f.column, code: f.code.rawValue,
                                  message: f.message + "（\(end - start + 1)行とも）"))
            } else {
                items.append(Item(row: f.row.map(String.init) ?? "シート全体", column: f.column, code: f.code.rawValue, message: f.message))
            }
        }
        return items
    }
}
