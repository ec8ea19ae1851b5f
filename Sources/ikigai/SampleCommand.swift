import ArgumentParser
import IkigaiCore

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "架空の人物で1年度分の入力フォルダを作ります（テスト・性能測定用）。",
        discussion: "例: ikigai sample --people 4000 --seed 2018 --out /tmp/sample"
    )

    @Option(help: "人数 (number of generated people)") var people = 4000
    @Option(help: "乱数の種。同じ種なら同じ内容 (seed: same seed, same bytes)") var seed: UInt64 = 2018
    @Option(help: "作るフォルダ。既にシートがあるフォルダには書きません (target folder)") var out: String
    @Option(help: "年度 (fiscal year)") var fiscalYear = 2018
    @Option(help: "各行が本当は誰かを file,row,person で書き出すファイル（名寄せの評価用。Input の外に置く）") var truth: String?

    func validate() throws {
        let range = SampleGenerator.peopleRange, years = Settings.fiscalYears
        guard range.contains(people) else {
            throw ValidationError("--people は \(range.lowerBound)〜\(range.upperBound) 人にしてください (people: \(range.lowerBound)–\(range.upperBound))")
        }
        guard years.contains(fiscalYear) else {
            throw ValidationError("--fiscal-year は \(years.lowerBound)〜\(years.upperBound) にしてください (fiscal year: \(years.lowerBound)–\(years.upperBound))")
        }
    }

    func run() throws {
        do {
            let report = try SampleGenerator(people: people, seed: seed, fiscalYear: fiscalYear).write(to: out, truth: truth)
            print("作成しました: \(out)（\(report.files) ファイル、\(report.rows) 行）")
        } catch {
            Terminal.error("\(error)", nil)
            throw ExitCode(2)
        }
    }
}
