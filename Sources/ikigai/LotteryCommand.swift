import ArgumentParser
import Foundation
import IkigaiCore

struct LotteryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lottery",
        abstract: "抽選の記録を確かめます。",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "抽選の記録（lottery/<講座ID>-draw.json）だけから抽選をやり直し、結果が一致するか確かめます。",
            discussion: """
            記録には個人情報がないので、だれでも確かめられます。--input を付けると申込シートから応募者一覧も作り直して照合します（取扱者のみ）。
            終了コード: 0 一致 / 1 不一致・改ざん / 2 読めない。
            例: ikigai lottery verify Output/lottery/K02-draw.json
            """
        )

        @Argument(help: "抽選の記録ファイル") var record: String
        @Option(help: "申込シートのある入力フォルダ（応募者一覧も照合）") var input: String?
        @Option(name: .customLong("operator"), help: "--input のときの取扱者の氏名（または IKIGAI_OPERATOR）") var operatorName: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: record) else {
                Terminal.error("記録ファイルを読めません: \(record)", "cannot read \(record)")
                throw ExitCode(2)
            }
            let (verdict, parsed) = LotteryRecord.verify(Array(data))
            switch verdict {
            case .matches:
                print("一致: \(parsed?.classID ?? "") の抽選を記録からやり直すと、当選 \(parsed?.winners.count ?? 0) 人・補欠 \(parsed?.waiting.count ?? 0) 人とも記録どおりです。")
            case .unreadable(let why):
                Terminal.error("記録を読めません: \(why)", "record unreadable")
                throw ExitCode(2)
            case .altered(let why), .mismatch(let why):
                Terminal.error("不一致: \(why)", "the record does not verify")
                throw ExitCode(1)
            }
            if let input, let parsed {
                let op = operatorName ?? ProcessInfo.processInfo.environment["IKIGAI_OPERATOR"]
                do {
                    if let problem = try LotteryCheck.entrantsMatch(parsed, inputDir: input, operatorName: op) {
                        Terminal.error("不一致: \(problem)", "entrants differ from the application sheets")
                        throw ExitCode(1)
                    }
                    print("一致: 応募者 \(parsed.entrants.count) 人の一覧が \(input) の申込シートと合っています。")
                } catch let e as RunFailure {
                    Terminal.error(e.description, nil)
                    throw ExitCode(2)
                }
            }
        }
    }
}
