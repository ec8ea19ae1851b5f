import Foundation

/// `ikigai lottery verify … --input DIR`: rebuilds a class's entrants from the
/// application sheets (through the same intake and identity steps as a run)
/// and compares them with the record's list.
public enum LotteryCheck {
    public static func entrantsMatch(_ record: LotteryRecord, inputDir: String, operatorName: String?) throws(RunFailure) -> String? {
        let settings = try Authorisation.check(inputDir: inputDir, operatorName: operatorName).settings
        let intake: IntakeResult
        do { intake = try IntakeStage.run(inputDir: inputDir, settings: settings, through: nil) } catch {
            throw RunFailure(step: "intake", file: inputDir, japanese: "入力を読めません", english: "cannot read the input")
        }
        let register = EvidenceResolver().resolve(IdentityRows(checked: intake.rows), rulings: intake.rulings, previous: [:])
        guard let lottery = ClassLottery.drawAll(intake: intake, register: register, seed: record.seed)
            .first(where: { $0.series.id == record.classID }) else {
            return "講座 \(record.classID) が classes.csv に抽選の講座としてありません"
        }
        let now = lottery.entries.map { LotteryRecord.Entrant(number: $0.number, file: $0.application.source.file,
                                                              row: $0.application.source.row, tier: $0.tier) }
        if now == record.entrants { return nil }
        let recorded = Set(record.entrants.map { "\($0.file):\($0.row)" }), current = Set(now.map { "\($0.file):\($0.row)" })
        return "申込シートから作った応募者一覧が記録と違います（記録にだけある行 \(recorded.subtracting(current).count) 件、シートにだけある行 \(current.subtracting(recorded).count) 件）。抽選の後に申込が直された・加わった場合は、実行は公表した抽選結果を変えずに使い、表紙の「お知らせ」（W907）に出しています"
    }
}
