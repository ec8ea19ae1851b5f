import Foundation

/// Where a record came from: the sheet and Excel's row number.
public struct SourceRow: Sendable, Hashable, Comparable {
    public let file: String
    public let row: Int
    /// The file name's hash, taken once: rows are looked up by source in
    /// several steps, and hashing the path string on every lookup showed in
    /// the profile. `String.hashValue` respects String equality, so equal
    /// sources still hash alike.
    let fileHash: Int

    public init(file: String, row: Int) {
        self.file = file
        self.row = row
        self.fileHash = file.hashValue
    }

    /// For rows of a sheet whose name was hashed already.
    init(file: String, row: Int, fileHash: Int) {
        self.file = file
        self.row = row
        self.fileHash = fileHash
    }

    public static func == (a: SourceRow, b: SourceRow) -> Bool {
        a.row == b.row && a.fileHash == b.fileHash && a.file == b.file
    }

    public func hash(into h: inout Hasher) {
        h.combine(row)
        h.combine(fileHash)
    }

    public static func < (a: SourceRow, b: SourceRow) -> Bool {
        a.fileHash == b.fileHash && a.file == b.file ? a.row < b.row : SourceRow.bytesPrecede(a.file, b.file)
    }

    /// The order of the UTF-8 bytes (as `utf8.lexicographicallyPrecedes`), by memcmp: the
    /// generic walk over two UTF-8 views cost hundreds of instructions for each comparison of
    /// rows from two sheets, as the same-person step makes for every row.
    static func bytesPrecede(_ x: String, _ y: String) -> Bool { Text.compareBytes(x, y) < 0 }
}

/// The three programs of the contract.
public enum Program: String, Sendable, CaseIterable, Comparable {
    /// いきがいづくり支援: self-run hobby groups (groups/*.csv).
    case ikigai
    /// 地域交流支援: community exchange events (交流 visits).
    case exchange
    /// 介護予防: care-prevention classes (介護予防 visits, applications).
    case prevention

    public var japanese: String {
        switch self {
        case .ikigai: return "いきがいづくり支援"
        case .exchange: return "地域交流支援"
        case .prevention: return "介護予防"
        }
    }

    public static func < (a: Program, b: Program) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// A person as one row writes them. The birth date is not kept: it is turned
/// into the age on the row's date and dropped (data minimisation).
public struct PersonFields: Sendable, Hashable {
    /// As written, trimmed: what rosters print.
    public let name: String
    public let kana: String?
    public let phone: PhoneNumber
    /// `NameFolding.name(name)`, the form the same-person rules compare. Folded here, while
    /// intake runs on every core: in the identity step, when it ran on one core, folding
    /// (even memoised) was a seventh of the step at 100×.
    public let foldedName: String

    public init(name: String, kana: String?, phone: PhoneNumber) {
        self.name = name
        self.kana = kana
        self.phone = phone
        foldedName = NameFolding.name(name)
    }

    /// NFKC with all white space removed: the name key of the baseline resolver
    /// (`ExactKeyResolver`). Worked out when asked, not kept: the run's resolver never asks, and
    /// a third name on each of millions of records was memory and time for nothing.
    public var nameKey: String { Text.removingWhitespace(name) }
}

/// Where a person lives, as far as eligibility and statistics need.
public struct Residence: Sendable, Hashable {
    /// As written, trimmed: for the lottery contact list only.
    public let written: String
    public let town: String?
    public let chome: Int?
    /// The house within the town (`HouseNumber`), for the same-person rules only.
    public let house: HouseNumber?
    /// In the branch-office area the eligible population refers to.
    public let inArea: Bool
}

// The three accepted records are immutable classes, not structs: every later step walks the
// millions of rows, and taking a struct record out of a row copied it, one retain and one
// release for each of its strings, on both cores at once over the same strings. A class
// record is taken out with one retain. Nothing in them can change after intake.

/// An accepted row of groups/*.csv (program 1).
public final class GroupMember: Sendable {
    public let source: SourceRow
    public let group: String
    public let person: PersonFields

    init(source: SourceRow, group: String, person: PersonFields) {
        self.source = source
        self.group = group
        self.person = person
    }
}

/// An accepted row of visits/*.csv (programs 2 and 3).
public final class Visit: Sendable {
    public let source: SourceRow
    public let date: CivilDate
    public let program: Program
    /// The event title (交流) or the class ID (介護予防).
    public let event: String
    public let person: PersonFields
    public let age: Int
    public let residence: Residence

    init(source: SourceRow, date: CivilDate, program: Program, event: String, person: PersonFields, age: Int,
         residence: Residence) {
        self.source = source
        self.date = date
        self.program = program
        self.event = event
        self.person = person
        self.age = age
        self.residence = residence
    }
}

/// An accepted row of applications/*.csv (program 3, lottery classes).
public final class Application: Sendable {
    public let source: SourceRow
    public let appliedOn: CivilDate
    public let classID: String
    public let person: PersonFields
    public let age: Int
    public let residence: Residence

    init(source: SourceRow, appliedOn: CivilDate, classID: String, person: PersonFields, age: Int, residence: Residence) {
        self.source = source
        self.appliedOn = appliedOn
        self.classID = classID
        self.person = person
        self.age = age
        self.residence = residence
    }
}
