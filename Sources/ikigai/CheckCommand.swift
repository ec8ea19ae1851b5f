import ArgumentParser
import Foundation
import IkigaiCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "シートの確認だけを行い、直すところを表示します（文書は作りません）。",
        discussion: """
        ファイルを指定するとそのシートだけ、指定しなければすべてのシートを確認します。内容は validation.csv と同じです。
        終了コード: 0 問題なし / 1 直すところがある / 2 読み込めないシートがある。
        例: ikigai check --operator "山田 花子" visits/2018-05.csv
        """)

    enum Format: String, ExpressibleByArgument { case text, csv, json }

    @Argument(help: "確認するシート（Input の中のパス）。省略時はすべて") var files: [String] = []
    @Option(help: "出力の形式: text（画面用）, csv（validation.csv と同じ列）, json") var format: Format = .text
    @Option(name: .long, help: "入力フォルダ (input folder)") var input = "Input"
    @Option(name: .customLong("operator"), help: "実行する取扱者の氏名。環境変数 IKIGAI_OPERATOR でも可") var operatorName: String?

    func run() throws {
        let outcome: CheckStage.Outcome
        do {
            outcome = try CheckStage.run(inputDir: input, files: files,
                                         operatorName: operatorName ?? ProcessInfo.processInfo.environment["IKIGAI_OPERATOR"])
        } catch {
            Terminal.error(error.description, nil)
            throw ExitCode(2)
        }
        switch format {
        case .csv: FileHandle.standardOutput.write(Data(CheckStage.csv(outcome.findings)))
        case .json: print(CheckStage.json(outcome.findings), terminator: "")
        case .text:
            if outcome.findings.isEmpty {
                print(CheckStage.noticeText(outcome.notices), terminator: "")
                print("問題はありません（\(outcome.rowsRead) 行を確認）。")
            } else {
                print(CheckStage.text(outcome.findings), terminator: "")
                print(CheckStage.noticeText(outcome.notices), terminator: "")
                // classes.csv and decisions.csv hold no counted rows: "0 行のうち 0 行" said nothing.
                print(outcome.rowsRead == 0
                      ? "\n直すところが \(outcome.findings.count) 件あります。"
                      : "\n\(outcome.rowsRead) 行のうち \(outcome.rowsRejected) 行を直してください（\(outcome.findings.count) 件）。")
            }
        }
        throw ExitCode(outcome.status.rawValue)
    }
}
