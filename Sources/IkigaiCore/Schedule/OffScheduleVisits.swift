/// Care-prevention visits on a day their class does not meet (by the
/// schedule from classes.csv): most often a wrong date or class ID. Held
/// (H402) for a person to look at, never counted as attendance unseen.
public enum OffScheduleVisits {
    public static func find(_ intake: IntakeResult, schedule: ClassSchedule) -> [SourceRow: Finding] {
        struct Key: Hashable { let classID: String; let date: CivilDate }
        let meets = Set(schedule.held.map { Key(classID: $0.series.id, date: $0.date) })
        // The regular day of a session that was moved or not held: the visit was most likely
        // written on the day printed in an old timetable, so the message says what became of it.
        var changed: [Key: ClassSession] = [:]
        for s in schedule.sessions {
            switch s.status {
            case .regular: continue
            case .moved(let from, _): changed[Key(classID: s.series.id, date: from)] = s
            case .skipped, .dropped: changed[Key(classID: s.series.id, date: s.date)] = s
            }
        }
        var out: [SourceRow: Finding] = [:]
        for v in intake.visits where v.program == .prevention && !meets.contains(Key(classID: v.event, date: v.date)) {
            let session = changed[Key(classID: v.event, date: v.date)]
            let message: String
            switch session?.status {
            case .moved(_, let reason)?:
                message = "講座 \(v.event) のこの日の回は\(reason)のため \(session.map { $0.date.westernJapaneseString } ?? "翌週") に移しました（schedule.html の予定）。"
                    + "移した日の来館なら日付を直してください。"
            case .skipped(let reason)?, .dropped(let reason)?:
                message = "講座 \(v.event) のこの日の回は\(reason)のため休みです（schedule.html の予定）。日付か講座IDの誤りなら直してください。"
                    + "休みの日に開いたなら classes.csv を確認してください。"
            case .regular?, nil:
                message = "講座 \(v.event) はこの日に開かれていません（schedule.html の予定）。日付か講座IDの誤りなら直してください。予定外に開いた回なら classes.csv を確認してください。"
            }
            out[v.source] = Finding(file: v.source.file, row: v.source.row, column: Column.date.japanese, code: .offSchedule, message: message)
        }
        return out
    }
}
