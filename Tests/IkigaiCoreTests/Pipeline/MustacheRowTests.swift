import Mustache
import Testing
@testable import IkigaiCore

/// The page rows that answer Mustache directly must answer exactly what
/// reflection would, for every property, or a page would silently lose a cell.
@Suite("Page rows answer Mustache like their properties")
struct MustacheRowTests {
    func agrees(_ value: some MustacheParent) {
        let children = Mirror(reflecting: value).children
        #expect(!children.isEmpty)
        for child in children {
            guard let label = child.label else { continue }
            let direct = value.child(named: label)
            #expect(direct != nil, "\(type(of: value)).\(label) is not answered")
            #expect(String(describing: direct ?? "∅") == String(describing: child.value), "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "notAProperty") == nil)
    }

    @Test func everyRow() {
        agrees(ValidationReport.Item(row: "2", column: "氏名", code: "R201", message: "m"))
        agrees(RosterPages.Person(no: "1", name: "架空 太郎", phone: "03-0000-0000"))
        agrees(RosterPages.IndexRow(href: "h", western: "w", era: "e", title: "t", count: "3"))
        let side = ReviewPage.Side(where: "visits/2018-04.csv 2行目", name: "架空 花子", kana: "カクウ", phone: "03", detail: "d")
        agrees(side)
        agrees(ReviewPage.Pair(likelihood: "0.5", pair: "k", a: side, b: side, reasonsFor: "f", reasonsAgainst: "a"))
    }
}
