/// Every column the intake contract allows, with its Japanese header and
/// English alias.
public enum Column: String, Sendable, CaseIterable {
    case group, name, phone, kana
    case date, program, event, age, birthDate = "birth_date", address, idChecked = "id_checked"
    case appliedOn = "applied_on", classID = "class_id"
    case title, kind, capacity, weekday, weeks, start, end, room, from, until, onHoliday = "on_holiday", deadline
    case pairID = "pair", ruling, note, decidedBy = "decided_by", decidedOn = "decided_on"
    case fileA = "file_a", rowA = "row_a", fileB = "file_b", rowB = "row_b", likelihood
    case reasonsFor = "reasons_for", reasonsAgainst = "reasons_against"

    /// The header the ward's sheets use.
    public var japanese: String {
        switch self {
        case .group: return "グループ名"
        case .name: return "氏名"
        case .phone: return "電話番号"
        case .kana: return "フリガナ"
        case .date: return "日付"
        case .program: return "事業"
        case .event: return "行事"
        case .age: return "年齢"
        case .birthDate: return "生年月日"
        case .address: return "住所"
        case .idChecked: return "本人確認"
        case .appliedOn: return "申込日"
        case .classID: return "講座ID"
        case .title: return "講座名"
        case .kind: return "区分"
        case .capacity: return "定員"
        case .weekday: return "曜日"
        case .weeks: return "週"
        case .start: return "開始"
        case .end: return "終了"
        case .room: return "会場"
        case .from: return "期間開始"
        case .until: return "期間終了"
        case .onHoliday: return "祝日"
        case .deadline: return "申込締切"
        case .pairID: return "組"
        case .ruling: return "判定"
        case .note: return "メモ"
        case .decidedBy: return "判定者"
        case .decidedOn: return "判定日"
        case .fileA: return "ファイルA"
        case .rowA: return "行A"
        case .fileB: return "ファイルB"
        case .rowB: return "行B"
        case .likelihood: return "可能性"
        case .reasonsFor: return "同一の根拠"
        case .reasonsAgainst: return "別人の根拠"
        }
    }

    /// Position in declaration order: header look-ups on every cell of
    /// millions of rows index an array by it instead of hashing the raw
    /// value string, which showed in the intake profile.
    public var ordinal: Int {
        switch self {
        case .group: return 0
        case .name: return 1
        case .phone: return 2
        case .kana: return 3
        case .date: return 4
        case .program: return 5
        case .event: return 6
        case .age: return 7
        case .birthDate: return 8
        case .address: return 9
        case .idChecked: return 10
        case .appliedOn: return 11
        case .classID: return 12
        case .title: return 13
        case .kind: return 14
        case .capacity: return 15
        case .weekday: return 16
        case .weeks: return 17
        case .start: return 18
        case .end: return 19
        case .room: return 20
        case .from: return 21
        case .until: return 22
        case .onHoliday: return 23
        case .deadline: return 24
        case .pairID: return 25
        case .ruling: return 26
        case .note: return 27
        case .decidedBy: return 28
        case .decidedOn: return 29
        case .fileA: return 30
        case .rowA: return 31
        case .fileB: return 32
        case .rowB: return 33
        case .likelihood: return 34
        case .reasonsFor: return 35
        case .reasonsAgainst: return 36
        }
    }

    /// Hashes the ordinal, not the raw value string (the default for raw-value enums).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The English alias (`birth_date`).
    public var english: String { rawValue }

    /// Both forms, as the refusal message lists them: `氏名 (name)`.
    public var both: String { "\(japanese) (\(english))" }
}
