/// What one sheet's checks learned about cell values, kept while that sheet
/// is read: a month's visits sheet repeats a few dozen dates, a few events,
/// the same ○ and the same people's phones and addresses thousands of times.
/// Profiling a 100× year showed the date, phone and address parsers at a
/// third of the intake step; each distinct value is now parsed once per
/// sheet. Results are pure functions of the text, so reuse cannot change a
/// finding. One memo per sheet, never shared between threads.
final class CellMemo {
    var dates: [TextKey: Result<CivilDate, DateProblem>] = [:]
    var phones: [TextKey: Result<PhoneNumber, PhoneProblem>] = [:]
    var addresses: [TextKey: Address] = [:]
    var idChecks: [TextKey: Bool] = [:]

    func date(_ text: String) -> Result<CivilDate, DateProblem> { CellMemo.look(&dates, text, DateParser.parse) }
    func phone(_ text: String) -> Result<PhoneNumber, PhoneProblem> { CellMemo.look(&phones, text, PhoneNumber.parse) }
    func address(_ text: String, _ parser: AddressParser) -> Address { CellMemo.look(&addresses, text, parser.parse) }
    func idChecked(_ text: String) -> Bool { CellMemo.look(&idChecks, text, IDCheck.isChecked) }

    private static func look<R>(_ table: inout [TextKey: R], _ text: String, _ parse: (String) -> R) -> R {
        let key = TextKey(text)
        if let r = table[key] { return r }
        let r = parse(text)
        table[key] = r
        return r
    }
}
