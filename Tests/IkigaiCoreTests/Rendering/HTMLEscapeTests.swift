import Foundation
import Testing
@testable import IkigaiCore

/// Values written into pages are escaped byte by byte: the same as the usual entity
/// escaping on ordinary text, and still escaped where a combining mark follows.
@Suite("Values on pages are escaped byte by byte")
struct HTMLEscapeTests {
    /// Each of the five characters by code point, whatever follows it.
    static func reference(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    @Test func escapesTheFiveCharactersAndNothingElse() {
        let texts = TextFoldingTests.glued(count: 5_000, seed: 17).map { $0 + "<a href=\"x\">&'</a>" }
            + ["", "架空 太郎", "<>&\"'", "O'Brien & 山田", "\u{1F600}<", "a\"\u{301}b"]
        for t in texts {
            #expect(Array(HTMLEscape.escaped(t).utf8) == Array(Self.reference(t).utf8), "\(t.debugDescription)")
        }
    }

    @Test func aQuoteCarryingACombiningMarkCannotEndAnAttribute() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/p.mustache", "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>t</title></head><body><p title=\"{{x}}\">{{x}}</p></body></html>\n")
        let templates = try PageTemplates(directory: dir)
        let name = "太郎\"\u{301} onmouseover=\"alert(1)"
        let html = try templates.page("p", ["x": name], output: "p.html")
        #expect(html.utf8.count > 0 && String(decoding: html.utf8, as: UTF8.self).contains("&quot;\u{301} onmouseover=&quot;alert(1)"))
        #expect(!html.contains("onmouseover=\"alert"))
    }

    @Test func templatesKeepTheirLineNumbersInSyntaxErrors() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/bad.mustache", "<p>\n<p>\n{{#open}}\n<p>\n")
        let problem = #expect(throws: PageTemplates.Problem.self) { try PageTemplates(directory: dir) }
        // Named by the line the section that is never closed opened on, with what to write.
        #expect(problem?.reason.contains("3行目") == true && problem?.reason.contains("{{/open}}") == true, "\(problem?.reason ?? "")")
        #expect(problem?.file == dir + "/bad.mustache")
    }
}
