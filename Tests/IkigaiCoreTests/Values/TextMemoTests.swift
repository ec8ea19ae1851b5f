import Testing
@testable import IkigaiCore

@Suite("Memo of cell values: same answers as parsing, bounded on any input")
struct TextMemoTests {
    @Test func answersAsTheFunctionDoes() {
        var memo = TextMemo<String>()
        var calls = 0
        let f = { (s: String) -> String in calls += 1; return Text.cell(s) }
        let texts = ["　山田　花子 ", "ﾔﾏﾀﾞ ﾊﾅｺ", "東京都新宿区大久保２丁目", "", "a", "12345678", "123456789", "山田 花子"]
        for t in texts + texts { #expect(memo.value(t, f) == Text.cell(t)) }
        #expect(calls == texts.count, "each distinct text is computed once")
    }

    @Test func byBytesNotByCanonicalEquivalence() {
        // が precomposed and が as か + combining mark are equal Strings but different bytes:
        // each gets its own answer, so a memo never hands one spelling the other's result.
        var memo = TextMemo<Int>()
        #expect(memo.value("が", { $0.utf8.count }) == 3)
        #expect(memo.value("か\u{3099}", { $0.utf8.count }) == 6)
    }

    @Test func longTextsAreComputedEveryTime() {
        var memo = TextMemo<Int>()
        let long = String(repeating: "あ", count: 200)
        var calls = 0
        for _ in 0..<3 { _ = memo.value(long, { calls += 1; return $0.count }) }
        #expect(calls == 3)
        #expect(memo.isEmpty)
    }

    @Test func emptiedAtItsLimitAndStillRight() {
        var memo = TextMemo<Int>(limit: 100)
        for i in 0..<1_000 { #expect(memo.value("行\(i)", { Int($0.dropFirst()) ?? -1 }) == i) }
        for i in 0..<1_000 { #expect(memo.value("行\(i)", { Int($0.dropFirst()) ?? -1 }) == i) }
    }

    @Test func madeAtItsExpectedSizeAndStillRightPastIt() {
        // Made for 50 texts, given 5,000 (it grows), and one made for more than its limit holds.
        var memo = TextMemo<Int>(expected: 50), capped = TextMemo<Int>(limit: 100, expected: 1 << 40)
        var calls = [0, 0]
        for round in 0..<2 {
            for i in 0..<5_000 {
                #expect(memo.value("行\(i)", { calls[round] += 1; return Int($0.dropFirst()) ?? -1 }) == i)
                #expect(capped.value("行\(i)", { Int($0.dropFirst()) ?? -1 }) == i)
            }
        }
        // A text whose probe runs past `maxProbe` is computed, not kept: nearly all are kept.
        #expect(calls[0] == 5_000 && calls[1] < 50, "\(calls)")
    }

    @Test func hashUsesEveryByte() {
        // Texts differing only in their last byte, or only in length, must still be told apart.
        var memo = TextMemo<String>()
        let texts = ["12345678", "12345679", "1234567", "123456789", "1234567\u{0}", "\u{0}", ""]
        for t in texts { #expect(memo.value(t, { $0 }) == t) }
        for t in texts { #expect(memo.value(t, { _ in "wrong" }) == t) }
    }

    @Test func columnOrdinalsFollowDeclarationOrder() {
        #expect(Column.allCases.map(\.ordinal) == Array(Column.allCases.indices))
    }

    @Test func repeatedHeaderWord() {
        #expect(RowChecker.isWord("氏 名", "氏名"))
        #expect(RowChecker.isWord("NAME", "name"))
        #expect(RowChecker.isWord("N a m e", "name"))
        #expect(!RowChecker.isWord("氏名様", "氏名"))
        #expect(!RowChecker.isWord("氏", "氏名"))
        #expect(!RowChecker.isWord("names", "name"))
        #expect(!RowChecker.isWord("nam@", "name"))
        #expect(!RowChecker.isWord("山田 花子", "氏名"))
    }

    @Test func aWordIsFoundBehindEveryKindOfWhiteSpace() {
        // Each white space Unicode has, before and inside the word, in any case: the quick
        // first-byte test must leave all of these to the full comparison.
        let spaces = ["\t", "\n", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}",
                      "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"]
        for space in spaces {
            for (text, word) in [("\(space)氏\(space)名", "氏名"), ("\(space)NaMe\(space)", "name"), ("\(space)name", "name")] {
                #expect(RowChecker.isWord(text, word), "\(text.debugDescription)")
            }
            #expect(!RowChecker.isWord("\(space)山田", "氏名") && !RowChecker.isWord("\(space)nime", "name"))
        }
        #expect(!RowChecker.isWord("Ｎame", "name"), "full-width letters are folded by NFKC before, not here")
    }
}
