import Foundation
import Mustache
import Synchronization
import Testing
@testable import IkigaiCore

/// `Template` must render as the Mustache library the pages were written for: every
/// snippet below and every page of a whole run is rendered by both and compared byte for
/// byte. swift-mustache stays a test dependency for this.
@Suite("Templates render as Mustache does")
struct TemplateTests {
    /// The escaping the pages use, for the reference library too.
    struct Escape: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escaped(text) }
    }

    static let contentType: String = {
        MustacheContentTypes.register(Escape(), named: "IKIGAI_TEST_XHTML")
        return "IKIGAI_TEST_XHTML"
    }()

    /// What swift-mustache makes of `main` (with `partials`) and `view`.
    static func reference(_ main: String, partials: [String: String] = [:], _ view: Any) throws -> String {
        var library = MustacheLibrary()
        // The pragma renders as nothing and is standalone on its own line, so the template's lines keep their places.
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { a, _ in a }) {
            try library.register("{{% CONTENT_TYPE: \(contentType)}}\n" + text, named: name)
        }
        return library.render(view, withTemplate: "main") ?? "∅"
    }

    static func ours(_ main: String, partials: [String: String] = [:], _ view: Any) throws -> String {
        var library: [String: Template] = [:]
        for (name, text) in partials { library[name] = try Template(text) }
        return try TemplateRenderer.render(try Template(main), view, library: library)
    }

    struct Row: TemplateFields {
        let no: Int; let name: String; let note: String?
        func field(_ n: String) -> Any? {
            switch n {
            case "no": return no
            case "name": return name
            case "note": return note
            default: return nil
            }
        }
    }

    /// A view read by reflection, as the small pages are.
    struct Plain { let title: String; let rows: [Row]; let empty: [Row]; let flag: Bool; let off: Bool; let missing: String?; let nested: Inner }
    struct Inner { let label: String; let count: Int }

    static let view = Plain(title: "<年度> & \"Q\" 'x'", rows: [Row(no: 1, name: "架空 太郎", note: nil), Row(no: 2, name: "A&B", note: "要連絡")],
                            empty: [], flag: true, off: false, missing: nil, nested: Inner(label: "内側", count: 0))

    static let snippets: [String] = [
        "plain text only",
        "{{title}} / {{{title}}} / {{& title}}",
        "<ul>\n{{#rows}}\n  <li>{{no}} {{name}}{{#note}} ({{.}}){{/note}}</li>\n{{/rows}}\n</ul>\n",
        "{{#rows}}{{no}}:{{title}};{{/rows}}",
        "{{^empty}}\n  none\n{{/empty}}\n{{^rows}}never{{/rows}}end",
        "{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}|{{#off}}on{{/off}}{{^off}}off{{/off}}",
        "[{{missing}}][{{#missing}}x{{/missing}}][{{^missing}}absent{{/missing}}][{{nowhere}}]",
        "{{nested.label}} {{nested.count}} {{#nested}}{{label}}={{count}} {{title}}{{/nested}} {{nested.nope}}",
        "  {{! a comment on its own line }}\nafter\n{{! a comment\nover two lines }}\nlast",
        "a {{! inline }} b\n",
        "  {{#rows}}  \n[{{name}}]\n  {{/rows}}  \ntail",
        "{{#rows}}{{#flag}}{{name}}{{/flag}}{{/rows}}",
        "line1\r\n{{#flag}}\r\nwindows\r\n{{/flag}}\r\nend\r\n",
        "{{=<% %>=}}\n<% title %> <%={{ }}=%>{{ nested.label }}",
        "{{ title }}|{{#  rows  }}{{ no }}{{/  rows  }}",
        "{{#rows}}{{.}}{{/rows}}",
        "no newline at the end {{#flag}}x{{/flag}}",
        "{{#rows}}\n{{/rows}}",
        "",
        "{{#flag}}\n{{/flag}}",
    ]

    @Test(arguments: snippets)
    func snippetRendersAsMustacheDoes(_ template: String) throws {
        #expect(try TemplateTests.ours(template, TemplateTests.view) == TemplateTests.reference(template, TemplateTests.view))
    }

    @Test func dictionariesAndPartials() throws {
        let view: [String: Any] = ["title": "題", "items": [["a": "1"], ["a": "2"]], "none": NSNull(), "opt": String?.none as Any]
        let partials = ["row": "<td>{{a}}</td>\n", "head": "<h1>{{title}}</h1>\n"]
        for template in ["{{> head}}\n<table>\n{{#items}}\n{{> row}}\n{{/items}}\n</table>\n", "x {{>head}} y"] {
            #expect(try TemplateTests.ours(template, partials: partials, view) == TemplateTests.reference(template, partials: partials, view), "\(template)")
        }
        // The one place the two differ on purpose: a nil kept in a dictionary is missing here, where
        // the library writes "nil" onto the page and skips the inverted section.
        #expect(try TemplateTests.ours("[{{opt}}]{{^opt}}no{{/opt}}", view) == "[]no")
        #expect(try TemplateTests.reference("[{{opt}}]{{^opt}}no{{/opt}}", view) == "[nil]")
        // A partial on a line of its own takes the indentation of its tag, on each of its lines.
        #expect(try TemplateTests.ours("<div>\n  {{> two}}\n</div>\n", partials: ["two": "a\nb\n"], view) == "<div>\n  a\n  b\n</div>\n")
    }

    @Test func valuesAreEscapedByteByByte() throws {
        // A quote followed by a combining mark is one Character but still a quote that could end an attribute.
        let page = try TemplateTests.ours("<a title=\"{{t}}\">{{{t}}}</a>", ["t": "\"\u{301}<b>&'"])
        #expect(page == "<a title=\"&quot;\u{301}&lt;b&gt;&amp;&#39;\">\"\u{301}<b>&'</a>")
    }

    /// A mistake in a template is refused with its line and what to write, not rendered oddly.
    @Test(arguments: [
        ("a\n{{#rows}}\nb\n", 2, "{{/rows}} を書いてください"),
        ("{{#a}}\n{{/b}}", 2, "1行目の {{#a}} を閉じられません"),
        ("x\n\n{{/a}}", 3, "対応する {{#a}} がありません"),
        ("{{title", 1, "閉じられていません"),
        ("\n{{uppercased(title)}}", 2, "transform"),
        ("{{<parent}}{{/parent}}", 1, "継承"),
        ("{{$block}}x{{/block}}", 1, "継承"),
        ("{{% CONTENT_TYPE: TEXT}}", 1, "{{%…}}"),
        ("{{氏名}}", 1, "半角英数字"),
        ("{{a..b}}", 1, "半角英数字"),
        ("{{>*dynamic}}", 1, "部品テンプレートの名前"),
        ("{{= <% =}}", 1, "区切りの変更"),
    ])
    func mistakesAreRefusedWithTheirLine(_ text: String, _ line: Int, _ advice: String) {
        do {
            _ = try Template(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(text)")
            #expect(error.reason.contains(advice), "\(error.reason)")
        }
    }

    /// The deepest template allowed renders on a worker thread of the rendering step (partials
    /// as deep as allowed, each nesting sections as deep as allowed); one level deeper is refused.
    @Test func theDeepestTemplateAllowedRendersOnAWorker() throws {
        let depth = TemplateParser.deepestNesting
        let nested = String(repeating: "{{#yes}}", count: depth) + "x{{> next}}" + String(repeating: "{{/yes}}", count: depth)
        var library: [String: Template] = [:]
        for level in 0..<TemplateRenderer.partialDepthLimit {
            library["p\(level)"] = try Template(nested.replacingOccurrences(of: "next", with: "p\(level + 1)"))
        }
        library["p\(TemplateRenderer.partialDepthLimit)"] = try Template("end")
        let page = Mutex<String?>(nil), all = library
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let made = try? TemplateRenderer.render(try Template("{{> p1}}"), ["yes": true] as [String: Any], library: all)
            page.withLock { $0 = made }
        }
        #expect(page.withLock { $0 } == String(repeating: "x", count: TemplateRenderer.partialDepthLimit - 1) + "end")
        #expect(throws: Template.SyntaxError.self) {
            try Template(String(repeating: "{{#yes}}", count: depth + 1) + String(repeating: "{{/yes}}", count: depth + 1))
        }
    }

    /// A list put inside itself in an edited template made a page of 645⁴ lines on the sample
    /// year: the run went on until memory ran out. It stops at the largest page, with a message.
    @Test(.timeLimit(.minutes(1))) func aListNestedInItselfStopsAtTheLargestPage() throws {
        let nested = try Template("{{#items}}{{#items}}{{#items}}{{#items}}<p>{{name}}</p>{{/items}}{{/items}}{{/items}}{{/items}}")
        let items = (0..<200).map { ["name": "行\($0)"] }
        do {
            _ = try TemplateRenderer.render(nested, ["items": items] as [String: Any], library: [:], largestPage: 1 << 20)
            Issue.record("a page of 200⁴ lines was made")
        } catch {
            #expect(error.reason.contains("1 MB") && error.reason.contains("同じ一覧"), "\(error.reason)")
        }
        let once = try Template("{{#items}}<p>{{name}}</p>{{/items}}")
        #expect(try TemplateRenderer.render(once, ["items": items] as [String: Any], library: [:], largestPage: 1 << 20).count > 0)
    }

    @Test(.timeLimit(.minutes(1))) func aListNestedInItselfThatWritesNothingStopsToo() throws {
        let nested = try Template("{{#items}}{{#items}}{{#items}}{{#items}}{{#items}}{{/items}}{{/items}}{{/items}}{{/items}}{{/items}}")
        let items = (0..<100).map { ["name": "行\($0)"] }
        #expect(throws: TemplateRenderer.Failure.self) { try TemplateRenderer.render(nested, ["items": items] as [String: Any], library: [:]) }
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let looping = try Template("x{{> me}}")
        #expect(throws: TemplateRenderer.Failure.self) { try TemplateRenderer.render(looping, [:] as [String: Any], library: ["me": looping]) }
    }

    @Test func aMissingPartialIsNamedWhenTheTemplatesAreRead() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/page.mustache", "<p>\n{{> footer}}\n</p>")
        #expect {
            _ = try PageTemplates(directory: dir)
        } throws: { error in
            let p = error as? PageTemplates.Problem
            return p?.file == dir + "/page.mustache" && p?.reason.contains("2行目") == true && p?.reason.contains("footer.mustache") == true
        }
    }

    /// Every page of a run of the sample input, and of the other commands, rendered by
    /// swift-mustache from the same view.
    @Test func everyPageOfARunRendersAsMustacheDoes() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        var reference = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: Support.templates) where name.hasSuffix(".mustache") {
            let text = Support.read(Support.templates + "/" + name)
            try reference.register("{{% CONTENT_TYPE: \(TemplateTests.contentType)}}" + text, named: String(name.dropLast(".mustache".count)))
        }
        let compared = Mutex<[String: Int]>([:]), different = Mutex<[String]>([])
        let library = reference
        PageTemplates.pageWatch.withLock {
            $0 = { directory, template, view, html in
                // Only the pages of the project's templates: other tests render folders of their own.
                guard directory == Support.templates else { return }
                let expected = library.render(view, withTemplate: template)
                compared.withLock { $0[template, default: 0] += 1 }
                if expected != html { different.withLock { $0.append(template) } }
            }
        }
        defer { PageTemplates.pageWatch.withLock { $0 = nil } }
        _ = try Support.run(input: Support.packageRoot + "/Input", output: dir + "/Output")
        // The pages of the other commands: the handling report, next year's how-to, and the
        // erasure certificate (of a generated year of its own, which the erasure removes).
        _ = try Stewardship.handlingReport(inputDir: Support.packageRoot + "/Input", outputDir: dir + "/Output",
                                           templatesDir: Support.templates, operatorName: "山田花子")
        _ = try NewYear.create(fiscalYear: 2019, from: Support.packageRoot + "/Input", input: dir + "/In2019", templatesDir: Support.templates)
        let (input, output) = try StewardshipTests.sampleRun(dir + "/erased", people: 40)
        _ = try Stewardship.purge(fiscalYear: 2018, inputDir: input, outputDir: output, templatesDir: Support.templates,
                                  operatorName: "山田 花子", confirm: true)
        let pages = compared.withLock { $0 }
        for page in ["index", "validation", "schedule", "review", "lottery", "usage", "roster", "rosters-index", "handling", "howto", "certificate"] {
            #expect(pages[page, default: 0] > 0, "\(page) was not rendered")
        }
        #expect(pages.values.reduce(0, +) > 100)
        #expect(different.withLock { $0 }.isEmpty)
    }
}
