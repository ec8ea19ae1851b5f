/// Care-prevention visits on a day their class does not meet (by the
/// schedule from classes.csv): most often a wrong date or class ID. Held
/// (H402) for a person to look at, never counted as attendance unseen.
public enum OffScheduleVisits {
    public static func find(_ intake: IntakeResult, schedule: ClassSchedule) -> [SourceRow: Finding] {
        struct Key: Hashable { let classID: String; let date: CivilDate }
        let meets = Set(schedule.held.map { Key(classID: $0.series.id, date: $0.date) })
        var out: [SourceRow: Finding] = [:]
        for v in intake.visits where v.program == .prevention && !meets.contains(Key(classID: v.event, date: v.date)) {
            out[v.source] = Finding(file: v.source.file, row: v.source.row, column: Column.date.japanese, code: .offSchedule,
                                    message: "講座 \(v.event) はこの日に開かれていません（schedule.html の予定）。日付か講座IDの誤りなら直してください。予定外に開いた回なら classes.csv を確認してください。")
        }
        return out
    }
}
