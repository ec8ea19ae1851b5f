/// The rows the identity step reads, walked in (file, row) order: a run's
/// checked rows (of which only the accepted are seen) or plain identity rows
/// (tests, the identity benchmark).
///
/// A concrete type rather than a generic collection: the resolver is called
/// through `any IdentityResolver`, and a generic parameter there left the walk
/// over millions of rows unspecialised (a lazy `compactMap` through witness
/// tables and metadata look-ups, a third of the identity step at 100×).
public struct IdentityRows: Sendable {
    private enum Storage: Sendable {
        case checked(CheckedRows)
        case plain([IdentityRow])
    }

    private let storage: Storage

    /// The accepted rows among `rows`.
    public init(checked rows: CheckedRows) { storage = .checked(rows) }

    public init(_ rows: [IdentityRow]) { storage = .plain(rows) }

    /// At most the number of rows walked (rejected checked rows are skipped).
    public var capacityHint: Int {
        switch storage {
        case .checked(let rows): return rows.count
        case .plain(let rows): return rows.count
        }
    }

    /// Calls `body` with each row, in (file, row) order.
    public func walk(_ body: (IdentityRow) -> Void) {
        switch storage {
        case .checked(let rows):
            // Intake hands its rows over in (file, row) order; the check compares sources only,
            // and the sort is for rows assembled some other way.
            if IdentityRows.inOrder(rows.lazy.map(\.source)) {
                for r in rows { if let record = r.record { body(record.identityRow) } }
            } else {
                for r in rows.compactMap({ $0.record?.identityRow }).sorted(by: { $0.source < $1.source }) { body(r) }
            }
        case .plain(let rows):
            if IdentityRows.inOrder(rows.lazy.map(\.source)) {
                for r in rows { body(r) }
            } else {
                for r in rows.sorted(by: { $0.source < $1.source }) { body(r) }
            }
        }
    }

    private static func inOrder<S: Collection<SourceRow>>(_ sources: S) -> Bool {
        var last: SourceRow?
        for s in sources {
            if let l = last, s < l { return false }
            last = s
        }
        return true
    }
}
