/// Everything the intake and eligibility steps learned from `Input/`: the
/// accepted records, every finding, and the counts that must reconcile.
public struct IntakeResult: Sendable {
    public let settings: Settings
    public let classes: [ClassSeries]
    /// The manager's same-person rulings (decisions.csv).
    public let rulings: Rulings
    /// Non-blank rows of the people sheets within the run's months, in
    /// (file, row) order; each is accepted, rejected or held.
    public private(set) var rows: CheckedRows
    /// All findings, sorted by file and row.
    public private(set) var findings: [Finding]
    /// Paths of sheets refused whole (their rows are not read).
    public let refusedSheets: [String]
    public private(set) var sheets: [SheetSummary]
    /// Rows dated after `through` inside the fiscal year: left for a later run.
    public let deferredRows: Int
    public let through: YearMonth
    /// The sheets read, in the input folder's order, each with the SHA-256 of the bytes read
    /// (not of the file as it is later: a sheet can be saved again while a run goes on).
    public let inputDigests: [AuditLog.FileDigest]

    /// One line per sheet read, for the front page and the audit record.
    public struct SheetSummary: Sendable {
        public let path: String
        public let kind: SheetKind
        public let encoding: TextEncoding?
        public let read: Int
        public let accepted: Int
        public let rejected: Int
        public let held: Int
        public let deferred: Int
        public let refused: Bool
    }

    public private(set) var rowsAccepted: Int
    public private(set) var rowsHeld: Int

    init(settings: Settings, classes: [ClassSeries], rulings: Rulings, rows: CheckedRows, findings: [Finding],
         refusedSheets: [String], sheets: [SheetSummary], deferredRows: Int, through: YearMonth,
         inputDigests: [AuditLog.FileDigest] = []) {
        self.settings = settings
        self.classes = classes
        self.rulings = rulings
        self.rows = rows
        self.findings = findings
        self.refusedSheets = refusedSheets
        self.sheets = sheets
        self.deferredRows = deferredRows
        self.through = through
        self.inputDigests = inputDigests
        // Counted once here and kept by `reject`: the front page, the summary, the status and
        // the validation report each asked, and each walk copied every row of a 100× year.
        var accepted = 0, held = 0
        for r in rows {
            switch r.status {
            case .accepted: accepted += 1
            case .held: held += 1
            case .rejected: break
            }
        }
        rowsAccepted = accepted
        rowsHeld = held
    }

    /// Adds findings of later steps (the schedule's room clashes) in order.
    public mutating func add(_ more: [Finding]) {
        guard !more.isEmpty else { return }
        findings += more
        findings.sort()
    }

    /// Rejects accepted rows found to repeat another (after identity), each
    /// with its finding; counts stay reconciled because the row moves from
    /// accepted to rejected. In place: a copy of every row of a 100× year
    /// for a few hundred rejections was most of this step's cost.
    public mutating func reject(_ repeats: [SourceRow: Finding]) {
        guard !repeats.isEmpty else { return }
        var accepted = rowsAccepted, held = rowsHeld
        func count(_ status: CheckedRow.Status, _ change: Int) {
            switch status {
            case .accepted: accepted += change
            case .held: held += change
            case .rejected: break
            }
        }
        rows.replace { r in
            guard let f = repeats[r.source] else { return nil }
            let new = CheckedRow(source: r.source, date: r.date, record: nil, findings: [f], classHint: r.classHint)
            count(r.status, -1)
            count(new.status, 1)
            return new
        }
        rowsAccepted = accepted
        rowsHeld = held
        add(Array(repeats.values))
        // The per-sheet counts on the front page move with the rows.
        sheets = sheets.map { sh in
            let moved = repeats.filter { $0.key.file == sh.path }
            guard !moved.isEmpty else { return sh }
            let held = moved.values.filter { $0.code.kind == .held }.count
            return SheetSummary(path: sh.path, kind: sh.kind, encoding: sh.encoding, read: sh.read, accepted: sh.accepted - moved.count,
                                rejected: sh.rejected + moved.count - held, held: sh.held + held, deferred: sh.deferred, refused: sh.refused)
        }
    }

    public var rowsRead: Int { rows.count }
    public var rowsRejected: Int { rowsRead - rowsAccepted }

    // Lazy views: several steps walk the accepted records, and building an
    // array of them for each walk copied every record of a 100× year again.
    public var members: some Sequence<GroupMember> {
        rows.records.lazy.compactMap { if case .member(let m) = $0 { return m } else { return nil } }
    }
    public var visits: some Sequence<Visit> {
        rows.records.lazy.compactMap { if case .visit(let v) = $0 { return v } else { return nil } }
    }
    public var applications: some Sequence<Application> {
        rows.records.lazy.compactMap { if case .application(let a) = $0 { return a } else { return nil } }
    }
}
