import Testing
@testable import IkigaiCore

@Suite("Headers of the sheets")
struct HeaderTests {
    func map(_ cells: [String], _ kind: SheetKind = .visits, extra: [String] = []) -> Result<HeaderMap, HeaderMap.Problem> {
        HeaderMap.read(cells, kind: kind, extraProhibited: extra)
    }

    @Test func japaneseEnglishAndFullWidthHeadersMatch() throws {
        let m = try map(["\u{FEFF}No.", " 日付 ", "program", "行事", "氏　名", "ＰＨＯＮＥ", "Birth_Date", "住所", "本人確認", "フリガナ", ""]).get()
        #expect(m.index[.date] == 1)
        #expect(m.index[.program] == 2)
        #expect(m.index[.name] == 4)
        #expect(m.index[.phone] == 5)
        #expect(m.index[.birthDate] == 6)
        #expect(m.ignored == [0])
        #expect(m.width == 10)
    }

    @Test func unknownColumnRefusesAndListsAllowedHeaders() {
        guard case .failure(let p) = map(["日付", "事業", "行事", "氏名", "電話番号", "年齢", "住所", "本人確認", "メールアドレス"]) else {
            Issue.record("an unknown column must refuse the sheet")
            return
        }
        #expect(p.code == .unknownColumn)
        #expect(p.column == "メールアドレス")
        #expect(p.message.contains("氏名 (name)"))
        #expect(p.message.contains("生年月日 (birth_date)"))
    }

    @Test func aHeaderClerksWriteForAnAllowedColumnRefusesWithTheNameMeant() {
        guard case .failure(let p) = map(["日付", "事業", "行事", "お名前", "TEL", "年齢", "住所", "本人確認", "ふりがな"]) else {
            Issue.record("the contract fixes the header names")
            return
        }
        #expect(p.code == .unknownColumn)
        #expect(p.message.contains("「お名前」が「氏名」のことなら"))
        #expect(p.message.contains("「TEL」が「電話番号」のことなら"))
        #expect(p.message.contains("「ふりがな」が「フリガナ」のことなら"))
        // No hint for a column the sheet already has, nor for one its kind does not allow.
        guard case .failure(let q) = map(["グループ名", "氏名", "電話番号", "携帯", "住所"], .groups) else {
            Issue.record("unknown columns refuse")
            return
        }
        #expect(!q.message.contains("のことなら"))
        guard case .failure(let r) = map(["申込日", "講座", "氏名", "電話番号", "年齢", "住所", "本人確認"], .applications) else {
            Issue.record("unknown columns refuse")
            return
        }
        #expect(r.message.contains("「講座」が「講座ID」のことなら"))
    }

    @Test func aHeaderWithANoteAfterItIsToldWhichHeaderItMeans() {
        guard case .failure(let p) = map(["日付", "事業", "行事", "氏名（フルネーム）", "電話番号※日中", "年令（歳）", "住所", "本人確認欄"]) else {
            Issue.record("the contract fixes the header names")
            return
        }
        #expect(p.message.contains("「氏名（フルネーム）」が「氏名」のことなら"))
        #expect(p.message.contains("「電話番号※日中」が「電話番号」のことなら"))
        #expect(p.message.contains("「年令（歳）」が「年齢」のことなら"), "a near miss with a note")
        #expect(p.message.contains("「本人確認欄」が「本人確認」のことなら"))
        // A note alone, or a header that only begins like an allowed one, is not guessed at.
        guard case .failure(let q) = map(["日付", "事業", "行事", "氏名", "電話番号", "年齢", "住所", "本人確認", "（備考）", "住所録"]) else {
            Issue.record("unknown columns refuse")
            return
        }
        #expect(!q.message.contains("のことなら"))
    }

    @Test func aTitleRowOrDataInRowOneIsNamedAsSuch() {
        for first in [["来館記録 2018年5月", "", "", ""], ["2018-05-10", "交流", "お茶会", "架空 一郎", "0310000001"]] {
            guard case .failure(let p) = map(first) else {
                Issue.record("no header row must refuse the sheet")
                continue
            }
            #expect(p.code == .unknownColumn)
            #expect(p.message.hasPrefix("1行目に決められた見出しが1つもない"))
            // Row 1 may be a person's row: none of its cells is echoed to the terminal.
            #expect(p.column == "（1行目）")
            #expect(!first.contains { !$0.isEmpty && (p.message.contains($0) || p.column.contains($0)) })
        }
    }

    /// Row 1 holding the headers and, to their right, a person's cells (typed into the wrong row,
    /// or a first row whose line break was lost): the message and the `column` field go to the
    /// terminal and to validation.csv, so such cells are named by their place. They used to be
    /// quoted (found by the `sheets` fuzz target).
    @Test func aPersonsCellsBesideTheHeadersAreNamedByTheirPlace() {
        let person = ["架空 次郎", "090-1111-2222", "新宿区大久保2-30-9", "@和子"]
        let headers = ["日付", "事業", "行事", "氏名", "電話番号", "年齢", "住所", "本人確認"]
        guard case .failure(let p) = map(headers + person + ["備考", "メールアドレス（任意）"]) else {
            Issue.record("unknown columns refuse the sheet")
            return
        }
        #expect(p.code == .unknownColumn)
        #expect(!person.contains { p.message.contains($0) || p.column.contains($0) }, "\(p.message) \(p.column)")
        #expect(p.column == "（9列目）、（10列目）、（11列目）、（12列目）、備考、メールアドレス（任意）")
        #expect(p.message.hasPrefix("決められていない列9列目・10列目・11列目・12列目・「備考」・「メールアドレス（任意）」がある"), "\(p.message)")
        // A header word with a note of digits is a header no longer; nor is a prohibited header that holds more.
        guard case .failure(let q) = map(headers + ["氏名(090-1111-2222)"]) else {
            Issue.record("unknown columns refuse the sheet")
            return
        }
        #expect(!q.message.contains("1111") && !q.column.contains("1111") && q.column == "（9列目）")
        guard case .failure(let r) = map(headers + ["病歴 架空次郎"]) else {
            Issue.record("a prohibited column refuses the sheet")
            return
        }
        #expect(r.code == .prohibitedColumn && !r.message.contains("架空") && r.column == "（9列目）", "\(r.message)")
        #expect(r.message.hasPrefix("9列目は収集が禁止された項目（病歴）"), "\(r.message)")
        guard case .failure(let s) = map(headers + ["病歴"]) else {
            Issue.record("a prohibited column refuses the sheet")
            return
        }
        #expect(s.column == "病歴" && s.message.hasPrefix("列「病歴」は収集が禁止された項目"))
    }

    /// `サークル名,お名前,TEL`: every header one a clerk often writes, none the contract's. It was
    /// told "row 1 has no header, delete the title row above"; now each is named with its header.
    @Test func aHeaderRowOfNearMissesIsToldWhatEachMeans() {
        guard case .failure(let p) = map(["サークル名", "お名前", "TEL"], .groups) else {
            Issue.record("near-miss headers refuse the sheet")
            return
        }
        #expect(p.code == .unknownColumn)
        #expect(!p.message.contains("1つもない"))
        #expect(p.message.contains("「サークル名」が「グループ名」のことなら") && p.message.contains("「お名前」が「氏名」のことなら")
            && p.message.contains("「TEL」が「電話番号」のことなら"), "\(p.message)")
        #expect(p.column == "サークル名、お名前、TEL")
        // One near miss among a title's words is still a title row.
        guard case .failure(let t) = map(["名簿", "名前", "", ""], .groups) else {
            Issue.record("no header row must refuse the sheet")
            return
        }
        #expect(t.message.hasPrefix("1行目に決められた見出しが1つもない"))
    }

    @Test func aSheetSavedTabOrSemicolonSeparatedIsNamedAsSuch() {
        for (first, separator) in [(["日付\t事業\t行事\t氏名\t電話番号\t年齢\t住所\t本人確認"], "タブ"),
                                   (["グループ名;氏名;電話番号"], "セミコロン")] {
            guard case .failure(let p) = map(first, first[0].contains(";") ? .groups : .visits) else {
                Issue.record("a sheet that is not comma-separated must refuse")
                continue
            }
            #expect(p.code == .unknownColumn)
            #expect(p.column == "（1行目）")
            #expect(p.message.contains("\(separator)で区切られています") || p.message.contains("\(separator)（;）で区切られています"), "\(p.message)")
            #expect(p.message.contains("CSV (コンマ区切り)"))
        }
        // One tab in a title is not a tab-separated header row.
        guard case .failure(let t) = map(["来館記録\t2018年5月"]) else {
            Issue.record("no header row must refuse the sheet")
            return
        }
        #expect(t.message.hasPrefix("1行目に決められた見出しが1つもない"))
    }

    @Test("prohibited categories have their own code", arguments: ["宗教", "国籍", "病歴の有無", "支持政党", "本籍地", "障害等級", "前科", "Religion", "nationality"])
    func prohibited(_ header: String) {
        guard case .failure(let p) = map(["氏名", "電話番号", header], .groups) else {
            Issue.record("\(header) must refuse the sheet")
            return
        }
        #expect(p.code == .prohibitedColumn)
    }

    /// The byte search finds a word where Foundation's `contains` did, and nowhere else: across
    /// every header the contract knows, the headers clerks write instead, and prohibited ones.
    @Test func prohibitedWordsAreFoundWhereFoundationFoundThem() {
        let headers = Column.allCases.flatMap { [$0.japanese, $0.english] } + HeaderMap.nearMisses.keys
            + ["宗教", "国籍", "病歴の有無", "支持政党", "本籍地", "障害等級", "前科", "Religion", "nationality", "ＲＥＬＩＧＩＯＮ",
               "政", "党", "政 党", "被害の有無", "disabilities", "partyline", "障", "がい", "ｸﾞﾙｰﾌﾟ名", "No.", ""]
        var found = 0
        for header in headers {
            let h = ProhibitedCategories.foldHeader(header)
            for word in ProhibitedCategories.builtIn + ["年収", "ｶﾞ"].map(ProhibitedCategories.foldHeader) {
                #expect(ProhibitedCategories.contains(h, word) == h.contains(word), "\(header) / \(word)")
                if h.contains(word) { found += 1 }
            }
        }
        #expect(found >= 16, "the prohibited headers are among them")
        #expect(!ProhibitedCategories.contains("政", "政党") && ProhibitedCategories.contains("政党", "政党"))
        for column in Column.allCases {
            #expect(ProhibitedCategories.match(header: column.japanese, extra: []) == nil, "\(column.japanese) is a header of the contract")
        }
    }

    @Test func settingsExtendTheProhibitedList() {
        guard case .failure(let p) = map(["グループ名", "氏名", "電話番号", "年収"], .groups, extra: ["年収"]) else {
            Issue.record("an added word must refuse the sheet")
            return
        }
        #expect(p.code == .prohibitedColumn)
    }

    @Test func groupsMayNotCarryAnAddress() {
        guard case .failure(let p) = map(["グループ名", "氏名", "電話番号", "住所"], .groups) else {
            Issue.record("the ward hands over name and phone only")
            return
        }
        #expect(p.code == .unknownColumn)
    }

    /// The advice was to delete the columns, which would destroy a good sheet saved in the wrong folder.
    @Test func aSheetInTheWrongFolderIsToldWhereItBelongs() {
        let visits = ["日付", "事業", "行事", "氏名", "電話番号", "年齢", "住所", "本人確認"]
        guard case .failure(let p) = map(visits, .groups) else {
            Issue.record("a visits sheet in groups/ is refused")
            return
        }
        #expect(p.code == .unknownColumn && p.message.contains("Input/visits/") && p.message.contains("列は消さずに"))
        guard case .failure(let q) = map(["No.", "申込日", "講座ID", "氏名", "電話番号", "生年月日", "住所", "本人確認"], .visits) else {
            Issue.record("an applications sheet in visits/ is refused")
            return
        }
        #expect(q.message.contains("Input/applications/"))
        // One stray column is a stray column, not another kind of sheet.
        guard case .failure(let r) = map(visits + ["メモ"], .groups) else {
            Issue.record("refused")
            return
        }
        #expect(!r.message.contains("移してください") && r.message.contains("メモ"))
    }

    @Test func blankFirstRowSaysSo() {
        guard case .failure(let p) = map(["", " ", ""]) else {
            Issue.record("a blank first row has no headers")
            return
        }
        #expect(p.code == .missingColumn && p.message.contains("1行目が空") && p.column == "（1行目）")
    }

    @Test func missingAndDuplicateColumns() {
        guard case .failure(let missing) = map(["日付", "事業", "行事", "氏名", "電話番号", "住所", "本人確認"]) else {
            Issue.record("age or birth date is required")
            return
        }
        #expect(missing.code == .missingColumn)
        #expect(missing.message.contains("年齢"))
        guard case .failure(let dup) = map(["グループ名", "氏名", "name", "電話番号"], .groups) else {
            Issue.record("two name columns must refuse")
            return
        }
        #expect(dup.code == .duplicateColumn)
    }
}

@Suite("settings.toml")
struct SettingsTests {
    @Test func readsTheContractKeys() throws {
        let s = try Settings.parse(Support.settings)
        #expect(s.fiscalYear == 2018)
        #expect(s.fiscalYearStart == CivilDate(year: 2018, month: 4, day: 1))
        #expect(s.fiscalYearEnd == CivilDate(year: 2019, month: 3, day: 31))
        #expect(s.area.eligiblePopulation == 10204)
        #expect(s.area.eligibleAsOf == CivilDate(year: 2017, month: 10, day: 1))
        #expect(s.area.towns.map(\.label) == ["大久保1丁目", "大久保2丁目", "百人町2丁目"])
        #expect(s.minAge == 60)
        #expect(s.minCell == 10)
        #expect(s.targetSessions == 96)
        #expect(s.closedEveryYear.count == 6)
        #expect(s.handler(named: "山田花子")?.role == .responsible)
        #expect(s.handler(named: "ＹＡＭＡＤＡ") == nil)
        #expect(s.isInArea(town: "大久保", chome: 2))
        #expect(!s.isInArea(town: "大久保", chome: 3))
        #expect(s.unknownKeys.isEmpty)
    }

    func error(_ text: String) -> SettingsError? {
        do { _ = try Settings.parse(text); return nil } catch { return error }
    }

    @Test func missingKeyIsNamed() {
        let e = error(Support.settings.replacingOccurrences(of: "eligible_population = 10204\n", with: ""))
        #expect(e?.key == "area.eligible_population")
        #expect(e?.line == 6, "a missing key is reported at its table, where it is to be written")
    }

    @Test func wrongTypeIsNamed() {
        let e = error(Support.settings.replacingOccurrences(of: "fiscal_year = 2018", with: "fiscal_year = \"平成30年\""))
        #expect(e?.key == "fiscal_year")
        #expect(e?.expected.contains("整数") == true)
        #expect(e?.line == 1)
        #expect(e?.description.hasPrefix("settings.toml:1: 「fiscal_year」: ") == true)
    }

    @Test func aFiscalYearWhoseHolidaysAreNotComputedIsRefused() throws {
        let e = error(Support.settings.replacingOccurrences(of: "fiscal_year = 2018", with: "fiscal_year = 2099"))
        #expect(e?.key == "fiscal_year" && e?.expected.contains("2098") == true)
        let last = try Settings.parse(Support.settings.replacingOccurrences(of: "fiscal_year = 2018", with: "fiscal_year = 2098"))
        #expect(!JapaneseHolidays.holidays(in: last.fiscalYear + 1).isEmpty, "January to March of its last fiscal year have holidays")
    }

    @Test func aClosedDateThatIsNotADateIsNamedAmongTheYearsClosures() {
        let e = error(Support.settings + "[calendar]\nclosed_dates = [2018-08-15, \"2018-08-16\", \"8月17日\"]\n")
        #expect(e?.key == "calendar.closed_dates")
        #expect(e?.expected.contains("「8月17日」が日付として読めません") == true, "the one entry at fault, as written")
        #expect(error(Support.settings + "[calendar]\nclosed_dates = [2018-08-15, 17]\n")?.expected.contains("2番目") == true)
    }

    @Test func closuresInTheFormsTheDeskWrites() throws {
        // The manager writes the closures by hand: the days as the sheets write dates, in quotes.
        let s = try Settings.parse(Support.settings + """
            [calendar]
            closed = ["12/29", "１２月３０日", "12-31", "1/1", " 01-02 ", "1月3日"]
            closed_dates = [2018-08-15, "2018/8/16", "H30.8.17", "平成30年9月3日"]

            """)
        #expect(s.closedEveryYear.map { [$0.month, $0.day] } == [[12, 29], [12, 30], [12, 31], [1, 1], [1, 2], [1, 3]])
        #expect(s.closedDates.map(\.iso) == ["2018-08-15", "2018-08-16", "2018-08-17", "2018-09-03"])
        #expect(error(Support.settings + "[calendar]\nclosed = [\"12/32\"]\n")?.key == "calendar.closed")
        #expect(error(Support.settings + "[calendar]\nclosed = [\"12\"]\n")?.key == "calendar.closed")
    }

    /// Every line below a table header belongs to that table: `min_age = 65` added at the end of
    /// the file is a key of the last handler. It was a notice, and the run judged ages against 60.
    @Test func aContractKeyUnderTheWrongTableStopsTheRunSayingWhereItBelongs() {
        let e = error(Support.settings + "min_age = 65\n")
        #expect(e?.key == "handlers.min_age")
        #expect(e?.line == 17)
        #expect(e?.expected.contains("「min_age」は [eligibility] の見出しの下に書く設定") == true)
        #expect(e?.expected.contains("[[handlers]] の項目として読まれ") == true)
        #expect(e?.expectedEnglish.contains("eligibility.min_age") == true)
        // A misplaced fiscal_year is told where it belongs, not reported missing.
        let year = error(Support.settings.replacingOccurrences(of: "fiscal_year = 2018\n", with: "") + "[calendar]\nfiscal_year = 2018\n")
        #expect(year?.key == "calendar.fiscal_year")
        #expect(year?.expected.contains("ファイルの先頭（最初の [ ] の見出しより上）に書く設定") == true)
        // Also when the key is written in its place too: which value is meant cannot be told.
        let twice = error(Support.settings + "[eligibility]\nmin_age = 60\n[privacy]\nmin_age = 65\n")
        #expect(twice?.key == "privacy.min_age")
        // The handlers as an inline array, below a table: told where they go, not that there are none.
        let handlers = error(Support.settings.replacingOccurrences(of: "[[handlers]]\nname = \"山田 花子\"\nrole = \"取扱責任者\"\n", with: "")
            + "[calendar]\nhandlers = [{ name = \"山田 花子\", role = \"取扱責任者\" }]\n")
        #expect(handlers?.key == "calendar.handlers")
        #expect(handlers?.expected.contains("「handlers」はファイルの先頭（最初の [ ] の見出しより上）か [[handlers]] の見出しに書く設定") == true)
        #expect(error(Support.settings + "[calendar]\nrole = \"取扱者\"\n")?.expected.contains("「role」は [[handlers]] の見出しの下") == true)
        // Above every header: a key of no table, said so.
        let top = error("min_age = 65\n" + Support.settings)
        #expect(top?.key == "min_age")
        #expect(top?.expected.contains("最初の [ ] の見出しより上にあるため、どの表の項目にもならず使われません") == true)
    }

    /// Found by fuzzing: TOMLKit gives keys and strings back as C strings, cut at a NUL. A key
    /// written with `\u0000` stopped the run (SIGILL in the library's iterator); a value came back
    /// cut, so a lottery seed `"2018\u0000-seed"` drew with the seed "2018".
    @Test func aNULWrittenAsAnEscapeIsRefusedAtItsLine() throws {
        let key = error("\"x\\u0000y\" = 1\n" + Support.settings)
        #expect(key?.line == 1)
        #expect(key?.expected.contains("NUL 文字") == true)
        let seed = error(Support.settings.replacingOccurrences(of: "\"2018-public-seed\"", with: "\"2018\\u0000-seed\""))
        #expect(seed?.line == 13)
        #expect(error(Support.settings + "[privacy]\nprohibited_headers = [\"a\\U00000000\"]\n")?.line == 18)
        // After a `#`, the characters are a comment's; a key that holds one after a `#` is still refused.
        #expect(try Settings.parse("# \\u0000 は書けません\n" + Support.settings).lotterySeed == "2018-public-seed")
        let hidden = error("\"a#\\u0000\" = 1\n" + Support.settings)
        #expect(hidden?.expected.contains("キーに NUL 文字") == true)
        #expect(hidden?.line == 1)
    }

    @Test func aNameSeveralTablesUseStaysANotice() throws {
        let s = try Settings.parse(Support.settings + "[privacy]\nname = \"x\"\ntowns = []\nnote = \"y\"\n")
        #expect(s.unknownKeys == ["privacy.name", "privacy.note", "privacy.towns"])
        #expect(Settings.home(ofLeaf: "min_age", besides: "handlers.min_age") == "eligibility.min_age")
        #expect(Settings.home(ofLeaf: "min_age", besides: "eligibility.min_age") == nil, "a key in its place is not misplaced")
        #expect(Settings.home(ofLeaf: "name", besides: "privacy.name") == nil)
    }

    @Test func syntaxErrorHasALine() {
        let e = error("fiscal_year = 2018\n[ward\nname = 1\n")
        #expect(e?.line == 2)
    }

    /// Found by fuzzing: the TOML library aborted the process on these headers.
    @Test("a table header in Japanese or with a control character is an error with its place, not a crash", arguments: [
        ("[区]", 1, 2), ("[[取扱者]]", 1, 3), ("[ 区]", 1, 3), ("\t[\u{FFFD}]", 1, 3), ("[\u{01}]", 1, 2), ("[\nward]", 1, 2), ("\u{FEFF} [[[a]]]", 1, 4), ("# c\r\n[##s\r\n", 2, 2), ("a = 1\r\n[  ", 2, 4),
    ])
    func headerTheLibraryCannotTake(_ header: String, _ line: Int, _ column: Int) {
        let e = error(header + "\n" + Support.settings)
        #expect(e?.line == line)
        #expect(e?.column == column)
        #expect(e?.expected.contains("半角英字") == true)
    }

    /// Found by fuzzing too: `}` where an array expects a value aborted the process.
    @Test("a brace where an array wants a value is an error with its place", arguments: [
        ("x = [}]", 1, 6), ("x = [\"a\", }]", 1, 11), ("x = [1, [}]]", 1, 10), ("x = [\n  }]", 2, 3), ("x = [ # c\n}]", 2, 1),
    ])
    func braceInArray(_ line: String, _ row: Int, _ column: Int) {
        let e = error(line + "\n" + Support.settings)
        #expect(e?.line == row)
        #expect(e?.column == column)
        #expect(e?.expected.contains("「}」") == true)
    }

    @Test("brackets inside arrays and multi-line strings are left to the TOML reader")
    func bracketsElsewhereAreNotHeaders() throws {
        let text = Support.settings + "\n[privacy]\nnote = \"\"\"\n[区]\n\"\"\"\n"
        #expect(TOMLPrecheck.firstBadHeader(text) == nil)
        #expect(TOMLPrecheck.firstBadHeader("a = [\n  [1, 2],\n  [\"x\"],\n  [\n    3\n  ],\n]\nb = \"[\" # [\n[ward]\n") == nil)
        #expect(TOMLPrecheck.firstBadHeader("a = [1]\n[区]\n")?.line == 2)
        #expect(TOMLPrecheck.firstBadHeader("a = [{ b = 1 }, { c = [2] }]\nd = { e = [] }\n") == nil)
    }

    @Test func handlersNeedAResponsiblePerson() {
        let e = error(Support.settings.replacingOccurrences(of: "取扱責任者", with: "取扱者"))
        #expect(e?.key == "handlers")
        #expect(e?.line == 14)
        let bad = error(Support.settings.replacingOccurrences(of: "role = \"取扱責任者\"", with: "role = \"係長\""))
        #expect(bad?.key == "handlers[1].role")
        #expect(bad?.line == 16)
        let second = error(Support.settings + "[[handlers]]\nname = \"佐藤 一郎\"\n\nrole = \"係長\"\n")
        #expect(second?.key == "handlers[2].role")
        #expect(second?.line == 20)
    }

    @Test func aPlaceNamePastSixtyFourCharactersIsAskedAgain() {
        let page = String(repeating: "東京都", count: 20_000)
        let e = error(Support.settings.replacingOccurrences(of: "prefecture = \"東京都\"", with: "prefecture = \"\(page)\""))
        #expect(e?.key == "ward.prefecture" && e?.line == 3)
        #expect(e?.expected.contains("60000 文字あります。地名は1つずつ 64 文字まで") == true)
        let town = error(Support.settings.replacingOccurrences(of: "\"大久保\",", with: "\"\(String(repeating: "大", count: 65))\","))
        #expect(town?.key == "ward.towns")
        let longest = String(repeating: "大", count: 64)
        #expect(error(Support.settings.replacingOccurrences(of: "name = \"大久保特別出張所管内\"", with: "name = \"\(longest)\"")) == nil)
    }

    @Test func areaTownsMustBeWardTowns() {
        let e = error(Support.settings.replacingOccurrences(of: "\"百人町2丁目\"]", with: "\"高円寺1丁目\"]"))
        #expect(e?.key == "area.towns")
        #expect(e?.line == 8)
    }

    @Test("a key's line is found past multi-line arrays and strings, quoted keys and a byte-order mark")
    func keyLines() {
        let text = "\u{FEFF}fiscal_year = 2018\r\n[ward]\r\ntowns = [\r\n  \"大久保\",\r\n  \"name = x\",\r\n]\r\n"
            + "note = \"\"\"\nname = 1\n\"\"\"\n \"name\" = \"新宿区\" # [x]\n[ area . sub ]\nk.j = 1\n"
        let lines = TOMLKeyLines(text)
        #expect(lines.line(for: "fiscal_year") == 1)
        #expect(lines.line(for: "ward.towns") == 3)
        #expect(lines.line(for: "ward.note") == 7)
        #expect(lines.line(for: "ward.name") == 10, "not the lines inside the array or the string")
        #expect(lines.line(for: "area.sub.k.j") == 12)
        #expect(lines.line(for: "area.sub.missing") == 11)
        #expect(lines.line(for: "area") == nil, "no [area] header of its own")
        #expect(lines.line(for: "privacy.min_cell") == nil)
    }

    @Test func aFileNotepadSavedAsShiftJISOrWithABOMReadsTheSame() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        let expected = try Settings.parse(Support.settings)
        let crlf = Support.settings.replacingOccurrences(of: "\n", with: "\r\n")
        let sjis = try #require(CP932.fromUTF8(crlf))
        #expect(sjis.count < Array(crlf.utf8).count, "the bytes really are Shift_JIS")
        Support.write(dir + "/sjis.toml", bytes: sjis)
        Support.write(dir + "/bom.toml", bytes: [0xEF, 0xBB, 0xBF] + Array(crlf.utf8))
        #expect(try Settings.load(path: dir + "/sjis.toml") == expected)
        #expect(try Settings.load(path: dir + "/bom.toml") == expected)
        // Notepad's "Unicode" is UTF-16: refused, with how to save it instead.
        Support.write(dir + "/utf16.toml", bytes: [0xFF, 0xFE] + Support.settings.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        do {
            _ = try Settings.load(path: dir + "/utf16.toml")
            Issue.record("a UTF-16 settings file was read")
        } catch {
            #expect(error.expected.contains("UTF-8 で保存し直して") && error.expected.contains("メモ帳"))
        }
    }

    @Test func unknownKeysAreReportedNotFatal() throws {
        let s = try Settings.parse(Support.settings + "\n[privacy]\nmin_cel = 5\n")
        #expect(s.unknownKeys == ["privacy.min_cel"])
        #expect(s.unknownKeyLines == ["privacy.min_cel": 19])
    }
}
