import Foundation

/// The audit entry of a run: digests of every input sheet read and every
/// file written, the counts, and who ran it.
enum RunAudit {
    /// `inputs`: the settings and every sheet read, digested from the bytes the run read
    /// (`Authorisation.Granted.settingsDigest`, `IntakeResult.inputDigests`).
    static func file(_ files: [OutputFile], inputs: [AuditLog.FileDigest], options: RunOptions, operatorName: String,
                     summary: Summary, status: RunStatus, reviews: Int, lotteries: Int, keptFiles: Int) -> OutputFile {
        let raw = FileManager.default.contents(atPath: options.outputDir + "/audit/audit.jsonl").map { String(decoding: $0, as: UTF8.self) } ?? ""
        var facts: [(String, String)] = [
            ("fiscal_year", String(summary.fiscalYear)), ("through", summary.through.description),
            ("rows_read", String(summary.rowsRead)), ("rows_accepted", String(summary.rowsAccepted)),
            ("rows_rejected", String(summary.rowsRejected)), ("refused_sheets", summary.refusedSheets.joined(separator: " ")),
            ("people", String(summary.people)), ("review_pairs", String(reviews)), ("lotteries", String(lotteries)),
            ("exit_status", String(status.rawValue)),
        ]
        if keptFiles > 0 { facts.append(("kept_files", String(keptFiles))) }
        if !options.redraw.isEmpty { facts.append(("redrawn", options.redraw.sorted().joined(separator: " "))) }
        var command = "ikigai run --input \(options.inputDir) --output \(options.outputDir)"
        if let t = options.through { command += " --through \(t)" }
        for id in options.redraw.sorted() { command += " --redraw \(id)" }
        let text = AuditLog.appending(
            to: raw, operatorName: operatorName, command: command,
            inputs: inputs,
            outputs: Parallel.map(files.filter { !$0.path.hasPrefix("audit/") }) { AuditLog.FileDigest(path: $0.path, bytes: $0.bytes) },
            facts: facts)
        return OutputFile(path: "audit/audit.jsonl", text: text, confidential: false)
    }
}
