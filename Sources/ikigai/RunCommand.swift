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

    @Option(name: .long, help: "入力フォルダ (input folder)")
    var input = "Input"

    @Option(name: .long, help: "出力フォルダ。実行のたびに丸ごと入れ替えます (output folder, replaced as a whole)")
    var output = "Output"

    @Option(name: .long, help: "テンプレートのフォルダ (Mustache templates)")
    var templates = "Templates"

    @Option(name: .long, help: "この月までを処理します。省略時はデータのある最後の月 (YYYY-MM)")
    var through: String?

    @Option(name: .customLong("operator"), help: "実行する取扱者の氏名。環境変数 IKIGAI_OPERATOR でも可")
    var operatorName: String?

    func run() throws {
        var month: YearMonth?
        if let t = through {
            guard let m = YearMonth(t) else {
                Terminal.error("--through は 2018-09 のように 年-月 で指定してください。", "--through takes YYYY-MM")
                throw ExitCode(2)
            }
            month = m
        }
        let op = operatorName ?? ProcessInfo.processInfo.environment["IKIGAI_OPERATOR"]
        let options = RunOptions(inputDir: input, outputDir: output, templatesDir: templates, through: month, operatorName: op)
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
