import IkigaiCore

// libFuzzer target: arbitrary bytes as settings.toml. A file the reader
// accepts must give settings the rest of the run can rely on; any other file
// must fail as a SettingsError naming a key, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSettings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        // As a run reads the file: UTF-8 or Shift_JIS, then TOML.
        let s = try Settings.read(bytes)
        precondition(s.fiscalYearStart < s.fiscalYearEnd)
        precondition(s.minCell >= 2)
        // Closures as read: days of a calendar, whatever form they were written in.
        precondition(s.closedEveryYear.allSatisfy { CivilDate(year: 2000, month: $0.month, day: $0.day) != nil })
        _ = s.closedDays(through: s.fiscalYearEnd)
        _ = s.addressParser.parse("東京都新宿区大久保2-3-4")
    } catch {
        precondition(!error.expected.isEmpty, "a settings error must say what the key should hold")
        // A line named for a key (found by ikigai, not the TOML library) is a line of the file.
        // (Counted on the bytes: no byte of a Shift_JIS character is a line feed.)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        if !error.key.isEmpty, let line = error.line { precondition((1...max(lines, 1)).contains(line), "line \(line) of \(lines)") }
    }
    return 0
}
