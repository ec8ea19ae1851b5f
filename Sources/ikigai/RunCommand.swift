import ArgumentParser
import Foundation
import IkigaiCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "月次処理: Input/ のシートを確認し、Output/ に文書一式を作ります。",
        discussion: """
        終了コード: 0 すべて受付 / 1 受け付けられなかった行がある（文書は作成済み） / 2 できなかったことがある（設定の誤り、読み込めなかったシート）。
        例: ikigai run --operator "山田 花子" --through 2018-09
        """
    )

    @OptionGroup var folders: FolderOptions

    @Option(name: .long, help: "この月までを処理します。省略時はデータのある最後の月 (YYYY-MM)")
    var through: String?

    @Option(name: .long, help: "前回までに抽選した講座を、今回の申込で抽選し直します（講座ID、複数可。公表した当選者が変わります）")
    var redraw: [String] = []

    func run() throws {
        var month: YearMonth?
        if let t = through {
            guard let m = YearMonth(t) else {
                Terminal.error("--through は 2018-09 のように 年-月 で指定してください。", "--through takes YYYY-MM")
                throw ExitCode(2)
            }
            month = m
        }
        let options = RunOptions(inputDir: folders.input, outputDir: folders.output, templatesDir: folders.templatesDir,
                                 through: month, operatorName: folders.handler, redraw: Set(redraw))
        let outcome: RunOutcome
        do {
            outcome = try RunPipeline(options: options).run(progress: { Terminal.progress($0) })
        } catch {
            Terminal.error(error.description, nil)
            throw ExitCode(2)
        }
        for f in outcome.refusals {
            Terminal.error("シートを読み込めませんでした: \(f.file)（\(f.code.rawValue) \(f.code.title)）— \(f.message)",
                           "sheet refused: \(f.file) (\(f.code.rawValue) \(f.code.english))")
        }
        Terminal.summary(outcome)
        throw ExitCode(outcome.status.rawValue)
    }
}
