import Testing
@testable import IkigaiCore

@Suite("Encodings of the sheets")
struct DecoderTests {
    let text = "氏名,電話番号\r\n髙橋　①子,03-1234-5678\r\n"

    @Test func utf8() throws {
        let r = try SheetDecoder.decode(Array(text.utf8)).get()
        #expect(r.encoding == .utf8)
        #expect(String(decoding: r.utf8, as: UTF8.self) == text)
    }

    @Test func utf8WithBOM() throws {
        let r = try SheetDecoder.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).get()
        #expect(r.encoding == .utf8BOM)
        #expect(String(decoding: r.utf8, as: UTF8.self) == text)
    }

    @Test func cp932WithExtensions() throws {
        let bytes = try #require(CP932.fromUTF8(text))
        #expect(bytes.count < Array(text.utf8).count)
        let r = try SheetDecoder.decode(bytes).get()
        #expect(r.encoding == .cp932)
        #expect(String(decoding: r.utf8, as: UTF8.self) == text)
    }

    @Test func halfWidthKanaAndWaveDash() throws {
        let s = "ﾀｶﾊｼ,～,－\n"
        let r = try SheetDecoder.decode(try #require(CP932.fromUTF8(s))).get()
        #expect(String(decoding: r.utf8, as: UTF8.self) == s)
    }

    @Test func undecodableNamesTheFirstBadByte() {
        // Valid ASCII, then a byte that is neither UTF-8 nor a CP932 lead byte.
        let bytes: [UInt8] = Array("氏名\n".utf8) + [0x41, 0x42, 0xFF, 0x43]
        guard case .failure(.undecodable(let offset, _)) = SheetDecoder.decode(bytes) else {
            Issue.record("expected refusal")
            return
        }
        #expect(offset == Array("氏名\n".utf8).count + 2)
    }

    @Test func truncatedMidCharacter() {
        let whole = Array("氏名\n高橋".utf8)
        guard case .failure(.undecodable) = SheetDecoder.decode(Array(whole.dropLast())) else {
            Issue.record("a sheet cut inside a character must be refused")
            return
        }
    }

    func problem(_ b: [UInt8]) -> DecodeProblem? {
        if case .failure(let p) = SheetDecoder.decode(b) { return p }
        return nil
    }

    @Test func otherFormatsAreRefused() {
        #expect(problem([]) == .empty)
        #expect(problem([0xFF, 0xFE, 0x4F, 0x6C]) == .utf16)
        #expect(problem([0x4F, 0x00, 0x6C, 0x00, 0x2C, 0x00]) == .utf16)
        #expect(problem([0x50, 0x4B, 0x03, 0x04, 0x14]) == .binary(what: "xlsx"))
        #expect(problem([0x41, 0x2C, 0x00, 0x42, 0x43, 0x44, 0x45, 0x46]) == .binary(what: "NUL@2"))
    }

    @Test func utf8ValidatorRejectsOverlongAndSurrogates() {
        #expect(SheetDecoder.firstInvalidUTF8([0xC0, 0x80]) == 0)
        #expect(SheetDecoder.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(SheetDecoder.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(SheetDecoder.firstInvalidUTF8(Array("𠮷野家".utf8)) == nil)
    }
}

@Suite("CSV records as Excel numbers them")
struct CSVParserTests {
    func cells(_ s: String) throws -> [[String]] { try CSVParser.parse(Array(s.utf8)).get().map(\.cells) }
    func rows(_ s: String) throws -> [Int] { try CSVParser.parse(Array(s.utf8)).get().map(\.row) }

    @Test func quotingEdgeCases() throws {
        #expect(try cells("a,\"b,c\",\"d\"\"e\"\n") == [["a", "b,c", "d\"e"]])
        #expect(try cells("\"\"\n") == [[""]])
        #expect(try cells("a,\n") == [["a", ""]])
        #expect(try cells("a,") == [["a", ""]])
        #expect(try cells(",,\n") == [["", "", ""]])
        #expect(try cells("x\"y,z\n") == [["x\"y", "z"]])
        #expect(try cells("\"ab\"c,d\n") == [["abc", "d"]])
        #expect(try cells("\"a\"\"\",b") == [["a\"", "b"]])
    }

    @Test func lineBreaksInsideQuotesKeepOneRow() throws {
        let s = "h1,h2\r\n\"line1\r\nline2\",x\r\nnext,y\r\n"
        #expect(try cells(s) == [["h1", "h2"], ["line1\r\nline2", "x"], ["next", "y"]])
        #expect(try rows(s) == [1, 2, 3])
    }

    @Test func mixedLineEndingsAndBlankLines() throws {
        let s = "h\r\na\n\nb\rc"
        #expect(try cells(s) == [["h"], ["a"], [""], ["b"], ["c"]])
        #expect(try rows(s) == [1, 2, 3, 4, 5])
    }

    @Test func unterminatedQuoteNamesItsRow() {
        let s = "h1,h2\na,b\n\"open,c\nd,e\n"
        guard case .failure(let e) = CSVParser.parse(Array(s.utf8)) else {
            Issue.record("expected an unterminated quote")
            return
        }
        #expect(e.row == 3)
    }
}
