/// What the checks of one intake worker learned about cell values, kept from
/// sheet to sheet: a month's visits sheet repeats a few dozen dates, a few
/// events, the same ○ thousands of times, and every month's sheet repeats
/// the same people's names, phones, addresses and birth dates.
/// Profiling a 10× year showed the date, phone and address parsers and the
/// NFKC pass at over a third of the intake step; each distinct value is now
/// parsed once per worker instead of once per row. Results are pure
/// functions of the text (the address parser is the run's one parser), so
/// reuse cannot change a finding. One memo per worker, never shared between
/// threads. Each table is a bounded `TextMemo`.
final class CellMemo {
    var dates = TextMemo<Result<CivilDate, DateProblem>>()
    var phones = TextMemo<Result<PhoneNumber, PhoneProblem>>()
    var addresses = TextMemo<Address>()
    var idChecks = TextMemo<Bool>()
    /// Raw cell → `Text.cell` (NFKC, trimmed).
    var cells = TextMemo<String>()
    /// Text → `Text.removingWhitespace`, for name keys.
    var squeezed = TextMemo<String>()

    func date(_ text: String) -> Result<CivilDate, DateProblem> { dates.value(text, DateParser.parse) }
    func phone(_ text: String) -> Result<PhoneNumber, PhoneProblem> { phones.value(text, PhoneNumber.parse) }
    func address(_ text: String, _ parser: AddressParser) -> Address { addresses.value(text, parser.parse) }
    func idChecked(_ text: String) -> Bool { idChecks.value(text, IDCheck.isChecked) }
    func cell(_ raw: String) -> String { cells.value(raw, Text.cell) }
    func squeeze(_ text: String) -> String { squeezed.value(text, Text.removingWhitespace) }
}
