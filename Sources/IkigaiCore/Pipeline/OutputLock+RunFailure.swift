/// The lock as the commands take it: a refusal is a failure of the command's step.
extension OutputLock {
    /// The lock of `outputDir`, held by the caller until it has written.
    static func taken(for outputDir: String, step: String) throws(RunFailure) -> OutputLock {
        do { return try OutputLock(outputDir: outputDir) } catch {
            throw RunFailure(step: step, file: error.path, japanese: "何もしていません（\(error.reason)）",
                             english: "nothing was done: the output folder could not be taken for this command; the reason is above")
        }
    }
}
