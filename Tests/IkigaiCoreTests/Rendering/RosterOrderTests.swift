import Testing
@testable import IkigaiCore

/// Rosters list people by reading, then name, then phone, as `String` orders them; most
/// are compared by their bytes (`Text.comparesByBytes`), which must give the same order.
@Suite("Roster order")
struct RosterOrderTests {
    /// Pieces of names and readings: kana, kanji (variant and supplementary forms among them),
    /// Latin letters, and text String compares otherwise than its bytes (half-width kana, a
    /// separate sound mark, a decomposed accent, full-width letters, a compatibility ideograph
    /// that normalises to another).
    static let pieces = ["サトウ", "さとう", "ガ", "カ\u{3099}", "ｶﾞ", "髙橋", "高橋", "𠮷田", "吉田", "山﨑", "山崎", "Jose", "José",
                         "Jose\u{301}", "ＡＢ", "AB", "ab", "﨑", "\u{F900}", "豈", "・", "ー", " ", "", "国\u{E0100}", "a\u{0308}", "ä", "ｱ", "ア"]

    static func reference(_ people: [(name: String, kana: String?, phone: String)]) -> [RosterPages.Person] {
        people.map { (key: NameFolding.reading($0.kana ?? $0.name), person: $0) }
            .sorted { ($0.key, $0.person.name, $0.person.phone) < ($1.key, $1.person.name, $1.person.phone) }
            .enumerated().map { RosterPages.Person(no: String($0.offset + 1), name: $0.element.person.name, phone: $0.element.person.phone) }
    }

    @Test func byteOrderIsStringOrder() {
        var g = SplitMix64(seed: 60)
        var mixed = 0
        for _ in 0..<400 {
            let people = (0..<Int.random(in: 0...40, using: &g)).map { _ -> (name: String, kana: String?, phone: String) in
                func text() -> String { (0..<Int.random(in: 1...3, using: &g)).map { _ in Self.pieces.randomElement(using: &g) ?? "" }.joined() }
                return (text(), Bool.random(using: &g) ? text() : nil, ["03-1234-5678", "090-1111-2222", "", "03-1234-567８"].randomElement(using: &g) ?? "")
            }
            let got = RosterPages.ordered(people), want = Self.reference(people)
            #expect(got.map(\.name) == want.map(\.name) && got.map(\.phone) == want.map(\.phone))
            if people.contains(where: { !Text.comparesByBytes($0.name) }) && people.contains(where: { Text.comparesByBytes($0.name) }) { mixed += 1 }
        }
        #expect(mixed > 100, "lists mixing both kinds of text")
    }

    @Test func onlyTextThatNormalisesToItselfComparesByBytes() {
        for s in ["サトウ ハナコ", "高橋", "𠮷田", "山﨑", "AB-12", "", "・ー〜"] { #expect(Text.comparesByBytes(s), "\(s)") }
        for s in ["ｶﾞ", "カ\u{3099}", "José", "Jose\u{301}", "ＡＢ", "\u{F900}", "ä", "\u{0}"] { #expect(!Text.comparesByBytes(s), "\(s)") }
        #expect(Text.compareBytes("ア", "イ") < 0 && Text.compareBytes("イ", "ア") > 0 && Text.compareBytes("ア", "ア") == 0)
        #expect(Text.compareBytes("ア", "アイ") < 0 && Text.compareBytes("", "a") < 0)
    }
}
