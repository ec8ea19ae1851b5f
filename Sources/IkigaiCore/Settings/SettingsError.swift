/// A setting that is missing or wrong: the run stops before anything is
/// written (exit 2), naming the key and what is expected.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// Dotted key (`area.eligible_population`), or empty for the file itself.
    public let key: String
    /// What the key must hold, in Japanese.
    public let expected: String
    /// The same in English, for the second line of stderr.
    public let expectedEnglish: String
    /// Line and column of a syntax error, when the TOML parser gave them.
    public var line: Int? = nil
    public var column: Int? = nil

    public var description: String {
        let at = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        let k = key.isEmpty ? "" : " の「\(key)」"
        let ke = key.isEmpty ? "" : " key '\(key)'"
        return "\(file)\(at)\(k): \(expected)\n  (\(file)\(at)\(ke): \(expectedEnglish))"
    }
}
