import ArgumentParser
import IkigaiCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "新しい年度の入力フォルダを作ります（設定と講座を引き継ぎ、空のシートと手順書を用意）。",
        discussion: """
        すでにシートのあるフォルダには書きません。空のシートは UTF-8（BOM付き）で作ります。日本語版 Excel で文字化けせずに開け、髙・﨑のような字も保存できるためです。
        例: ikigai init --fiscal-year 2019 --from Input --input Input-2019
        """)

    @Option(help: "新しい年度") var fiscalYear: Int
    @Option(help: "前年度の入力フォルダ（設定と講座を引き継ぐ）") var from: String?
    @Option(help: "作るフォルダ") var input = "Input"
    @Option(help: "テンプレートのフォルダ (default: Templates here, or the one of this program's checkout)") var templates: String?

    func run() throws {
        do {
            let o = try NewYear.create(fiscalYear: fiscalYear, from: from, input: input, templatesDir: templates ?? PageTemplates.defaultDirectory())
            print("\(fiscalYear)年度の入力フォルダを作りました: \(input)")
            for f in o.files { print("  \(f)") }
            print("講座 \(o.classes) 件を同じ曜日に合わせて引き継ぎました。")
            for n in o.notes { print("注意: \(n)") }
            print("次に \(input)/手順書.html を開いてください。")
        } catch {
            Terminal.error(error.description, nil)
            throw ExitCode(2)
        }
    }
}
