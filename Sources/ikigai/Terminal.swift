import Foundation
import IkigaiCore
#if canImport(Glibc)
import Glibc
#endif

/// What the command prints: progress and errors to stderr, the closing
/// summary to stdout. Counts and paths only, never personal data.
enum Terminal {
    static func error(_ japanese: String, _ english: String?) {
        var text = "ikigai: " + japanese + "\n"
        if let english { text += "  (" + english + ")\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static let isTTY = isatty(2) == 1
    nonisolated(unsafe) static var step = 0
    static let steps = 11

    /// On a terminal, one line redrawn as a bar; otherwise one plain line per step.
    static func progress(_ name: String) {
        step += 1
        if isTTY {
            let done = min(step, steps)
            let bar = String(repeating: "■", count: done) + String(repeating: "□", count: steps - done)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(name)".utf8))
        } else {
            FileHandle.standardError.write(Data("… \(name)\n".utf8))
        }
    }

    static func endProgress() {
        if isTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func summary(_ o: RunOutcome) {
        endProgress()
        let s = o.summary
        let status: String
        switch o.status {
        case .clean: status = "完了: すべての行を受け付けました"
        case .rowsRejected: status = "完了: 受け付けられなかった行があります（\(o.outputDir)/validation.html を見てください）"
        case .incomplete: status = "一部未処理: 読み込めなかったシートがあります（理由は上の表示と validation.html）"
        }
        var text = """
        \(status)
          対象      \(s.fiscalYear)年度 \(s.through.description) まで
          行        読込 \(s.rowsRead) ／ 受付 \(s.rowsAccepted) ／ 却下 \(s.rowsRejected)（うち保留 \(o.rowsHeld)）
          シート    読込不可 \(s.refusedSheets.count) 件
          利用者    \(s.people) 人（見込み \(s.expectedUsers) 人）、名寄せの確認待ち \(o.reviewPairs) 組
          講座      予定 \(s.sessionsPlanned) 回、抽選 \(o.lotteriesDrawn) 講座

        """
        if let c = o.changes {
            text += "  前回から  新しい利用者 \(c.newPeople) 人、直った行 \(c.fixed) 行、新たな却下 \(c.newlyRejected) 行\n"
        }
        if o.notices > 0 { text += "  お知らせ  \(o.notices) 件（index.html の「お知らせ」）\n" }
        if o.keptFiles > 0 { text += "  残した    Output に置かれていた ikigai 以外のファイル \(o.keptFiles) 件（そのまま残しました）\n" }
        text += "  文書      \(o.outputDir)/index.html\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
