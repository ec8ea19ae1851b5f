/// Stable codes for every finding. The letter says what happened to the row
/// or sheet; the codes are listed with their meaning in `docs/codes.md`, and
/// never change meaning once released.
public enum FindingCode: String, Sendable, CaseIterable, Comparable {
    // S: the whole sheet is refused (exit 2); its rows are not read.
    case undecodable = "S101"
    case utf16 = "S102"
    case notCSV = "S103"
    case unknownColumn = "S104"
    case prohibitedColumn = "S105"
    case missingColumn = "S106"
    case duplicateColumn = "S107"
    case unreadableFile = "S108"
    case emptyFile = "S109"
    case unterminatedQuote = "S110"
    case tooLarge = "S111"

    // R: the row is rejected because a value cannot be read.
    case missingValue = "R201"
    case badDate = "R202"
    case dateOutsideEra = "R203"
    case noSuchDay = "R204"
    case weekdayMismatch = "R205"
    case badAge = "R206"
    case birthAfterDate = "R207"
    case ageBirthMismatch = "R208"
    case badPhone = "R209"
    case unknownProgram = "R210"
    case unknownClass = "R211"
    case extraCells = "R212"
    case notLotteryClass = "R213"
    case repeatedHeader = "R214"
    case badClassValue = "R215"
    case duplicateClassID = "R216"
    case roomClash = "R217"
    case cellTooLong = "R218"
    case repeatedVisit = "R219"
    case notARecord = "R220"
    case severalPeople = "R221"
    case dittoMark = "R222"

    // N: the row is readable but the person is not eligible on that day.
    case outsideFiscalYear = "N301"
    case underAge = "N302"
    case outsideWard = "N303"
    case idNotChecked = "N304"

    // H: held for a person to look at; counts as rejected.
    case addressUnrecognised = "H401"
    case offSchedule = "H402"
    case exchangeNamedLikeClass = "H403"

    // D: a ruling in decisions.csv that cannot be applied.
    case badRuling = "D501"
    case staleRuling = "D502"

    // W: notices that change no count and no exit status.
    case ignoredFile = "W901"
    case unknownSetting = "W902"
    case afterThrough = "W903"
    case noClasses = "W904"
    case keptFiles = "W905"
    case duplicateSheet = "W906"
    case lotteryKept = "W907"
    case lotteryRedrawn = "W908"
    case futureDate = "W909"
    case otherFiscalYear = "W910"
    case lotteryOutsider = "W911"
    case closedDay = "W912"
    case lateDeadline = "W913"
    case crowdedPerson = "W914"

    /// Where a finding leaves its row or sheet, told by the code's first letter.
    public enum Kind: Sendable { case refusedSheet, rejected, held, notice }

    public var kind: Kind {
        switch rawValue.first {
        case "S": return .refusedSheet
        case "H": return .held
        case "W": return .notice
        default: return .rejected
        }
    }

    /// A short Japanese title for lists and the front page.
    public var title: String {
        switch self {
        case .undecodable: return "文字コードを判別できない"
        case .utf16: return "UTF-16 で保存されている"
        case .notCSV: return "CSV ファイルではない"
        case .unknownColumn: return "決められていない列がある"
        case .prohibitedColumn: return "収集が禁止された項目の列がある"
        case .missingColumn: return "必要な列がない"
        case .duplicateColumn: return "同じ列が2つある"
        case .unreadableFile: return "ファイルを読めない"
        case .emptyFile: return "空のファイル"
        case .unterminatedQuote: return "引用符（\"）が閉じていない"
        case .tooLarge: return "ファイルが大きすぎる"
        case .missingValue: return "必須項目が空"
        case .badDate: return "日付が読めない"
        case .dateOutsideEra: return "元号の範囲外の日付"
        case .noSuchDay: return "存在しない日付"
        case .weekdayMismatch: return "曜日が日付と合わない"
        case .badAge: return "年齢が読めない"
        case .birthAfterDate: return "生年月日が日付より後"
        case .ageBirthMismatch: return "年齢と生年月日が合わない"
        case .badPhone: return "電話番号が正しくない"
        case .unknownProgram: return "事業の区分が読めない"
        case .unknownClass: return "講座IDが classes.csv にない"
        case .extraCells: return "見出しより多いセル"
        case .notLotteryClass: return "抽選講座ではない講座への申込"
        case .repeatedHeader: return "見出し行の繰り返し"
        case .badClassValue: return "講座の設定値が正しくない"
        case .duplicateClassID: return "講座IDの重複"
        case .roomClash: return "会場と時間の重なり"
        case .cellTooLong: return "セルが長すぎる"
        case .repeatedVisit: return "来館記録の二重入力"
        case .notARecord: return "記録ではない行（合計・メモなど）"
        case .severalPeople: return "氏名に2人以上"
        case .dittoMark: return "「〃」「同上」など上と同じの印"
        case .outsideFiscalYear: return "年度外の日付"
        case .underAge: return "年齢が対象外"
        case .outsideWard: return "区外の住所"
        case .idNotChecked: return "本人確認なし"
        case .addressUnrecognised: return "住所を確認できない（保留）"
        case .offSchedule: return "講座の開催日ではない（保留）"
        case .exchangeNamedLikeClass: return "交流の行事が講座ID（保留）"
        case .badRuling: return "判定が読めない・重複している"
        case .staleRuling: return "どの組にも当てはまらない判定"
        case .ignoredFile: return "読まなかったファイル"
        case .unknownSetting: return "不明な設定キー"
        case .afterThrough: return "対象月より後の行"
        case .noClasses: return "classes.csv がない"
        case .keptFiles: return "Output に置かれていたファイル"
        case .duplicateSheet: return "中身が同じシート"
        case .lotteryKept: return "抽選の後に申込が変わった"
        case .lotteryRedrawn: return "抽選の条件が変わり抽選し直した"
        case .futureDate: return "実行日より後の日付"
        case .otherFiscalYear: return "多くの行が別の年度の日付"
        case .lotteryOutsider: return "抽選講座に当選者以外の参加"
        case .closedDay: return "休業日の来館記録"
        case .lateDeadline: return "抽選の締切が期間開始より後"
        case .crowdedPerson: return "同じ人とみられる氏名・電話番号の組み合わせが多すぎる"
        }
    }

    public static func < (a: FindingCode, b: FindingCode) -> Bool { a.rawValue < b.rawValue }
}

extension FindingCode {
    /// A short English title, for the second line of terminal messages.
    public var english: String {
        switch self {
        case .undecodable: return "encoding not UTF-8 or Shift_JIS"
        case .utf16: return "saved as UTF-16"
        case .notCSV: return "not a CSV file"
        case .unknownColumn: return "unknown column"
        case .prohibitedColumn: return "prohibited-category column"
        case .missingColumn: return "required column missing"
        case .duplicateColumn: return "duplicate column"
        case .unreadableFile: return "file unreadable"
        case .emptyFile: return "empty file"
        case .unterminatedQuote: return "unterminated quote"
        case .tooLarge: return "file too large"
        case .missingValue: return "required value empty"
        case .badDate: return "unreadable date"
        case .dateOutsideEra: return "date outside its era"
        case .noSuchDay: return "no such day"
        case .weekdayMismatch: return "weekday does not match the date"
        case .badAge: return "unreadable age"
        case .birthAfterDate: return "birth date after the row's date"
        case .ageBirthMismatch: return "age and birth date disagree"
        case .badPhone: return "invalid phone number"
        case .unknownProgram: return "unknown program"
        case .unknownClass: return "unknown class ID"
        case .extraCells: return "cells beyond the header"
        case .notLotteryClass: return "application to a non-lottery class"
        case .repeatedHeader: return "repeated header row"
        case .badClassValue: return "invalid class setting"
        case .duplicateClassID: return "duplicate class ID"
        case .roomClash: return "two sessions in one room at once"
        case .cellTooLong: return "cell too long"
        case .repeatedVisit: return "the same visit recorded twice"
        case .notARecord: return "a row with no person in it (a total, a memo)"
        case .severalPeople: return "a name cell naming more than one person"
        case .dittoMark: return "a ditto mark (〃, 同上) instead of a value"
        case .outsideFiscalYear: return "date outside the fiscal year"
        case .underAge: return "under the minimum age"
        case .outsideWard: return "address outside the ward"
        case .idNotChecked: return "ID not checked"
        case .addressUnrecognised: return "address not recognised (held)"
        case .offSchedule: return "class does not meet that day (held)"
        case .exchangeNamedLikeClass: return "an exchange visit whose event is a class ID (held)"
        case .badRuling: return "unreadable or repeated ruling"
        case .staleRuling: return "ruling matches no pair"
        case .ignoredFile: return "file not read"
        case .unknownSetting: return "unknown setting"
        case .afterThrough: return "rows after the run's month"
        case .noClasses: return "no classes.csv"
        case .keptFiles: return "files someone saved in Output, kept"
        case .duplicateSheet: return "a sheet identical to another"
        case .lotteryKept: return "applications changed after the draw; the published draw is kept"
        case .lotteryRedrawn: return "the draw's settings changed; drawn again"
        case .futureDate: return "dates after the day of the run"
        case .otherFiscalYear: return "most rows are dated in another fiscal year"
        case .lotteryOutsider: return "visits to a drawn class by people without a place in it"
        case .closedDay: return "visits on a day the facility is closed"
        case .lateDeadline: return "a lottery deadline on or after the class's first day"
        case .crowdedPerson: return "too many name and phone pairs for one person; the rest counted apart"
        }
    }
}
