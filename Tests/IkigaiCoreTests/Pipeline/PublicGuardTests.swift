import Foundation
import Testing
@testable import IkigaiCore

/// The last check before public files are written: every name, address and
/// phone of the input is found wherever it sits in a public file, and the
/// first offending file in order is the one named.
@Suite("Public-file guard")
struct PublicGuardTests {
    static let needles = PublicGuard.Needles(
        names: ["伊藤節子", "山本一"], addresses: ["新宿区大久保2-3-4", "大久保2-3-4"], phones: ["0311112222"])

    static func file(_ path: String, _ text: String, confidential: Bool = false) -> OutputFile {
        OutputFile(path: path, bytes: Array(text.utf8), confidential: confidential)
    }

    func leak(_ files: [OutputFile]) -> PublicGuard.Leak? {
        do { try PublicGuard.check(files, needles: Self.needles) } catch { return error }
        return nil
    }

    @Test func eachKindIsFoundAndNamed() {
        #expect(leak([Self.file("summary.json", "{\"note\": \"伊藤 節子\"}")])?.what.hasPrefix("氏名") == true)
        #expect(leak([Self.file("stats/a.csv", "町,人数\r\n大久保２－３－４,5\r\n")])?.what.hasPrefix("住所") == true)
        #expect(leak([Self.file("history/x.json", "\"tel\": \"03-1111-2222\"")])?.what.hasPrefix("電話番号") == true)
        #expect(leak([Self.file("stats/a.csv", "町,人数\r\n大久保2丁目,5\r\n山本,3\r\n")]) == nil,
                "a town or a surname alone is not a needle")
    }

    @Test func theFirstOffendingFileInOrderIsNamedWhereverItsLeakSits() {
        // Far more lines than one chunk of the search: the leaks sit in late chunks.
        let lines = (0..<5_000).map { "groups/2018-04.csv|\($0)|R209" }
        var late = lines, later = lines
        late[4_321] = "大久保2-3-4"
        later[1_200] = "山本一"
        let files = [
            Self.file("schedule.csv", "日,講座\r\n2018-05-10,体操\r\n"),
            Self.file("people/people.csv", "伊藤節子", confidential: true),
            Self.file("rosters/x.html", "伊藤節子"),
            Self.file("history/a.json", late.joined(separator: "\n")),
            Self.file("history/b.json", later.joined(separator: "\n")),
        ]
        let found = leak(files)
        #expect(found?.file == "history/a.json" && found?.what.hasPrefix("住所") == true,
                "confidential and staff-only files are not public; the first public leak is named")
        #expect(leak(Array(files.prefix(3))) == nil)
        #expect(leak([files[0], files[4], files[3]])?.file == "history/b.json")
    }

    @Test func needlesFromTheIntakeHoldEverySpellingOfEveryRow() throws {
        // Many rows repeat a few spellings, and thousands of spellings occur once: every one
        // of them is a needle, whichever row it first came from.
        let dir = Support.tempDir(), header = SheetStreamingTests.header
        defer { Support.remove(dir) }
        var g = SplitMix64(seed: 11)
        let kanji = Array("山川田中村木林森本原松竹梅花子一二三郎夫江美和恵")
        var spellings: [(name: String, phone: String, address: String)] = []
        var seen = Set<String>()
        while spellings.count < 3_000 {
            let name = String((0..<4).map { _ in kanji[Int(g.next() % UInt64(kanji.count))] })
            guard seen.insert(name).inserted else { continue }
            spellings.append((name, String(format: "03-%04d-%04d", spellings.count / 100, spellings.count), "大久保2-\(spellings.count)-1"))
        }
        var body = header
        for s in spellings { body += "2018-05-10,交流,喫茶,\(s.name),\(s.phone),70,\(s.address),済\r\n" }
        for i in 0..<2_000 { let s = spellings[i % 7]; body += "2018-05-11,交流,喫茶,\(s.name),\(s.phone),70,\(s.address),済\r\n" }
        Support.input(["visits/2018-05.csv": body], in: dir)
        let intake = try IntakeStage.run(inputDir: dir, settings: try Settings.load(path: dir + "/settings.toml"), through: nil)
        #expect(intake.rowsAccepted == 5_000)
        let needles = PublicGuard.Needles(intake: intake)
        for (i, s) in spellings.enumerated() where i % 3 == 0 {
            let page = [Self.file("stats/a.csv", "区分,人数\r\n\(s.name),5\r\n"), Self.file("stats/b.csv", "x\r\n\(s.address)\r\n"),
                        Self.file("stats/c.csv", "x\r\n\(s.phone)\r\n")]
            for f in page {
                var leak: PublicGuard.Leak?
                do { try PublicGuard.check([f], needles: needles) } catch { leak = error }
                #expect(leak != nil, "\(f.path) row \(i)")
            }
        }
    }

    @Test func anAddressWrittenOnlyAsFarAsItsTownOrASurnameThatIsATownDoesNotStopTheRun() throws {
        // Each of these rows alone made every run fail at the guard with nothing written: the
        // area table prints 大久保2丁目 and 百人町2丁目, the schedule's footer the ward and area.
        let dir = Support.tempDir(), out = Support.tempDir("out"), header = SheetStreamingTests.header
        defer { Support.remove(dir); Support.remove(out) }
        let rows = [
            "2018-05-08,交流,喫茶,山田 一郎,03-1111-2201,70,大久保2丁目,済",
            "2018-05-08,交流,喫茶,山田 二郎,03-1111-2202,70,東京都新宿区,済",
            "2018-05-08,交流,喫茶,山田 三郎,03-1111-2203,70,百人町２丁目,済",
            "2018-05-08,交流,喫茶,大久保,03-1111-2204,70,新宿区大久保1-2-3,済",
            "2018-05-08,交流,喫茶,伊藤 節子,03-1111-2205,70,新宿区大久保二丁目三番四号,済",
        ]
        Support.input(["visits/2018-05.csv": header + rows.joined(separator: "\r\n") + "\r\n"], in: dir)
        let outcome = try Support.run(input: dir, output: out)
        #expect(outcome.summary.rowsAccepted == 5, "the run writes its documents")

        // What still names someone is still looked for.
        let intake = try IntakeStage.run(inputDir: dir, settings: try Settings.load(path: dir + "/settings.toml"), through: nil)
        let needles = PublicGuard.Needles(intake: intake)
        func leaks(_ text: String) -> Bool {
            do { try PublicGuard.check([Self.file("stats/a.csv", "x\r\n\(text)\r\n")], needles: needles) } catch { return true }
            return false
        }
        #expect(leaks("新宿区大久保1-2-3") && leaks("新宿区大久保二丁目三番四号") && leaks("伊藤節子") && leaks("山田一郎"))
        #expect(!leaks("大久保2丁目") && !leaks("新宿区") && !leaks("百人町2丁目") && !leaks("大久保特別出張所管内"))
    }

    @Test func aPartOfALongPlaceNameIsAPlaceHoweverLong() throws {
        // Parts are kept up to 24 characters; a longer one is looked for in the names themselves.
        let area = "大久保北新宿百人町地域高齢者相談センター担当区域のうち大久保通り以北"
        let settings = try Settings.parse(Support.settings.replacingOccurrences(of: "name = \"大久保特別出張所管内\"", with: "name = \"\(area)\""))
        #expect(settings.area.name == area)
        let places = PublicGuard.PlaceWords(settings: settings)
        let long = String(area.dropFirst(2).prefix(30)), short = String(area.dropFirst(3).prefix(3))
        #expect(places.isPlace(name: NameFolding.name(long)) && places.isPlace(name: NameFolding.name(short)))
        #expect(places.isPlace(name: NameFolding.name(area)))
        #expect(!places.isPlace(name: NameFolding.name(long + "前")) && !places.isPlace(name: "伊藤節子"))
    }

    @Test func phonesAreComparedAsNumbersThatKeepTheirLength() {
        #expect(PublicGuard.phoneCode("0312345678") == 10_312_345_678)
        #expect(PublicGuard.phoneCode("03123456780") != PublicGuard.phoneCode("0312345678"))
        #expect(PublicGuard.phoneCode("0012") != PublicGuard.phoneCode("012"), "leading zeros count")
        #expect(PublicGuard.phoneCode("03-1234") == nil && PublicGuard.phoneCode("０３") == nil)
        #expect(PublicGuard.phoneCode(String(repeating: "9", count: 18)) != nil)
        #expect(PublicGuard.phoneCode(String(repeating: "9", count: 19)) == nil, "too long for a phone, and for 64 bits")
    }

    @Test func theIndexFindsWhatAPlainSearchFinds() {
        var g = SplitMix64(seed: 7)
        let alphabet = Array("大久保新宿百人町北西一二三ー-1234").map(String.init)
        func text(_ n: Int) -> String { (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }.joined() }
        let needles = Set((0..<300).map { _ in text(Int.random(in: 2...6, using: &g)) })
        // Also with hashes of three bits, so that most needles share a hash with others.
        let indexes = [NeedleIndex(Array(needles) + needles.prefix(50)), NeedleIndex(Array(needles) + needles.prefix(50), hashBits: 3)]
        for _ in 0..<3_000 {
            let t = text(Int.random(in: 0...40, using: &g))
            let plain = needles.contains { n in
                let u = Array(t.unicodeScalars), c = Array(n.unicodeScalars)
                return u.count >= c.count && (0...(u.count - c.count)).contains { u[$0..<($0 + c.count)].elementsEqual(c) }
            }
            for index in indexes { #expect(index.occurs(in: t) == plain, "\(t)") }
        }
    }
}
