/// A run that could not be done as asked: nothing was written (exit 2). It
/// names the step and the file, in Japanese with an English line under it.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public let step: String
    public let file: String
    public let japanese: String
    public let english: String

    public var description: String {
        "[\(step)] \(file.isEmpty ? "" : file + ": ")\(japanese)\n  (\(english))"
    }
}
