/// What `ikigai run` was asked to do.
public struct RunOptions: Sendable {
    public var inputDir: String
    public var outputDir: String
    public var templatesDir: String
    public var through: YearMonth?
    /// The handler named by `--operator` or `IKIGAI_OPERATOR`.
    public var operatorName: String?
    /// Lottery classes to draw again although an earlier run drew them (`--redraw`).
    public var redraw: Set<String>
    /// The day of the run in Japan: rows dated after it are pointed out (W909).
    public var today: CivilDate?

    public init(inputDir: String = "Input", outputDir: String = "Output", templatesDir: String = "Templates",
                through: YearMonth? = nil, operatorName: String? = nil, redraw: Set<String> = [],
                today: CivilDate? = CivilDate.today()) {
        self.inputDir = inputDir
        self.outputDir = outputDir
        self.templatesDir = templatesDir
        self.through = through
        self.operatorName = operatorName
        self.redraw = redraw
        self.today = today
    }
}
