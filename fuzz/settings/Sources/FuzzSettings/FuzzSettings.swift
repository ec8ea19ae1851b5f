import IkigaiCore

// libFuzzer target: arbitrary bytes as settings.toml. A file the reader
// accepts must give settings the rest of the run can rely on; any other file
// must fail as a SettingsError naming a key, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSettings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let s = try Settings.parse(text)
        precondition(s.fiscalYearStart < s.fiscalYearEnd)
        precondition(s.minCell >= 2)
        _ = s.addressParser.parse("東京都新宿区大久保2-3-4")
    } catch {
        precondition(!error.expected.isEmpty, "a settings error must say what the key should hold")
    }
    return 0
}
