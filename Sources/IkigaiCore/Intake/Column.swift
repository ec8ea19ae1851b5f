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

    /// The English alias (`birth_date`).
    public var english: String { rawValue }

    /// Both forms, as the refusal message lists them: `氏名 (name)`.
    public var both: String { "\(japanese) (\(english))" }
}
