import CLibXML2
import Foundation
import Testing
@testable import IkigaiCore

/// The public guard reads a page as a reader sees it: every text node and attribute value, in
/// document order. `HTMLGuard.textNodes` walks the tree for them; it must give what XPath's
/// `//text() | //@*` selects, which it replaced.
@Suite("Text of a page as a reader sees it")
struct HTMLTextNodesTests {
    /// The reference: libxml2's XPath over the same parse.
    static func xpathTexts(_ html: String) -> [String] {
        guard let doc = HTMLGuard.document(html) else { return [] }
        defer { xmlFreeDoc(doc) }
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        guard let obj = xmlXPathEvalExpression("//text() | //@*", ctx) else { return [] }
        defer { xmlXPathFreeObject(obj) }
        guard let set = obj.pointee.nodesetval, let tab = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in
            guard let node = tab[i], let c = xmlNodeGetContent(node) else { return nil }
            defer { free(c) }
            return String(cString: c)
        }
    }

    @Test func craftedPagesReadAsXPathReadsThem() {
        let pages = [
            "<html lang=\"ja\"><head><title>題</title></head><body class=\"a\" id=\"b\"><p title=\"山田 &amp; 花子\">本文<b>太字</b>後<!-- 注 -->末</p></body></html>",
            "<!DOCTYPE html><html lang=\"ja\"><body><p><![CDATA[03-1234-5678]]>と<?pi 処理?>続き</p><div><div><div><span data-x=\"1\">深い</span></div></div></div></body></html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ja\"><body><table><tr><td>1</td><td colspan=\"2\">&#x5C71;田</td></tr></table>\n  </body></html>",
            "<html lang=\"ja\"/>",
            "not a page <p>",
        ]
        for page in pages {
            #expect(HTMLGuard.textNodes(page) == Self.xpathTexts(page), "\(page)")
        }
        #expect(HTMLGuard.textNodes(pages[0]).contains("山田 & 花子"), "an attribute's value, its reference read")
    }

    @Test func everyPublicPageOfARunReadsAsXPathReadsIt() throws {
        let dir = Support.tempDir("textnodes"), out = dir + "/Output"
        defer { Support.remove(dir) }
        _ = try SampleGenerator(people: 300, seed: 11).write(to: dir + "/in")
        _ = try Support.run(input: dir + "/in", output: out, through: YearMonth("2018-12"))
        let pages = (FileManager.default.subpaths(atPath: out) ?? []).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 5)
        for page in pages {
            let html = Support.read(out + "/" + page)
            #expect(HTMLGuard.textNodes(html) == Self.xpathTexts(html), "\(page)")
        }
    }
}
