import Foundation
import IkigaiCore

/// What the command prints: progress and errors to stderr, the closing
/// summary to stdout. Counts and paths only, never personal data.
enum Terminal {
    static func error(_ japanese: String, _ english: String?) {
        var text = "ikigai: " + japanese + "\n"
        if let english { text += "  (" + english + ")\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func progress(_ step: String) {
        FileHandle.standardError.write(Data("… \(step)\n".utf8))
    }

    static func summary(_ o: RunOutcome) {
        let s = o.summary
        let status: String
        switch o.status {
        case .clean: status = "完了: すべての行を受け付けました"
        case .rowsRejected: status = "完了: 受け付けられなかった行があります（validation.html を見てください）"
        case .incomplete: status = "一部未処理: 読み込めなかったシートがあります"
        }
        let text = """
        \(status)
          対象      \(s.fiscalYear)年度 \(s.through.description) まで
          行        読込 \(s.rowsRead) ／ 受付 \(s.rowsAccepted) ／ 却下 \(s.rowsRejected)（うち保留 \(o.rowsHeld)）
          シート    読込不可 \(s.refusedSheets.count) 件
          利用者    \(s.people) 人（見込み \(s.expectedUsers) 人）
          講座      予定 \(s.sessionsPlanned) 回
          文書      \(o.outputDir)/index.html

        """
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
