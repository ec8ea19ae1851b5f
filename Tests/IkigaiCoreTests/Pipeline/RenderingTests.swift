import Foundation
import Testing
@testable import IkigaiCore

@Suite("Pages and files written for people")
struct RenderingTests {
    @Test func guardRejectsScriptsHandlersAndOutsideLinks() {
        let ok = "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body><p>&lt;script&gt;</p></body></html>"
        #expect(HTMLGuard.check(ok, page: "p") == nil)
        let links = "<html lang=\"ja\"><body><p id=\"top\"><a href=\"rosters/a.html\">a</a> <a href=\"#top\">b</a>"
            + "<img src=\"data:image/png;base64,AAAA\"/></p><p>https://example.org は文字なので可</p></body></html>"
        #expect(HTMLGuard.check(links, page: "p") == nil)
        let bad = [
            "<html lang=\"ja\"><body><script>x()</script></body></html>",
            "<html lang=\"ja\"><body><p onclick=\"x()\">a</p></body></html>",
            "<html lang=\"ja\"><body><img src=\"https://example.org/a.png\"/></body></html>",
            "<html lang=\"ja\"><body><p>unclosed</body></html>",
            "<html><body><p>no lang</p></body></html>",
            "<html lang=\"ja\"><body><iframe/></body></html>",
            "<html lang=\"ja\"><body><div><div><p OnMouseOver=\"x()\">a</p></div></div></body></html>",
            "<html lang=\"ja\"><head><title>t</title></head><body><div><div><link href=\"a.css\"/></div></div></body></html>",
            "<html lang=\"ja\"><body><p><a href=\"//example.org/x\">a</a></p></body></html>",
            "<html lang=\"ja\"><body><svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg></body></html>",
        ]
        for b in bad { #expect(HTMLGuard.check(b, page: "p") != nil, "\(b)") }
        // A forbidden element is named even when an outside link comes first.
        let both = "<html lang=\"ja\"><body><a href=\"https://example.org\">a</a><p><object/></p></body></html>"
        #expect(HTMLGuard.check(both, page: "p")?.reason.contains("<object>") == true)
        let outside = "<html lang=\"ja\"><body><a href=\"a.html\">a</a><img src=\"http://example.org/1.png\"/><a href=\"https://example.org/2\">b</a></body></html>"
        #expect(HTMLGuard.check(outside, page: "p")?.reason.contains("http://example.org/1.png") == true)
    }

    @Test func guardSaysWhatIsWrongWithEachPage() {
        func reason(_ html: String) -> String { HTMLGuard.check(html, page: "p")?.reason ?? "accepted" }
        #expect(reason("<body lang=\"ja\"><p>a</p></body>").contains("root element"))
        #expect(reason("<html><body lang=\"ja\"><p>a</p></body></html>").contains("lang"))
        #expect(reason("<html lang=\"en\"><body><p>a</p></body></html>").contains("lang"))
        #expect(reason("<html lang=\"ja\"><body><p>a</body></html>").contains("not well-formed"))
        #expect(reason("<html lang=\"ja\"><body><p>&nbsp;</p></body></html>").contains("not well-formed"))
        // Character references are read as the browser reads them.
        #expect(reason("<html lang=\"ja\"><body><a href=\"https&#58;//example.org\">a</a></body></html>").contains("outside address"))
        #expect(reason("<html lang=\"ja\"><body><a xml:lang=\"ja\" href=\"&#x2F;/example.org\">a</a></body></html>").contains("outside address"))
        #expect(reason("<html lang=\"ja\"><body><p title=\"on &amp; off\" class=\"onward\">a</p></body></html>") == "accepted")
        #expect(reason("<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\" lang=\"ja\"><h:body><h:script/></h:body></h:html>").contains("<script>"))
        // A browser opening the file reads an element's name in any case; a longer name is another element.
        #expect(reason("<html lang=\"ja\"><body><SCRIPT>x()</SCRIPT></body></html>").contains("<script>"))
        #expect(reason("<html lang=\"ja\"><body><p><IFrame/></p></body></html>").contains("<iframe>"))
        #expect(reason("<html lang=\"ja\"><head><BASE href=\"a/\"/></head><body><p>a</p></body></html>").contains("<base>"))
        #expect(reason("<html lang=\"ja\"><body><scripts/><linked/><bas/><embedded>a</embedded></body></html>") == "accepted")
    }

    /// An address is read as a browser reads it, in every attribute that loads or links one,
    /// and in style sheets: a page opened from the office's disk must not reach the network.
    @Test("addresses that leave the page, however written", arguments: [
        "<a HREF=\"https://example.org\">a</a>",
        "<a href=\" //example.org/x\">a</a>",
        "<a href=\"\\\\server\\share\\a.png\">a</a>",
        "<a href=\"https:example.org\">a</a>",
        "<a href=\"ht&#9;tps://example.org\">a</a>",
        "<a href=\"javascript:x()\">a</a>",
        "<a href=\"file:///etc/passwd\">a</a>",
        "<img src=\"a.png\" srcset=\"a.png 1x, https://example.org/b.png 2x\"/>",
        "<form action=\"https://example.org/\"><p>a</p></form>",
        "<video poster=\"//example.org/p.png\"/>",
        "<p style=\"background:url(https://example.org/t.png)\">a</p>",
        "<p style=\"background:URL( 'a.png' )\">a</p>",
        "<p style=\"background:\\75 rl(x)\">a</p>",
        "<p style=\"background-image:image-set('a.png' 1x)\">a</p>",
    ])
    func addressesThatLeaveThePage(_ body: String) {
        let page = "<html lang=\"ja\"><body>\(body)</body></html>"
        #expect(HTMLGuard.check(page, page: "p")?.reason.contains("outside address") == true, "\(body)")
    }

    /// Each of these runs its script when Chromium opens the file (checked with `chromium --headless
    /// --dump-dom`): XML reads the markup as a comment, an instruction or an identifier, a browser
    /// ends those at the first `>`. The guard accepted every one of them.
    @Test("markup that XML and a browser read apart", arguments: [
        ("<!--><script>x()</script>-->", "comment"),
        ("<!--->a<script>x()</script>-->", "comment"),
        ("<!-- a note -->", "comment"),
        ("<?x > <script>x()</script> ?>", "processing instruction"),
        ("<p><![CDATA[ a ]]></p>", "CDATA"),
        // Chromium applies the paragraph's text as a style sheet (the computed style shows it).
        ("<style/><p>b{background:url(https://example.org/t.png)}</p><style></style>", "empty <style/>"),
        ("<meta http-equiv=\" Refresh \" content=\"0;url=https://example.org/\"/>", "refresh"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" to=\"javascript:x()\"/><text>a</text></a></svg>", "<set>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><a><animate attributeName=\"href\" values=\"javascript:x()\"/></a></svg>", "<animate>"),
    ])
    func markupAParserAndABrowserReadApart(_ body: String, _ named: String) {
        let page = "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body><p>a</p>\(body)</body></html>"
        #expect(HTMLGuard.check(page, page: "p")?.reason.contains(named) == true, "\(body)")
    }

    @Test func onlyThePlainDoctype() {
        func reason(_ doctype: String) -> String {
            HTMLGuard.check(doctype + "<html lang=\"ja\"><body><p>a</p></body></html>", page: "p")?.reason ?? "accepted"
        }
        #expect(reason("<!DOCTYPE html>") == "accepted")
        #expect(reason("<!DOCTYPE html SYSTEM \"><script>x()</script>\">").contains("DOCTYPE with an identifier"))
        #expect(reason("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\">").contains("DOCTYPE with an identifier"))
        #expect(reason("<!DOCTYPE html [<!ENTITY s \"&#60;script&#62;x()&#60;/script&#62;\">]>").contains("DOCTYPE with declarations"))
        #expect(reason("<!DOCTYPE html [<!ATTLIST p a (x|y) 'x'>]>").contains("DOCTYPE with declarations"))
        #expect(reason("<!DOCTYPE html [<!ELEMENT p ANY>]>").contains("DOCTYPE with declarations"))
    }

    @Test func styleSheetsMayNotLoadAnything() {
        func reason(_ css: String) -> String {
            HTMLGuard.check("<html lang=\"ja\"><head><style>\(css)</style></head><body><p>a</p></body></html>", page: "p")?.reason ?? "accepted"
        }
        #expect(reason("@import 'https://example.org/a.css';").contains("outside address"))
        #expect(reason("body { background: url(\"t.png\") }").contains("outside address"))
        #expect(reason("<![CDATA[ p { background: url(//example.org/t.png) } ]]>").contains("CDATA"))
        #expect(reason("@page { size: A4; } body { font-family: \"Yu Gothic\", sans-serif; } a { color: #035; }") == "accepted")
        #expect(reason("p { background: url(data:image/png;base64,AAAA) } q { mask: url(#m) }") == "accepted")
        let inline = "<html lang=\"ja\"><body><p style=\"text-align:right; width:6%\"><a href=\"sessions/2018-04-05-K01.html#top\">a</a>"
            + "<img src=\"data:image/png;base64,AAAA\" srcset=\"data:image/png;base64,AAAA 1x, b.png 2x\"/></p></body></html>"
        #expect(HTMLGuard.check(inline, page: "p") == nil)
    }

    /// Text files are cut into lines on their bytes; the lines must be those Foundation's
    /// unfolding and a split by Characters gave.
    @Test func publicTextFilesAreCutIntoTheLinesAReaderSees() {
        var g = SplitMix64(seed: 75)
        let pieces = ["\r\n ", "\r\n", "\r", "\n", " ", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "a", "名前", "e\u{301}",
                      "\u{301}", "0312345678", "\t", "\u{2027}", "\u{A8}", "\u{C2}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            let expected = text.replacingOccurrences(of: "\r\n ", with: "", options: .literal).split(whereSeparator: \.isNewline).map(String.init)
            #expect(PublicGuard.lines(text) == expected, "\(text.debugDescription)")
        }
        #expect(PublicGuard.lines("SUMMARY:体操教\r\n 室\r\nEND") == ["SUMMARY:体操教室", "END"], "a folded line is read whole")
        // Folded before a combining mark, as octets allow: unfolded as a calendar does. (Foundation's
        // search left that fold, the space and mark being one Character, and cut the line there.)
        #expect(PublicGuard.lines("Jose\r\n \u{301}\r\n") == ["Jos\u{E9}"])
    }

    @Test func phoneRunsAreFoundInPublicText() {
        #expect(PublicGuard.digitRuns("電話 03-1234-5678 です") == ["0312345678"])
        #expect(PublicGuard.digitRuns("０３（１２３４）５６７８、090 1234 5678") == ["0312345678", "09012345678"])
        #expect(PublicGuard.digitRuns("03-1234-567 と 2018年5月10日") == [])
        // ASCII text is walked by bytes: the same runs as Character by Character, CR LF included.
        var g = SplitMix64(seed: 3)
        let pieces = ["0", "3", "9", "12345", "-", "(", ")", " ", "\r\n", "\r", "\n", "a", "f", "\"", ",", ":", "\t", "0312345678"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            #expect(PublicGuard.asciiDigitRuns(text) == PublicGuard.characterDigitRuns(text), "\(text.debugDescription)")
        }
        #expect(PublicGuard.asciiDigitRuns("電話 0312345678") == nil, "other text is walked by Characters")
        #expect(PublicGuard.digitRuns("") == [])
        #expect(PublicGuard.digitRuns("03ー1234−5678、(03)‐1234-0000") == ["0312345678", "0312340000"])
        #expect(PublicGuard.digitRuns("03–1234–5678 と 090―1234―5678 と 03ｰ1234ｰ5678") == ["0312345678", "09012345678", "0312345678"],
                "every dash the phone reader accepts joins a run")
        #expect(PublicGuard.digitRuns("03・1234・5678") == [], "a separator phones are not written with ends the run")
    }

    @Test func csvForExcel() {
        let t = CSVTable(header: ["a", "b"], rows: [["=SUM(A1)", "x,y"], ["-1", "say \"hi\""], ["@cmd", "+81"]])
        let text = String(decoding: t.bytes, as: UTF8.self)
        #expect(t.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text == "\u{FEFF}a,b\r\n'=SUM(A1),\"x,y\"\r\n'-1,\"say \"\"hi\"\"\"\r\n'@cmd,'+81\r\n")
    }

    @Test("a cell with a line break of any kind is quoted, so it stays one cell in Excel")
    func csvLineBreaks() {
        let t = CSVTable(header: ["a"], rows: [["1\r\n2"], ["3\n4"], ["5\r6"], ["\t7"]])
        let text = String(decoding: t.bytes, as: UTF8.self)
        #expect(text == "\u{FEFF}a\r\n\"1\r\n2\"\r\n\"3\n4\"\r\n\"5\r6\"\r\n'\t7\r\n")
        guard case .success(let back) = CSVParser.parse(Array(t.bytes.dropFirst(3))) else { Issue.record("unreadable"); return }
        #expect(back.map(\.cells) == [["a"], ["1\r\n2"], ["3\n4"], ["5\r6"], ["'\t7"]])
    }

    /// A cell that starts like a formula and also needs quotes gets its apostrophe inside them.
    /// Written before them (`'"@a\nb"`), the cell no longer began with a quote, and the line
    /// break inside it ended the line: the fuzzed validation.csv read back as three lines.
    @Test func aFormulaCellThatNeedsQuotesStaysOneCell() {
        let cells = ["@和子、070-0000-0000\nコーポ", "=A1,B1", "-\"x\"", "\r\n=1", "+81 3,4"]
        let t = CSVTable(header: ["a", "b"], rows: cells.map { [$0, "next"] })
        let text = String(decoding: t.bytes, as: UTF8.self)
        #expect(text.contains("\"'=A1,B1\",next\r\n") && text.contains("\"'-\"\"x\"\"\",next\r\n"))
        guard case .success(let back) = CSVParser.parse(Array(t.bytes.dropFirst(3))) else { Issue.record("unreadable"); return }
        #expect(back.map(\.cells) == [["a", "b"]] + cells.map { ["'" + $0, "next"] })
    }

    @Test func outputReadmeIsTheTemplate() throws {
        let template = Support.read(Support.templates + "/Output-README.md")
        #expect(!template.isEmpty)
        #expect(Support.read(Support.packageRoot + "/Output/README.md") == template)
    }

    @Test func everyFindingCodeIsDocumented() {
        let doc = Support.read(Support.packageRoot + "/docs/codes.md")
        for c in FindingCode.allCases {
            #expect(doc.contains("| \(c.rawValue) |"), "\(c.rawValue) missing from docs/codes.md")
        }
    }
}

@Suite("The templates' styles")
struct TemplateStyleTests {
    /// Class names a rule of `css` defines for any element (`.x {`, `.x, .y {`), not `td.x`.
    static func unqualifiedClasses(_ css: String) -> Set<String> {
        var out = Set<String>()
        var text = css
        while let open = text.range(of: "/*") {
            let close = text.range(of: "*/", range: open.upperBound..<text.endIndex)?.upperBound ?? text.endIndex
            text.removeSubrange(open.lowerBound..<close)
        }
        for rule in text.split(separator: "}") {
            guard let selectors = rule.split(separator: "{").first else { continue }
            for selector in selectors.split(separator: ",") {
                let first = selector.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ">" }).first ?? ""
                guard first.hasPrefix("."), first.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                else { continue }
                out.insert(String(first.dropFirst()))
            }
        }
        return out
    }

    /// Found when the schedule's own `.label` (red holiday names) took the shared style's
    /// column width, and the shared `.label` widened the calendar's holiday names.
    @Test func noPageRedefinesASharedClass() throws {
        let dir = Support.templates
        let shared = TemplateStyleTests.unqualifiedClasses(Support.read(dir + "/_style.mustache"))
        #expect(shared.contains("nowrap") && shared.contains("col-min") && shared.contains("code"))
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".mustache") && name != "_style.mustache" {
            let text = Support.read(dir + "/" + name)
            for block in text.components(separatedBy: "<style>").dropFirst() {
                let own = TemplateStyleTests.unqualifiedClasses(block.components(separatedBy: "</style>")[0])
                #expect(own.isDisjoint(with: shared), "\(name) redefines \(own.intersection(shared).sorted())")
            }
        }
        #expect(TemplateStyleTests.unqualifiedClasses("/* .z, b */ .a { x: 1 }\ntd.b, .c > p { y: 2 }\n@page { @bottom-left { z: 3 } }") == ["a", "c"])
    }
}

@Suite("Finding the templates")
struct TemplateLocationTests {
    @Test func theWorkingFolderFirstThenTheCheckoutOfTheProgram() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/checkout/Templates/index.mustache", "x")
        Support.write(dir + "/checkout/.build/x86_64-unknown-linux-gnu/release/ikigai", "binary")
        try FileManager.default.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: true)
        let exe = dir + "/checkout/.build/x86_64-unknown-linux-gnu/release/ikigai"
        // Called by its full path from another folder: the checkout's templates.
        #expect(PageTemplates.defaultDirectory(workingDirectory: dir + "/elsewhere", executable: exe) == dir + "/checkout/Templates")
        // Through a link to the binary, too.
        symlink(exe, dir + "/elsewhere/ikigai")
        #expect(PageTemplates.defaultDirectory(workingDirectory: dir + "/elsewhere", executable: dir + "/elsewhere/ikigai") == dir + "/checkout/Templates")
        // Run in the project (swift run): the working folder's, as given.
        #expect(PageTemplates.defaultDirectory(workingDirectory: dir + "/checkout", executable: exe) == "Templates")
        // Nowhere: the plain name, which fails with its own message.
        #expect(PageTemplates.defaultDirectory(workingDirectory: dir + "/elsewhere", executable: dir + "/elsewhere/none") == "Templates")
    }

    /// Found by copying the binary away from its checkout: the run read and checked every sheet
    /// and only then stopped at rendering. Now a missing folder or template stops it first.
    @Test(arguments: ["no folder", "roster.mustache", "_style.mustache", "Output-README.md"])
    func aMissingTemplateStopsTheRunBeforeAnySheetIsRead(_ missing: String) throws {
        let dir = Support.tempDir(), out = dir + "/Output"
        defer { Support.remove(dir) }
        Support.input(["groups/g.csv": "グループ名,氏名,電話番号\n囲碁,大久保 花,0312345678\n"], in: dir)
        let templates = dir + "/Templates"
        if missing != "no folder" {
            try FileManager.default.copyItem(atPath: Support.templates, toPath: templates)
            try FileManager.default.removeItem(atPath: templates + "/" + missing)
        }
        var steps: [String] = []
        do {
            _ = try RunPipeline(options: RunOptions(inputDir: dir, outputDir: out, templatesDir: templates, operatorName: "山田花子"))
                .run(progress: { steps.append($0) })
            Issue.record("the run went ahead without \(missing)")
        } catch {
            #expect(error.step == "templates")
            #expect(error.file.hasPrefix(templates))
            if missing == "no folder" { #expect(error.japanese.contains("--templates")) }
        }
        #expect(steps.count == 1, "stopped in the first step, before intake: \(steps)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
