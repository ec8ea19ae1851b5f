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
    /// read, for the class IDs); nil reads everything.
    public static func run(inputDir: String, settings: Settings, through requested: YearMonth?, only: Set<String>? = nil)
        throws(ThroughOutsideYear) -> IntakeResult {
        if let t = requested, t < YearMonth(settings.fiscalYearStart) || YearMonth(settings.fiscalYearEnd) < t {
            throw ThroughOutsideYear(through: t)
        }
        let folder = InputFolder(root: inputDir, only: only)
        var findings = folder.refused + folder.notices
        findings += settings.unknownKeys.map {
            Finding(file: "settings.toml", row: nil, column: $0, code: .unknownSetting,
                    message: "設定キー「\($0)」はこの版では使いません。書き間違いなら直してください。")
        }
        var refused = folder.refused.map(\.file)
        let extra = settings.extraProhibitedHeaders

        // classes.csv first: visits and applications are checked against it.
        var classes: [ClassSeries] = []
        var sheetSummaries: [IntakeResult.SheetSummary] = []
        var rulings = Rulings.none
        for (path, kind) in folder.sheets where kind == .classes || kind == .decisions {
            switch SheetReader.read(absolutePath: inputDir + "/" + path, path: path, kind: kind, extraProhibited: extra) {
            case .failure(let f):
                findings.append(f)
                refused.append(path)
            case .success(let sheet) where kind == .classes:
                let r = ClassSeries.readAll(sheet)
                classes = r.classes
                findings += r.findings
            case .success(let sheet):
                rulings = Rulings(sheet: sheet)
            }
        }
        let checker = RowChecker(settings: settings, classes: classes)
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
                var rows: [CheckedRow] = []
                let read = SheetReader.stream(absolutePath: inputDir + "/" + path, path: path, kind: kind,
                                              extraProhibited: extra) { record, head in
                    if !Sheet.isBlank(record) { rows.append(checker.check(record, in: head, memo: memo)) }
                }
                switch read {
                case .failure(let f): outcome = .refused(f)
                case .success(let sheet): outcome = .read(CheckedSheet(rows, encoding: sheet.encoding, cutoff: cutoff, settings: settings))
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
                rows.append(sheet.rows)
                findings += sheet.findings
                sheetSummaries.append(.init(path: path, kind: kind, encoding: sheet.encoding, read: sheet.rows.count,
                                            accepted: sheet.accepted, rejected: sheet.rows.count - sheet.accepted - sheet.held,
                                            held: sheet.held, deferred: sheet.deferred, refused: false))
            case nil:
                break
            }
        }
        if deferredTotal > 0 {
            findings.append(Finding(file: "", row: nil, code: .afterThrough,
                message: "\(through.japanese)より後の日付の行が \(deferredTotal) 行あります。今回の集計には含めていません（その月の実行で読み込みます）。"))
        }
        return IntakeResult(
            settings: settings, classes: classes, rulings: rulings, rows: CheckedRows(sheets: rows), findings: findings.sorted(),
            refusedSheets: refused.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            sheets: sheetSummaries, deferredRows: deferredTotal, through: through)
    }

    enum SheetOutcome: Sendable {
        case refused(Finding)
        case read(CheckedSheet)
    }

    /// One sheet's checked rows and their accounting, worked out by the worker that read it:
    /// done afterwards on one core, the passes over millions of rows showed at 100×.
    struct CheckedSheet: Sendable {
        let encoding: TextEncoding
        /// The rows of this run, in file order.
        let rows: [CheckedRow]
        /// Rows dated after `cutoff` in the fiscal year: not read now.
        let deferred: Int
        let accepted: Int
        let held: Int
        let findings: [Finding]
        /// The last month of the fiscal year with a dated row, deferred rows included.
        let lastMonth: YearMonth?

        init(_ all: [CheckedRow], encoding: TextEncoding, cutoff: CivilDate?, settings: Settings) {
            self.encoding = encoding
            let isLater = { (r: CheckedRow) in
                guard let cutoff, let d = r.date else { return false }
                return d > cutoff && settings.inFiscalYear(d)
            }
            let inScope = all.contains(where: isLater) ? all.filter { !isLater($0) } : all
            rows = inScope
            deferred = all.count - inScope.count
            var accepted = 0, held = 0
            var findings: [Finding] = []
            for r in inScope {
                findings += r.findings
                switch r.status {
                case .accepted: accepted += 1
                case .held: held += 1
                case .rejected: break
                }
            }
            self.accepted = accepted
            self.held = held
            self.findings = findings
            var last: YearMonth?
            for r in all { if let d = r.date, settings.inFiscalYear(d) { last = max(last ?? YearMonth(d), YearMonth(d)) } }
            lastMonth = last
        }
    }
}
