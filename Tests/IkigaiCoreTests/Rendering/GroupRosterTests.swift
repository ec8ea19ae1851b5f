import Foundation
import Testing
@testable import IkigaiCore

@Suite("Group rosters")
struct GroupRosterTests {
    /// `囲碁 の会` typed with a space for one member made a second roster of one person.
    @Test func aGroupNameSpacedTwoWaysIsOneRoster() throws {
        let pages = try Support.runSheets(["groups/2018-04.csv": """
            グループ名,氏名,電話番号
            囲碁の会,架空 一郎,03-1000-0001
            囲碁 の会,架空 二郎,03-1000-0002
            囲碁の会　,架空 三郎,03-1000-0003
            ｶﾗｵｹ同好会,架空 四郎,03-1000-0004

            """]) { _, out in
            try FileManager.default.contentsOfDirectory(atPath: out + "/rosters/groups").sorted().map { Support.read(out + "/rosters/groups/" + $0) }
        }
        #expect(pages.count == 2)
        let go = try #require(pages.first { $0.contains("<h1>グループ名簿　囲碁の会</h1>") }, "titled as first written")
        #expect(go.contains("登録 3 人"))
        #expect(pages.contains { $0.contains("カラオケ同好会") && $0.contains("登録 1 人") })
    }
}
