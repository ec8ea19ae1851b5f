import Foundation

/// `ikigai check`: the findings of `validation.csv` without writing any
/// document, for a clerk who has just saved a sheet.
public enum CheckStage {
    /// What `ikigai check` found, for printing and its exit status.
    public struct Outcome: Sendable {
        public let findings: [Finding]
        public let status: RunStatus
        public let rowsRead: Int
        public let rowsRejected: Int
        /// What the front page lists as お知らせ (files not read, unknown settings, a sheet saved
        /// twice): not in validation.csv, so not in `findings`, but a clerk checking sheets needs them.
        public let notices: [Finding]
    }

    /// `files`: paths as typed (relative to the input folder or to the
    /// current folder); empty checks every sheet. Rows dated after `today` are pointed out.
    public static func run(inputDir: String, files: [String], operatorName: String?,
                           today: CivilDate? = CivilDate.today()) throws(RunFailure) -> Outcome {
        let settings = try Authorisation.check(inputDir: inputDir, operatorName: operatorName).settings
        var only: Set<String>?
        if !files.isEmpty {
            // Each name must come to a file the run reads (or refuses whole): a name that
            // matched none, `../Input/visits/x.csv` or `settings.toml`, checked 0 rows and
            // reported "no problems" (exit 0).
            let folder = InputFolder(root: inputDir)
            let known = Set(folder.sheets.map(\.path) + folder.refused.map(\.file))
            var chosen = Set<String>()
            for f in files {
                guard let rel = CheckStage.pathInInput(f, inputDir: inputDir) else {
                    throw RunFailure(step: "check", file: f, japanese: "\(inputDir) の中にこのファイルがありません。",
                                     english: "no such file in the input folder")
                }
                guard known.contains(rel) else {
                    throw RunFailure(step: "check", file: f,
                                     japanese: "ikigai が読むシートではありません（実行しても読みません）。classes.csv・decisions.csv か、groups・visits・applications フォルダの .csv を指定してください。",
                                     english: "not a sheet of the input folder")
                }
                chosen.insert(rel)
            }
            only = chosen
        }
        var intake: IntakeResult
        do { intake = try IntakeStage.run(inputDir: inputDir, settings: settings, through: nil, only: only, today: today) } catch {
            throw RunFailure(step: "check", file: "", japanese: "読み込めません", english: "cannot read")
        }
        intake.reject(OffScheduleVisits.find(intake, schedule: ClassSchedule(classes: intake.classes, settings: settings)))
        let register = EvidenceResolver().resolve(IdentityRows(checked: intake.rows), rulings: intake.rulings, previous: [:])
        if only == nil {
            intake.add(ClassSchedule(classes: intake.classes, settings: settings).findings)
            intake.add(register.findings)
        }
        intake.reject(RepeatedVisits.find(intake, register: register))
        let findings = ValidationReport.reported(intake.findings).filter { f in only.map { $0.contains(f.file) } ?? true }
        let notices = intake.findings.filter { f in f.code.kind == .notice && (only.map { $0.contains(f.file) } ?? true) }
        return Outcome(findings: findings, status: RunStatus(intake: intake), rowsRead: intake.rowsRead, rowsRejected: intake.rowsRejected,
                       notices: notices)
    }

    /// `typed` as a path under the input folder (`visits/2018-05.csv`), whether typed relative
    /// to that folder, to the current folder or in full; nil when it names no file inside it.
    static func pathInInput(_ typed: String, inputDir: String) -> String? {
        guard let root = RealPath.of(inputDir) else { return nil }
        let candidates = typed.hasPrefix("/") ? [typed] : [inputDir + "/" + typed, typed]
        for c in candidates {
            if let r = RealPath.of(c), let inside = RealPath.relative(r, under: root), !inside.isEmpty { return inside }
        }
        return nil
    }

    /// Exactly validation.csv's columns and bytes.
    public static func csv(_ findings: [Finding]) -> [UInt8] { ValidationReport.table(findings).bytes }

    public static func json(_ findings: [Finding]) -> String {
        let items = findings.map { f in
            "  {\"file\": \(JSONText.quoted(f.file)), \"row\": \(f.row.map(String.init) ?? "null"), \"column\": \(JSONText.quoted(f.column)), "
                + "\"code\": \(JSONText.quoted(f.code.rawValue)), \"kind\": \(JSONText.quoted(kindName(f.code.kind))), \"message\": \(JSONText.quoted(f.message))}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }

    static func kindName(_ k: FindingCode.Kind) -> String {
        switch k {
        case .refusedSheet: return "refused_sheet"
        case .rejected: return "rejected"
        case .held: return "held"
        case .notice: return "notice"
        }
    }

    /// The terminal form: by file, then row, each line saying what to fix.
    /// The notices, after the findings in text output.
    public static func noticeText(_ notices: [Finding]) -> String {
        notices.isEmpty ? "" : "\nお知らせ\n" + notices.map { f in
            "  \(f.file.isEmpty ? "" : f.file + " ")\(f.code.rawValue) \(f.code.title): \(f.message)\n"
        }.joined()
    }

    public static func text(_ findings: [Finding]) -> String {
        var out = ""
        var file: String?
        for f in findings {
            if f.file != file {
                out += "\n\(f.file.isEmpty ? "（全体）" : f.file)\n"
                file = f.file
            }
            let place = f.row.map { "\($0)行目" } ?? "シート全体"
            let col = f.column.isEmpty ? "" : "「\(f.column)」"
            out += "  \(place) \(col) \(f.code.rawValue) \(f.code.title): \(f.message)\n"
        }
        return out
    }
}
