import Testing
@testable import IkigaiCore

@Suite("A class written by its title where the ID belongs")
struct ClassIDHintTests {
    @Test func theMessageNamesTheClassMeantAndTheRowIsStillRejected() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input([
            "visits/2018-04.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-04-10,介護予防,いきいき体操,架空 一郎,03-1000-0001,68,大久保1-1-1,済
            2018-04-10,介護予防,K01 いきいき体操,架空 二郎,03-1000-0002,68,大久保1-1-1,済
            2018-04-10,介護予防,K09,架空 三郎,03-1000-0003,68,大久保1-1-1,済
            2018-04-10,介護予防,Ｋ０１,架空 四郎,03-1000-0004,68,大久保1-1-1,済

            """,
            "applications/2018-04.csv": """
            申込日,講座ID,氏名,電話番号,年齢,住所,本人確認
            2018-04-12,脳トレ教室（K02）,架空 五郎,03-1000-0005,68,大久保1-1-1,済

            """,
        ], in: dir)
        let o = try Support.run(input: dir, output: out)
        #expect(o.summary.rowsAccepted == 1, "only the row with the bare ID is accepted")
        let rows = Support.validationRows(out)
        func message(_ file: String, _ row: String) -> String { rows.first { $0[0] == file && $0[1] == row }?[4] ?? "" }
        #expect(message("visits/2018-04.csv", "2").contains("講座「K01 いきいき体操」のことなら K01 と書きます"))
        #expect(message("visits/2018-04.csv", "3").contains("K01 と書きます"))
        #expect(message("visits/2018-04.csv", "4").contains("この講座IDは classes.csv にありません"), "an ID of no class gets no guess")
        #expect(message("applications/2018-04.csv", "2").contains("講座「K02 脳トレ教室」のことなら K02 と書きます"))
        #expect(rows.allSatisfy { $0[3] != FindingCode.unknownClass.rawValue || $0[2] == "行事" || $0[2] == "講座ID" })
    }

    @Test func twoClassesInOneCellAreNamedAndTheClerkIsAskedForOneRowEach() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input([
            "visits/2018-04.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-04-10,介護予防,K01・K02,架空 一郎,03-1000-0001,68,大久保1-1-1,済
            2018-04-10,介護予防,K01・K09,架空 二郎,03-1000-0002,68,大久保1-1-1,済

            """,
            "applications/2018-04.csv": """
            申込日,講座ID,氏名,電話番号,年齢,住所,本人確認
            2018-04-12,"K02, K01",架空 五郎,03-1000-0005,68,大久保1-1-1,済

            """,
        ], in: dir)
        _ = try Support.run(input: dir, output: out)
        let rows = Support.validationRows(out)
        func message(_ file: String, _ row: String) -> String { rows.first { $0[0] == file && $0[1] == row }?[4] ?? "" }
        #expect(message("visits/2018-04.csv", "2").contains("講座IDが2つあります（K01・K02）"))
        #expect(message("applications/2018-04.csv", "2").contains("K02・K01 のそれぞれに行を分けて"))
        #expect(message("visits/2018-04.csv", "3").contains("この講座IDは classes.csv にありません"),
                "one ID of no class: not a list of classes")
    }

    /// A class whose row of classes.csv was refused is in classes.csv: "この講座IDは classes.csv
    /// にありません" sent the clerk looking for an ID that was there.
    @Test func aClassWhoseRowWasRefusedIsNamedWithThatRow() throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        let visits = """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-04-10,介護予防,K01,架空 一郎,03-1000-0001,68,大久保1-1-1,済
            2018-04-10,介護予防,k０１,架空 二郎,03-1000-0002,68,大久保1-1-1,済
            2018-04-10,介護予防,K09,架空 三郎,03-1000-0003,68,大久保1-1-1,済

            """
        Support.input(["visits/2018-04.csv": visits], in: dir)
        // K01's 祝日 left empty: the row is refused (R201), K02 is read.
        Support.write(dir + "/classes.csv", Support.classes.replacingOccurrences(of: "11:30,多目的室,2018-04-01,2019-03-31,翌週,", with: "11:30,多目的室,2018-04-01,2019-03-31,,"))
        _ = try Support.run(input: dir, output: out)
        var rows = Support.validationRows(out)
        func message(_ file: String, _ row: String) -> String { rows.first { $0[0] == file && $0[1] == row }?[4] ?? "" }
        #expect(rows.contains { $0[0] == "classes.csv" && $0[1] == "2" && $0[3] == FindingCode.missingValue.rawValue })
        #expect(message("visits/2018-04.csv", "2").contains("講座「K01」は classes.csv の 2行目にありますが、その行に誤りがあるため"))
        #expect(message("visits/2018-04.csv", "3").contains("classes.csv の 2行目"), "the ID as the class key folds it")
        #expect(message("visits/2018-04.csv", "4").contains("この講座IDは classes.csv にありません"))
        #expect(rows.filter { $0[0] == "visits/2018-04.csv" }.allSatisfy { $0[3] == FindingCode.unknownClass.rawValue })

        // classes.csv refused whole, and no classes.csv at all: said so, not that the ID is missing from it.
        Support.write(dir + "/classes.csv", Support.classes.replacingOccurrences(of: "申込締切", with: "申込締切,備考"))
        _ = try Support.run(input: dir, output: out)
        rows = Support.validationRows(out)
        #expect(message("visits/2018-04.csv", "4").contains("classes.csv を読み込めなかったため"))
        Support.remove(dir + "/classes.csv")
        _ = try Support.run(input: dir, output: out)
        rows = Support.validationRows(out)
        #expect(message("visits/2018-04.csv", "2").contains("Input に classes.csv がないため"))
    }

    @Test func theProgramIsReadUnderTheNamesStaffCallIt() {
        for name in ["交流", "地域交流", "地域交流支援", "交流事業", "地域交流事業", "Exchange"] {
            #expect(RowChecker.program(name) == .exchange, "\(name)")
        }
        for name in ["介護予防", "介護予防教室", "介護予防講座", "介護予防事業", " 介護 予防 "] {
            #expect(RowChecker.program(name) == .prevention, "\(name)")
        }
        #expect(RowChecker.program("交流・介護予防") == nil && RowChecker.program("体操") == nil)
    }
}

@Suite("A class ID written a little differently")
struct ClassIDLikeTests {
    /// `K2`, `K-02` or `K02（脳トレ）` was "not in classes.csv, check the ID", with no word of
    /// K02; the row is still rejected (the ID is never guessed into it), but K02 is named.
    @Test func theClassItLooksLikeIsNamed() throws {
        let (o, rows) = try Support.runSheets(["applications/2018-04.csv": """
            申込日,講座ID,氏名,電話番号,年齢,住所,本人確認
            2018-04-12,K2,架空 一郎,03-1000-0001,68,大久保1-1-1,済
            2018-04-12,K-02,架空 二郎,03-1000-0002,68,大久保1-1-1,済
            2018-04-12,Ｋ02（脳トレ）,架空 三郎,03-1000-0003,68,大久保1-1-1,済
            2018-04-12,K9,架空 四郎,03-1000-0004,68,大久保1-1-1,済
            2018-04-12,k02,架空 五郎,03-1000-0005,68,大久保1-1-1,済

            """])
        #expect(o.summary.rowsAccepted == 1, "k02 is K02 as written (letter case and width); the others are rejected")
        let said = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[4]) })
        for row in ["2", "3", "4"] { #expect(said[row]?.contains("講座「K02 脳トレ教室」のことなら、K02 と") == true, "row \(row)") }
        #expect(said["5"]?.contains("講座IDが classes.csv にありません") == true, "no class looks like K9: no guess")
    }
}

@Suite("A class visit recorded under 交流")
struct ExchangeNamedLikeClassTests {
    /// 交流 picked for a class visit (行事 K01) was counted as an exchange event named K01: the
    /// class's attendance and the prevention figures came up short without a word.
    @Test func theRowIsHeldAndNamesTheClass() throws {
        let (o, rows) = try Support.runSheets(["visits/2018-05.csv": """
            日付,事業,行事,氏名,電話番号,年齢,住所,本人確認
            2018-05-08,交流,K01,架空 一郎,03-1000-0001,70,大久保1-1-1,済
            2018-05-08,交流,ｋ０１,架空 二郎,03-1000-0002,70,大久保1-1-1,済
            2018-05-08,交流,お茶会,架空 三郎,03-1000-0003,70,大久保1-1-1,済

            """])
        #expect(o.summary.rowsAccepted == 1 && o.rowsHeld == 2, "held, not counted as exchange visits")
        #expect(rows.map { "\($0[1]):\($0[2]):\($0[3])" } == ["2:事業:H403", "3:事業:H403"])
        #expect(rows.allSatisfy { $0[4].contains("（K01 いきいき体操）") && $0[4].contains("「介護予防」に直して") })
    }
}
