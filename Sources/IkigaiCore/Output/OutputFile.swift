/// One document of a run, before it is written.
public struct OutputFile: Sendable {
    /// Path under `Output/` with `/` separators.
    public let path: String
    public let bytes: [UInt8]
    /// Holds personal data: written 0600 in a 0700 folder.
    public let confidential: Bool

    public init(path: String, bytes: [UInt8], confidential: Bool) {
        self.path = path
        self.bytes = bytes
        self.confidential = confidential
    }

    public init(path: String, text: String, confidential: Bool) {
        self.init(path: path, bytes: Array(text.utf8), confidential: confidential)
    }
}
