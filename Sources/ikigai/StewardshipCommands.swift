import ArgumentParser
import Foundation
import IkigaiCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "処理の記録（監査記録）を扱います。", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "監査記録（Output/audit/audit.jsonl）のハッシュの連鎖を確かめ、書き換えや削除があればその場所を示します。",
            discussion: "個人情報を読まないため取扱者の指定は不要です。終了コード: 0 正常 / 1 壊れている / 2 記録がない（フォルダの指定違いなど）。\n例: ikigai audit verify --output Output")

        @Option(help: "出力フォルダ (output folder)") var output = "Output"

        func run() throws {
            switch AuditCheck.of(outputDir: output) {
            case .intact(let entries, let head):
                print("監査記録 \(entries) 件のつながりを確認しました。書き換え・削除はありません。最後のハッシュ: \(head)")
            case .broken(let at, let verified):
                Terminal.error("監査記録が壊れています: \(at.description)（正しく確認できたのは第\(verified)回まで）",
                               "audit chain broken at line \(at.line)")
                throw ExitCode(1)
            case .missing(let setAside):
                Terminal.error(setAside
                    ? "\(output) がありません。前回の Output が入れ替えの途中で横に移されたままです（名前が「.フォルダ名.ikigai-old-」で始まるフォルダ）。次に ikigai run などを実行すると元に戻ります。"
                    : "\(output)/audit/audit.jsonl がありません。--output に ikigai の出力フォルダを指定しているか確認してください。記録ごと削除された場合、記録の中からは分からないため、取扱状況報告書に控えた「最後のハッシュ値」と照らしてください。",
                    "no audit record in \(output)")
                throw ExitCode(2)
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "区に提出する報告書を作ります。", subcommands: [Handling.self])

    struct Handling: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "handling",
            abstract: "個人情報の取扱状況報告書（特記事項14）を Output/audit/handling-report.html に作ります。",
            discussion: "例: ikigai report handling --operator \"山田 花子\"")
        @OptionGroup var folders: FolderOptions

        func run() throws {
            do {
                let path = try Stewardship.handlingReport(inputDir: folders.input, outputDir: folders.output,
                                                          templatesDir: folders.templatesDir, operatorName: folders.handler)
                print("作成しました: \(path)（印刷して区に提出できます）")
            } catch {
                Terminal.error(error.description, nil)
                throw ExitCode(2)
            }
        }
    }
}

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "契約終了時に、その年度の個人情報を Input と Output から消去し、消去証明書を作ります。",
        discussion: """
        --confirm がなければ、消去するファイルの一覧を表示するだけで何も消しません。
        監査記録・公表用の統計・settings.toml・classes.csv は残します。
        例: ikigai purge --fiscal-year 2018 --operator "山田 花子" --confirm
        """)

    @Option(help: "消去する年度") var fiscalYear: Int
    @Flag(help: "本当に消去する（ないときは一覧だけ）") var confirm = false
    @OptionGroup var folders: FolderOptions

    func run() throws {
        let outcome: Stewardship.PurgeOutcome
        do {
            outcome = try Stewardship.purge(fiscalYear: fiscalYear, inputDir: folders.input, outputDir: folders.output,
                                          templatesDir: folders.templatesDir, operatorName: folders.handler, confirm: confirm)
        } catch {
            Terminal.error(error.description, nil)
            throw ExitCode(2)
        }
        do {
            let o = outcome
            let bytes = o.items.reduce(0) { $0 + $1.digest.bytes }
            if confirm {
                print("消去しました: \(o.erased) ファイル（\(bytes) バイト）。消去証明書: \(o.certificate ?? "")")
            } else {
                for i in o.items { print("  \(i.shown)  \(i.digest.bytes) バイト") }
                print("消去の予定: \(o.items.count) ファイル（\(bytes) バイト）。まだ何も消していません。消去するには --confirm を付けて実行してください。")
            }
        }
    }
}
