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

    /// `:line:column` after the file name, as editors and compilers give a place; empty when unknown.
    public var lineSuffix: String { line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? "" }

    /// The key and what it must hold, without the file.
    public var japaneseMessage: String { key.isEmpty ? expected : "「\(key)」: \(expected)" }
    public var englishMessage: String { key.isEmpty ? expectedEnglish : "key '\(key)': \(expectedEnglish)" }

    public var description: String {
        "\(file)\(lineSuffix): \(japaneseMessage)\n  (\(file)\(lineSuffix): \(englishMessage))"
    }
}
