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

    func date(_ text: String) -> Result<CivilDate, DateProblem> {
        let key = TextKey(text)
        if let r = dates[key] { return r }
        let r = DateParser.parse(text)
        dates[key] = r
        return r
    }

    func phone(_ text: String) -> Result<PhoneNumber, PhoneProblem> {
        let key = TextKey(text)
        if let r = phones[key] { return r }
        let r = PhoneNumber.parse(text)
        phones[key] = r
        return r
    }

    func address(_ text: String, _ parser: AddressParser) -> Address {
        let key = TextKey(text)
        if let r = addresses[key] { return r }
        let r = parser.parse(text)
        addresses[key] = r
        return r
    }

    func idChecked(_ text: String) -> Bool {
        let key = TextKey(text)
        if let r = idChecks[key] { return r }
        let r = IDCheck.isChecked(text)
        idChecks[key] = r
        return r
    }
}
