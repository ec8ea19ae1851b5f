import ArgumentParser
import Foundation
import IkigaiCore

@main
struct Ikigai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ikigai",
        abstract: "いきがい事業の月次処理（受付シートの確認・名寄せ・講座・統計）",
        discussion: """
        新宿区の高齢者向け3事業の受付シート（CSV）を読み、確認・集計して Output/ に文書を作ります。
        例: ikigai run --operator "山田 花子"
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self, CheckCommand.self, InitCommand.self, LotteryCommand.self, HolidaysCommand.self, AuditCommand.self, ReportCommand.self, PurgeCommand.self, SampleCommand.self]
    )

    /// Argument errors in Japanese first, with the parser's English text under them.
    static func main() {
        HugePages.enable()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code != .success && !(error is ExitCode) {
                Terminal.error("コマンドの指定が正しくありません。ikigai --help で使い方を表示できます。", message(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
