import Dispatch
import Foundation
import Synchronization

/// Reads every sheet of an input folder and checks every row: the intake
/// and eligibility steps of a run. Sheets are independent, so they are read
/// and checked on all cores; the result does not depend on the order.
public enum IntakeStage {
    /// `--through` names a month outside the fiscal year.
    public struct ThroughOutsideYear: Error, Sendable {
        public let through: YearMonth
    }

    /// `only`: paths under the input folder to read (classes.csv is always
    /// read, for the class IDs); nil reads everything. `today`: the day of the run, after
    /// which a dated row is a typing error to point out (nil: not checked).
    public static func run(inputDir: String, settings: Settings, through requested: YearMonth?, only: Set<String>? = nil,
                           today: CivilDate? = nil) throws(ThroughOutsideYear) -> IntakeResult {
        if let t = requested, t < YearMonth(settings.fiscalYearStart) || YearMonth(settings.fiscalYearEnd) < t {
            throw ThroughOutsideYear(through: t)
        }
        let folder = InputFolder(root: inputDir, only: only)
        var findings = folder.refused + folder.notices
        findings += settings.unknownKeys.map {
            Finding(file: "settings.toml", row: settings.unknownKeyLines[$0], column: $0, code: .unknownSetting,
                    message: "設定キー「\($0)」はこの版では使いません。書き間違いなら直してください。")
        }
        var refused = folder.refused.map(\.file)
        let extra = settings.extraProhibitedHeaders
        let digests = InputDigests()

        // classes.csv first: visits and applications are checked against it.
        var classes: [ClassSeries] = []
        var classesState = ClassesSheetState.missing
        var sheetSummaries: [IntakeResult.SheetSummary] = []
        var rulings = Rulings.none
        for (path, kind) in folder.sheets where kind == .classes || kind == .decisions {
            switch SheetReader.read(absolutePath: inputDir + "/" + path, path: path, kind: kind, extraProhibited: extra,
                                    digests: digests) {
            case .failure(let f):
                findings.append(f)
                refused.append(path)
                if kind == .classes { classesState = .refused(path: path) }
            case .success(let sheet) where kind == .classes:
                let r = ClassSeries.readEvery(sheet)
                classes = r.classes
                classesState = r.state
                findings += r.findings
            case .success(let sheet):
                rulings = Rulings(sheet: sheet)
            }
        }
        let checker = RowChecker(settings: settings, classes: classes, classesSheet: classesState)
        let peopleSheets = folder.sheets.filter { $0.kind.countsRows }
        let outcomes = Mutex([Int: SheetOutcome]())
        // One worker per core, each with its own memo kept across the sheets it takes: a value
        // parsed in April's sheet is not parsed again in May's. Workers take the biggest sheets
        // first so that the last sheet taken is a small one and both cores finish together.
        let sizes = peopleSheets.map { FileBytes.size(inputDir + "/" + $0.path) }
        let order = peopleSheets.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let next = Atomic<Int>(0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, order.count))
        // Rows after the run's month belong to a later run. With `--through` that month is known
        // now, so each worker sets its sheet's later rows aside; without it, the month is the
        // last one with a dated row, and no row of the year is later than that.
        let cutoff = requested?.lastDay
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let memo = CellMemo()
            while true {
                let taken = next.add(1, ordering: .relaxed).oldValue
                guard taken < order.count else { return }
                let i = order[taken]
                let (path, kind) = peopleSheets[i]
                let outcome: SheetOutcome
                // Each record is checked as it is read, not held with the rest of its sheet.
                var sheet = CheckedSheet(cutoff: cutoff, settings: settings, today: today)
                let read = SheetReader.stream(absolutePath: inputDir + "/" + path, path: path, kind: kind,
                                              extraProhibited: extra, digests: digests) { record, head in
                    if sheet.rows.isEmpty { sheet.rows.reserveCapacity(head.lineFeeds) }
                    if !Sheet.isBlank(record, head.header) { sheet.add(checker.check(record, in: head, memo: memo)) }
                }
                switch read {
                case .failure(let f): outcome = .refused(f)
                case .success(let head):
                    sheet.encoding = head.encoding
                    outcome = .read(sheet)
                }
                outcomes.withLock { $0[i] = outcome }
            }
        }
        let byIndex = outcomes.withLock { $0 }

        // The run's last month: as asked, or the last month with a dated row.
        var lastMonth: YearMonth?
        for case .read(let sheet) in byIndex.values {
            if let m = sheet.lastMonth { lastMonth = max(lastMonth ?? m, m) }
        }
        let through = requested ?? lastMonth ?? YearMonth(settings.fiscalYearStart)

        var rows: [[CheckedRow]] = []
        var deferredTotal = 0
        for i in peopleSheets.indices {
            let (path, kind) = peopleSheets[i]
            switch byIndex[i] {
            case .refused(let f)?:
                findings.append(f)
                refused.append(path)
                sheetSummaries.append(.init(path: path, kind: kind, encoding: nil, read: 0, accepted: 0, rejected: 0,
                                            held: 0, deferred: 0, refused: true))
            case .read(let sheet)?:
                deferredTotal += sheet.deferred
                if let first = sheet.firstClosedDayVisit {
                    findings.append(IntakeStage.closedDayVisits(path: path, first: first, count: sheet.closedDayVisits))
                }
                if let first = sheet.firstFutureRow, let today {
                    findings.append(IntakeStage.futureRows(path: path, first: first, count: sheet.futureRows, today: today,
                                                           through: requested == nil && YearMonth(today) < through ? through : nil))
                }
                rows.append(sheet.rows)
                findings += sheet.findings
                sheetSummaries.append(.init(path: path, kind: kind, encoding: sheet.encoding, read: sheet.rows.count,
                                            accepted: sheet.accepted, rejected: sheet.rows.count - sheet.accepted - sheet.held,
                                            held: sheet.held, deferred: sheet.deferred, refused: false))
            case nil:
                break
            }
        }
        var dated = 0, outside: [Int: Int] = [:]
        for case .read(let sheet) in byIndex.values {
            dated += sheet.datedRows
            outside.merge(sheet.outsideYears, uniquingKeysWith: +)
        }
        if let notice = IntakeStage.otherFiscalYear(dated: dated, outside: outside, settings: settings) { findings.append(notice) }
        if deferredTotal > 0 {
            findings.append(Finding(file: "", row: nil, code: .afterThrough,
                message: "\(through.japanese)より後の日付の行が \(deferredTotal) 行あります。今回の集計には含めていません（その月の実行で読み込みます）。"))
        }
        let inputDigests = digests.listed(folder.sheets.map(\.path))
        // Sheets with rows only: blank sheets made ahead for the coming months are all alike.
        findings += IntakeStage.duplicateSheets(inputDigests, of: Set(sheetSummaries.filter { $0.read + $0.deferred > 0 }.map(\.path)))
        return IntakeResult(
            settings: settings, classes: classes, rulings: rulings, rows: CheckedRows(sheets: rows), findings: findings.sorted(),
            refusedSheets: refused.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            sheets: sheetSummaries, deferredRows: deferredTotal, through: through,
            inputDigests: inputDigests)
    }

    /// Rows of a sheet dated after the day of the run: no visit or application can be, so
    /// one was mistyped (2018-12-01 for 2018-11-01). Said because, without `--through`, such a
    /// row alone moves the run's month on, to statistics up to a month not yet over.
    static func futureRows(path: String, first: Int, count: Int, today: CivilDate, through: YearMonth?) -> Finding {
        let more = count > 1 ? "ほか \(count - 1) 行" : ""
        let moved = through.map { "--through を付けなかったため、今回はデータのある最後の月（\($0.japanese)）までを処理しています。日付を直して実行し直してください。" } ?? "日付の打ち間違いなら直してください。"
        return Finding(file: path, row: first, column: "", code: .futureDate,
                       message: "実行日（\(today.westernJapaneseString)）より後の日付の行があります（この行\(more)）。\(moved)")
    }

    /// Visits dated on a day the facility is closed (`calendar.closed`, `closed_dates`): no
    /// one came in, so a date was most likely mistyped (12-30 for 12-03). Counted all the same
    /// (an event held elsewhere on such a day is a visit), and said so the clerk can look.
    static func closedDayVisits(path: String, first: (row: Int, date: CivilDate), count: Int) -> Finding {
        let more = count > 1 ? "ほか \(count - 1) 行" : ""
        return Finding(file: path, row: first.row, column: "日付", code: .closedDay,
                       message: "施設の休業日（settings.toml の calendar.closed・closed_dates。この行は\(first.date.westernJapaneseString)）の来館記録があります（この行\(more)）。日付の打ち間違いなら直してください。休業日に行った行事なら、そのままで構いません（来館として数えています）。")
    }

    /// Most dated rows outside the fiscal year: settings.toml still names last year (a new year
    /// begun without `ikigai init`), not thousands of clerks' mistakes. Said once, with the year
    /// the dates are in, beside the N301 of every such row.
    static func otherFiscalYear(dated: Int, outside: [Int: Int], settings: Settings) -> Finding? {
        let total = outside.values.reduce(0, +)
        guard total * 2 > dated, let (year, _) = outside.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return Finding(file: "settings.toml", row: nil, column: "fiscal_year", code: .otherFiscalYear,
                       message: "日付のある行 \(dated) 行のうち \(total) 行が settings.toml の年度（\(settings.fiscalYear)年度）の外で、"
                           + "多くは\(year)年度の日付です。年度が変わったなら、ikigai init --fiscal-year \(year) で新しい年度の入力フォルダを作り、シートをそちらに置いてください。")
    }

    /// A sheet saved twice (「2018-05 - コピー.csv」 beside 「2018-05.csv」) rejects every row of
    /// one copy as a repeated visit, one line each in the validation report; said once here,
    /// naming both, and neither called the copy (names do not tell which one the clerk keeps).
    /// Compared by the digest of the bytes read.
    static func duplicateSheets(_ digests: [AuditLog.FileDigest], of sheets: Set<String>) -> [Finding] {
        var first: [String: String] = [:]
        var out: [Finding] = []
        for d in digests where sheets.contains(d.path) {
            if let original = first[d.sha256] {
                out.append(Finding(file: d.path, row: nil, code: .duplicateSheet,
                    message: "\(original) と中身がまったく同じです。同じシートを2つ置いていないか確認し、不要な方を削除してください（この実行では、こちらの行をすべて二重入力（R219）として却下し、利用回数に数えていません）。"))
            } else {
                first[d.sha256] = d.path
            }
        }
        return out
    }

    enum SheetOutcome: Sendable {
        case refused(Finding)
        case read(CheckedSheet)
    }

    /// One sheet's checked rows and their accounting, kept by the worker that reads it as each
    /// row is checked: afterwards, on one core, the passes over millions of rows showed at 100×,
    /// and so did a second pass on the worker that copied every row to count it.
    struct CheckedSheet: Sendable {
        var encoding = TextEncoding.utf8
        /// The rows of this run, in file order.
        var rows: [CheckedRow] = []
        /// Rows dated after `cutoff` in the fiscal year: not read now.
        private(set) var deferred = 0
        private(set) var accepted = 0
        private(set) var held = 0
        private(set) var findings: [Finding] = []
        /// The last month of the fiscal year with a dated row, deferred rows included.
        private(set) var lastMonth: YearMonth?
        /// Rows with a date read, and those outside the fiscal year by the fiscal year they are in.
        private(set) var datedRows = 0
        private(set) var outsideYears: [Int: Int] = [:]
        /// Rows dated after the day of the run, and the first of them.
        private(set) var futureRows = 0
        private(set) var firstFutureRow: Int?
        /// Accepted visits dated on a day the facility is closed, and the first of them.
        private(set) var closedDayVisits = 0
        private(set) var firstClosedDayVisit: (row: Int, date: CivilDate)?
        private let cutoff: CivilDate?
        private let today: CivilDate?
        private let year: ClosedRange<CivilDate>
        private let closed: Set<CivilDate>

        init(cutoff: CivilDate?, settings: Settings, today: CivilDate? = nil) {
            self.cutoff = cutoff
            self.today = today
            year = settings.fiscalYearStart...settings.fiscalYearEnd
            closed = settings.closedDays(through: settings.fiscalYearEnd)
        }

        /// `consuming`: the row is moved into `rows`, not copied there and then dropped by the
        /// caller (a retain and a release of its file name, record and findings, for every row).
        mutating func add(_ r: consuming CheckedRow) {
            if let d = r.date, let today, d > today {
                futureRows += 1
                if firstFutureRow == nil { firstFutureRow = r.source.row }
            }
            if case .visit(let v)? = r.record, closed.contains(v.date), cutoff.map({ v.date <= $0 }) ?? true {
                closedDayVisits += 1
                if firstClosedDayVisit == nil { firstClosedDayVisit = (r.source.row, v.date) }
            }
            if let d = r.date {
                datedRows += 1
                if !year.contains(d) { outsideYears[d.month >= 4 ? d.year : d.year - 1, default: 0] += 1 }
            }
            if let d = r.date, year.contains(d) {
                lastMonth = max(lastMonth ?? YearMonth(d), YearMonth(d))
                if let cutoff, d > cutoff {
                    deferred += 1
                    return
                }
            }
            if !r.findings.isEmpty { findings += r.findings }
            switch r.status {
            case .accepted: accepted += 1
            case .held: held += 1
            case .rejected: break
            }
            rows.append(consume r)
        }
    }
}
