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
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    @Test func escapesTheFiveCharactersAndNothingElse() {
        let texts = TextFoldingTests.glued(count: 5_000, seed: 17).map { $0 + "<a href=\"x\">&'</a>" }
            + ["", "架空 太郎", "<>&\"'", "O'Brien & 山田", "\u{1F600}<", "a\"\u{301}b"]
            + TextFoldingTests.glued(count: 2_000, seed: 18).map { $0 + "\u{10}\t\u{0}<\u{FFFE}\n\u{1F}\u{FFFF}\r\u{7F}\u{FFFD}\u{EFBF}" }
            + ["\u{1}", "\u{FFFF}", "a\u{FFFE}", "\u{0B}\u{0C}"]
        for t in texts {
            #expect(Array(HTMLEscape.escaped(t).utf8) == Array(Self.reference(t).utf8), "\(t.debugDescription)")
            var appended: [UInt8] = Array("<p>".utf8)
            HTMLEscape.append(t, to: &appended)
            #expect(appended == Array(("<p>" + Self.reference(t)).utf8), "\(t.debugDescription)")
        }
    }

    /// A value no cell reading cleaned (a file's name, settings.toml) holding a control character
    /// still makes a page the guard accepts: it is written as U+FFFD, not left to break the page.
    @Test func aControlCharacterInAValueLeavesThePageWellFormed() throws {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        Support.write(dir + "/p.mustache", "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>t</title></head><body><p title=\"{{x}}\">{{x}}</p></body></html>\n")
        let templates = try PageTemplates(directory: dir)
        let html = try templates.page("p", ["x": "visits/2018\u{10}-05\u{FFFF}.csv"], output: "p.html")
        #expect(HTMLGuard.check(html, page: "p.html") == nil)
        #expect(html.contains("visits/2018\u{FFFD}-05\u{FFFD}.csv"))
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
