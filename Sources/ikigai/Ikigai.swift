import ArgumentParser
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
        subcommands: [RunCommand.self, LotteryCommand.self, HolidaysCommand.self, AuditCommand.self, ReportCommand.self, PurgeCommand.self, SampleCommand.self]
    )
}
