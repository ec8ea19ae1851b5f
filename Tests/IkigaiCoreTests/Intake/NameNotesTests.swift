import Testing
@testable import IkigaiCore

@Suite("Notes and marks a clerk writes beside a name")
struct NameNotesTests {
    @Test(arguments: [
        ("架空 一郎（新規）", "架空 一郎", "新規"), ("架空 一郎(代理)", "架空 一郎", "代理"), ("架空 一郎【初回】", "架空 一郎", "初回"),
        ("架空 一郎※", "架空 一郎", nil), ("※架空 一郎", "架空 一郎", nil), ("架空 一郎 ★", "架空 一郎", nil), ("◎架空一郎", "架空一郎", nil),
        ("架空　一郎 さん", "架空　一郎", nil), ("架空一郎さん", "架空一郎", nil), ("架空 一郎（他1名）", "架空 一郎", "他1名"),
        ("架空 一郎 ※（新規）", "架空 一郎", "新規"), ("SMITH John (JACK)", "SMITH John", "JACK"),
        ("山田 さん", "山田", nil),
    ] as [(String, String, String?)])
    func notesAreSplitOff(_ written: String, _ name: String, _ note: String?) {
        let got = NameNotes.split(Text.cell(written))
        #expect(got.name == Text.cell(name) && got.note == note, "\(written) → \(got)")
    }

    /// Names that end in these characters, or that are nothing but a note, are left as written.
    @Test(arguments: ["架空 一郎", "山田 ありさ", "やまだ みさ", "架空 一郎様", "（新規）", "※", "John (Jack) Smith"])
    func namesAreLeftAlone(_ written: String) {
        let cell = Text.cell(written)
        #expect(NameNotes.split(cell).name == cell, "\(written)")
    }

    /// The byte test that lets most names through untouched misses no mark and no bracket.
    @Test func theQuickTestMissesNothingSplitWouldRemove() {
        var missed: [String] = []
        for v in UInt32(0x21)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let mark = String(Character(u))
            if NameNotes.isMark(u), !NameNotes.mayHoldNotes(mark + "山田") || !NameNotes.mayHoldNotes("山田" + mark) { missed.append(mark) }
            if NameNotes.opening(of: u) != nil || u == "ん", !NameNotes.mayHoldNotes("山田" + mark) { missed.append(mark) }
        }
        #expect(missed.isEmpty, "\(missed)")
        #expect(!NameNotes.mayHoldNotes("山田 太郎") && !NameNotes.mayHoldNotes("SMITH John") && !NameNotes.mayHoldNotes("やまだ はなこ"))
    }

    /// One resident written five ways on one phone was five users.
    @Test func oneResidentWithNotesIsOnePerson() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-10,交流,喫茶,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2018-05-11,交流,喫茶,架空 一郎（新規）,03-1000-0001,70,大久保1-1-1,済
            2018-05-12,交流,喫茶,架空 一郎(代理),03-1000-0001,70,大久保1-1-1,済
            2018-05-13,交流,喫茶,※架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2018-05-15,交流,喫茶,架空　一郎 さん,03-1000-0001,70,大久保1-1-1,済
            2018-05-16,交流,喫茶,架空 二郎（ご夫妻）,03-1000-0002,70,大久保1-1-1,済
            2018-05-16,交流,喫茶,架空 三郎・花子（カクウ サブロウ・ハナコ）,03-1000-0003,70,大久保1-1-1,済

            """])
        #expect(o.summary.rowsAccepted == 5)
        #expect(o.summary.people == 1, "one resident")
        let rejected = rows.map { "\($0[1]):\($0[3])" }
        #expect(rejected == ["7:R221", "8:R221"], "the couple in the note is two people, and so is the couple before a note")
    }
}
