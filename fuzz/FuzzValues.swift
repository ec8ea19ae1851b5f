// libFuzzer target: the date, time, phone, address and ID parsers on arbitrary text,
// the intake memo, which must answer as the function it memoises does
// whatever texts came before (collisions, probing limits, emptying at its limit),
// and the hand-written NFKC and page escaping, which must agree with their
// definitions (Foundation's NFKC composed; entities for the five characters, U+FFFD for
// the controls XML does not allow).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let d) = DateParser.parse(text) {
        precondition(CivilDate(year: d.year, month: d.month, day: d.day) == d)
        _ = d.japaneseEraString
    }
    if case .success(let d) = DateParser.parseBirthDate(text) { precondition(CivilDate(year: d.year, month: d.month, day: d.day) == d) }
    if let t = TimeOfDay(text) { precondition((0..<1440).contains(t.minutes) && TimeOfDay(t.description) == t) }
    _ = (PhoneNumber.lostItsLeadingZero(text), PhoneNumber.isExcelNumber(text), PhoneNumber.holdsSeveral(text))
    if case .success(let p) = PhoneNumber.parse(text) { precondition((10...11).contains(p.digits.count)); _ = p.formatted }
    _ = FuzzState.parser.parse(text)
    // A city's ward answers for its short name before a town of it, and never for a town of none.
    if case .inWard(let town?, _) = FuzzState.cityWard.parse(text) { precondition(["梅田", "中崎", "天満"].contains(town)) }
    _ = HouseNumber.read(Substring(text))
    // Each fast path answers as the reading it shortcuts, whenever it answers.
    var bytes = text
    if let fast = bytes.withUTF8({ ChomeBytes.read($0) }) { precondition(fast == AddressParser.chomeByCharacter(Substring(text))) }
    if let decided = bytes.withUTF8({ DateParser.plainWestern($0) }) { precondition(decided == DateParser.parseByCharacter(text)) }
    if let decided = bytes.withUTF8({ DateParser.eraOrKanji($0) }) { precondition(decided == DateParser.parseByCharacter(text)) }
    if let ascii = PhoneNumber.parseASCII(text) { precondition(ascii == PhoneNumber.parseByScalar(text)) }
    _ = IDCheck.isChecked(text)
    _ = YearMonth(text)
    precondition(FuzzState.cells.value(text, Text.cell) == Text.cell(text))
    precondition(FuzzState.lengths.value(text, { $0.utf8.count }) == text.utf8.count)
    precondition(Array(Text.nfkc(text).unicodeScalars) == Array(Text.foundationNFKC(text).unicodeScalars))
    var escaped = ""
    for u in text.unicodeScalars {
        switch u {
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "&": escaped += "&amp;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        case "\t", "\n", "\r": escaped.unicodeScalars.append(u)
        // What XML has no place for is written as U+FFFD (11be94c; this harness still expected the
        // characters themselves, and stopped at the first input holding one).
        case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: escaped += "\u{FFFD}"
        default: escaped.unicodeScalars.append(u)
        }
    }
    precondition(Array(HTMLEscape.escaped(text).utf8) == Array(escaped.utf8))
    return 0
}

enum FuzzState {
    // Kept across inputs, with small limits so that emptying and full probes happen.
    nonisolated(unsafe) static var cells = TextMemo<String>(limit: 500)
    nonisolated(unsafe) static var lengths = TextMemo<Int>(limit: 64)
    static let parser = AddressParser(prefecture: "東京都", ward: "新宿区", towns: ["大久保", "百人町", "北新宿", "新宿", "霞ヶ丘町"])
    static let cityWard = AddressParser(prefecture: "大阪府", ward: "大阪市北区", towns: ["梅田", "中崎", "天満"])
}
