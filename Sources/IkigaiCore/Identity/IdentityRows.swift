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
        walk(keeping: { _ in true }) { _, r in body(r) }
    }

    /// Calls `body` with each row whose person `keep` accepts, and the row's place among all
    /// the rows walked, in (file, row) order. A row not kept costs no copy of its fields:
    /// each half of the profile pass walks every row and keeps half of them, and building
    /// the other half's rows only to drop them was a third of that pass. `body` is called right
    /// after `keep` accepts a row, with that row, before `keep` sees the next: the profile pass
    /// relies on it to reuse what its `keep` worked out.
    func walk(keeping keep: (PersonFields) -> Bool, _ body: (Int, IdentityRow) -> Void) {
        var position = 0
        switch storage {
        case .checked(let rows):
            // Intake hands its rows over in (file, row) order; the check compares sources only,
            // and the sort is for rows assembled some other way.
            if rows.isInSourceOrder {
                rows.forEachRecord { _, record in
                    defer { position += 1 }
                    let kept: Bool
                    switch record {
                    case .member(let m): kept = keep(m.person)
                    case .visit(let v): kept = keep(v.person)
                    case .application(let a): kept = keep(a.person)
                    }
                    if kept { body(position, record.identityRow) }
                }
            } else {
                for r in rows.compactMap({ $0.record?.identityRow }).sorted(by: { $0.source < $1.source }) {
                    if keep(r.person) { body(position, r) }
                    position += 1
                }
            }
        case .plain(let rows):
            let ordered = IdentityRows.inOrder(rows.lazy.map(\.source)) ? rows : rows.sorted(by: { $0.source < $1.source })
            for r in ordered {
                if keep(r.person) { body(position, r) }
                position += 1
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
