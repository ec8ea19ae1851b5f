import Foundation
import Testing
@testable import IkigaiCore

@Suite("classes.csv as a timetable is typed")
struct ClassRowTests {
    @Test(arguments: [
        ("10:00", "10:00"), ("9:05", "09:05"), ("１４：００", "14:00"), ("14:00:00", "14:00"),
        ("10時", "10:00"), ("10時30分", "10:30"), ("9時5分", "09:05"), ("10時半", "10:30"), ("１０時３０分", "10:30"),
        ("午前10時", "10:00"), ("午後2時", "14:00"), ("午後2時半", "14:30"), ("午後1:30", "13:30"), ("午後0時", "12:00"),
        (" 10 時 ", "10:00"),
    ])
    func timesAreRead(_ written: String, _ meant: String) {
        #expect(TimeOfDay(written)?.description == meant, "\(written)")
    }

    @Test(arguments: ["", "10", "1000", "10:0", "10:000", "24:00", "10:60", "14:00:30", "25時", "10時60分", "10時30",
                      "午後12時", "午後13時", "午後", "時", "10時半分", "-1:00", "+1:00", "10:00～11:30"])
    func timesThatAreNotOneTimeAreRefused(_ written: String) {
        #expect(TimeOfDay(written) == nil, "\(written)")
    }

    @Test func aClassTimedInJapaneseIsScheduledAtThoseTimes() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n"], in: dir + "/in")
        Support.write(dir + "/in/classes.csv", """
        講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
        K01,いきいき体操,自由,30名,火,"2,4",10時,11時30分,多目的室,2018-04-01,2019-03-31,翌週,
        K02,脳トレ教室,抽選,20人,木,"1,3",午後2時,午後3時半,研修室,2018-05-01,2019-03-31,休止,2018-04-20
        K03,お口の講座,自由,25,水,毎週,10時~,11:30,研修室,2018-04-01,2019-03-31,翌週,

        """)
        _ = try Support.run(input: dir + "/in", output: out)
        let schedule = Support.read(out + "/schedule.csv")
        #expect(schedule.contains("10:00,11:30,K01,いきいき体操"))
        #expect(schedule.contains("14:00,15:30,K02,脳トレ教室"))
        // A start with a trailing "~" may be half of "10:00~11:30": refused with the forms that are read.
        #expect(!schedule.contains("K03"))
        let k03 = Support.validationRows(out).filter { $0.first == "classes.csv" && $0[1] == "4" }
        #expect(k03.map { $0[2] } == ["開始"])
        #expect(k03.first?[4].contains("10時") == true)
    }

    /// A deadline typed as 4月20日 was told only "読めません、2018-04-01 の形で", while the
    /// same cell in a visits sheet says the year is missing: the manager should not have to guess.
    @Test func aClassDateThatDoesNotReadSaysWhatIsWrongWithIt() throws {
        let rows = try Support.runSheets(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n", "classes.csv": """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K01,いきいき体操,自由,30,火,"2,4",10:00,11:30,多目的室,18/4/1,2019-03-31,翌週,
            K02,脳トレ教室,抽選,20,木,"1,3",14:00,15:30,研修室,2018-05-01,H31.5.31,休止,2018-04-20
            K03,お口の講座,抽選,25,水,毎週,10:00,11:30,研修室,2018-05-01,2019-03-31,翌週,4月20日
            K04,転倒予防,抽選,25,金,毎週,10:00,11:30,研修室,2018-05-01,2019-03-31,翌週,締切なし

            """]).findings.filter { $0.first == "classes.csv" }
        let said = Dictionary(uniqueKeysWithValues: rows.map { ("\($0[1]) \($0[2])", $0[4]) })
        #expect(Set(rows.map { $0[3] }) == ["R215"], "still the classes.csv code")
        #expect(said["2 期間開始"]?.contains("西暦が2桁") == true)
        #expect(said["3 期間終了"]?.contains("平成の期間外") == true)
        #expect(said["4 申込締切"]?.contains("年がありません") == true)
        #expect(said["5 申込締切"]?.contains("日付として読めません") == true)
        #expect(rows.count == 4)
    }

    /// 隔週 and 最終 are how a timetable says it, and cannot be planned as written: each is told why.
    /// The holiday rule is read in a timetable's words too (休み, 翌週振替).
    @Test func weeksAndHolidayRulesInATimetablesWords() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n", "classes.csv": """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K01,いきいき体操,自由,30,火,"2,4",10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週振替,
            K02,脳トレ教室,自由,20,木,"1,3",14:00,15:30,研修室,2018-05-01,2019-03-31,祝日休み,
            K03,お口の講座,自由,25,水,隔週,10:00,11:30,研修室,2018-04-01,2019-03-31,翌週,
            K04,書道,自由,25,土,最終,10:00,11:30,和室,2018-04-01,2019-03-31,休止,

            """])
        let said = Dictionary(uniqueKeysWithValues: rows.filter { $0[0] == "classes.csv" }.map { ("\($0[1]) \($0[2])", $0[4]) })
        #expect(said.keys.sorted() == ["4 週", "5 週"], "K01 and K02 are planned")
        #expect(said["4 週"]?.contains("隔週") == true && said["5 週"]?.contains("最終") == true)
        #expect(o.summary.sessionsPlanned > 40)
    }

    /// A lottery whose deadline falls on or after its first day (a typo in either date) was
    /// planned and drawn without a word; the class is kept, and the manager is told.
    @Test func aLotteryDeadlineOnOrAfterTheFirstDayIsANotice() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-05.csv": "日付,事業,行事,氏名,電話番号,年齢,住所,本人確認\n", "classes.csv": """
            講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切
            K02,脳トレ教室,抽選,20,木,"1,3",14:00,15:30,研修室,2018-05-01,2019-03-31,休止,2018-05-20
            K03,お口の講座,抽選,20,水,"1,3",14:00,15:30,研修室,2018-05-01,2019-03-31,休止,2018-05-01
            K04,転倒予防,抽選,20,金,"1,3",14:00,15:30,研修室,2018-05-01,2019-03-31,休止,2018-04-30

            """], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.sessionsPlanned > 0 && o.status == .clean, "the classes are kept; a notice changes no status")
        let late = try CheckStage.run(inputDir: dir, files: [], operatorName: "山田 花子").notices.filter { $0.code == .lateDeadline }
        #expect(late.map(\.row) == [2, 3] && late.allSatisfy { $0.file == "classes.csv" })
        #expect(late.first?.message.contains("当選者が決まっていません") == true)
        #expect(Support.read(out + "/index.html").contains("W913"), "on the front page's notices")
    }

    @Test func aVisitOnTheRegularDayOfAMovedOrCancelledSessionSaysWhatBecameOfIt() throws {
        let dir = Support.tempDir(), out = dir + "/out"
        defer { Support.remove(dir) }
        Support.input(["visits/2018-07.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-07-16,介護予防,K09,架空 一郎,0310000001,70,新宿区大久保2-3-4,済
            2018-07-23,介護予防,K09,架空 一郎,0310000001,70,新宿区大久保2-3-4,済
            2018-05-03,介護予防,K02,架空 一郎,0310000001,70,新宿区大久保2-3-4,済
            2018-07-17,介護予防,K09,架空 一郎,0310000001,70,新宿区大久保2-3-4,済

            """], in: dir + "/in")
        // K09 meets on the 3rd Monday; 2018-07-16 is 海の日, so that session moves to the 23rd.
        Support.write(dir + "/in/classes.csv", Support.classes + "K09,健康講座,自由,20,月,3,10:00,11:30,多目的室,2018-04-01,2019-03-31,翌週,\n")
        _ = try Support.run(input: dir + "/in", output: out)
        let held = Dictionary(uniqueKeysWithValues: Support.validationRows(out).filter { $0[3] == "H402" }.map { ($0[1], $0[4]) })
        #expect(held.keys.sorted() == ["2", "4", "5"], "the 23rd is the moved session: accepted")
        #expect(held["2"]?.contains("海の日のため 2018年7月23日") == true, "\(held["2"] ?? "")")
        // K02 (3 May, 憲法記念日) is a 休止 class: that session is not held.
        #expect(held["4"]?.contains("憲法記念日のため休みです") == true, "\(held["4"] ?? "")")
        #expect(held["5"]?.contains("この日に開かれていません") == true)
    }
}
