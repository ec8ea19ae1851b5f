/// How a run ended, which is also its exit status (0, 1, 2).
public enum RunStatus: Int32, Sendable {
    /// Every row accepted, every sheet read.
    case clean = 0
    /// Some rows rejected or held; the documents are written.
    case rowsRejected = 1
    /// Something could not be done as asked (a refused sheet); the other
    /// sheets were processed and the documents written.
    case incomplete = 2

    public init(intake: IntakeResult) {
        if !intake.refusedSheets.isEmpty {
            self = .incomplete
        } else if intake.rowsRejected > 0 || intake.findings.contains(where: { $0.code.kind == .rejected }) {
            self = .rowsRejected
        } else {
            self = .clean
        }
    }

    var cssClass: String {
        switch self {
        case .clean: return "ok"
        case .rowsRejected: return "warn"
        case .incomplete: return "stop"
        }
    }

    var headline: String {
        switch self {
        case .clean: return "すべての行を受け付けました。"
        case .rowsRejected: return "受け付けられなかった行があります。入力チェック結果を見てシートを直してください。"
        case .incomplete: return "読み込めなかったシートがあります。そのシートの行は今回の数値に入っていません。"
        }
    }
}
