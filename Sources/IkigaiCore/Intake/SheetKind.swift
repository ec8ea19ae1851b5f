/// The kinds of sheet in `Input/`, each with the columns it may hold.
public enum SheetKind: String, Sendable, CaseIterable {
    case groups, visits, applications, classes, decisions

    /// Columns that must be present. `age`/`birthDate` are handled apart: a
    /// person sheet needs at least one of the two.
    public var required: [Column] {
        switch self {
        case .groups: return [.group, .name, .phone]
        case .visits: return [.date, .program, .event, .name, .phone, .address, .idChecked]
        case .applications: return [.appliedOn, .classID, .name, .phone, .address, .idChecked]
        case .classes: return [.classID, .title, .kind, .capacity, .weekday, .weeks, .start, .end, .room, .from, .until, .onHoliday]
        case .decisions: return [.pairID, .ruling]
        }
    }

    public var optional: [Column] {
        switch self {
        case .groups: return [.kana]
        case .visits, .applications: return [.age, .birthDate, .kana]
        case .classes: return [.deadline]
        // The columns of people/review.csv may stay in, so that the manager can save a copy of it as decisions.csv.
        case .decisions: return [.note, .decidedBy, .decidedOn, .fileA, .rowA, .fileB, .rowB, .likelihood, .reasonsFor, .reasonsAgainst]
        }
    }

    public var allowed: [Column] { required + optional }

    /// Whether the sheet needs 年齢 or 生年月日.
    public var needsAgeOrBirthDate: Bool { self == .visits || self == .applications }

    /// Whether its rows are counted in `rows` of summary.json (the intake
    /// sheets of people; not classes.csv or decisions.csv).
    public var countsRows: Bool { self == .groups || self == .visits || self == .applications }

    /// The folder under `Input/` that holds sheets of this kind (the file itself for the two
    /// single sheets).
    public var folder: String {
        switch self {
        case .groups: return "groups"
        case .visits: return "visits"
        case .applications: return "applications"
        case .classes: return "classes.csv"
        case .decisions: return "decisions.csv"
        }
    }

    /// Which kind a path under `Input/` is, or nil for files that are no sheet.
    public static func of(path: String) -> SheetKind? {
        let parts = path.split(separator: "/")
        guard let last = parts.last, last.lowercased().hasSuffix(".csv") else { return nil }
        // Folder names in any case: Windows and macOS treat `Groups` and `groups` as one folder,
        // so a clerk who typed it either way expects it read.
        let place = (parts.count == 1 ? last : parts[0]).lowercased()
        let kinds: [SheetKind] = parts.count == 1 ? [.classes, .decisions] : [.groups, .visits, .applications]
        return kinds.first { $0.folder == place }
    }
}
