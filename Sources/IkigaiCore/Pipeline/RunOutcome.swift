/// What a finished run reports to the terminal: counts and paths only,
/// never a name, phone or address.
public struct RunOutcome: Sendable {
    public let status: RunStatus
    public let summary: Summary
    public let outputDir: String
    /// Refused sheets with their reason, for stderr.
    public let refusals: [Finding]
    public let rowsHeld: Int
    public let findingsCount: Int
    /// Notices (W9xx): files not read, unknown settings, no classes.csv; on the front page.
    public let notices: Int
    /// Wall time of each named step, in order (for progress and benchmarks).
    public let stepSeconds: [(step: String, seconds: Double)]
    public let reviewPairs: Int
    public let lotteriesDrawn: Int
    /// Differences from the previous run kept in the output folder, if any.
    public let changes: RunDigest.Changes?
    /// Files someone saved in the output folder that no run wrote, kept in the new one.
    public var keptFiles: Int = 0
}
