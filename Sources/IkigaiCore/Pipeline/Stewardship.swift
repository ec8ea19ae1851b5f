import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data-protection commands besides `run`: the handling report (特記事項
/// 14), erasure with its certificate (11–12), and the audit check. Each one
/// that reads personal data checks the operator first, and each one that
/// acts is recorded in the audit chain.
public enum Stewardship {
    /// What a purge erased (or would erase) and the certificate it left.
    public struct PurgeOutcome: Sendable {
        public let items: [Erasure.Item]
        public let erased: Int
        public let certificate: String?
    }

    /// Writes `audit/<name>` and the extended audit log next to each other,
    /// each through a temporary file that is synced before its rename, and the folder synced
    /// after: without the syncs a power cut could leave the renamed `audit.jsonl` empty on a
    /// file system that does not flush on rename, and the chain of every earlier run with it.
    static func writeAudit(outputDir: String, files: [(String, String)], entry: (String, [AuditLog.FileDigest], [(String, String)]),
                           operatorName: String) throws(RunFailure) {
        let dir = outputDir + "/audit"
        let fm = FileManager.default
        try? fm.createDirectory(atPath: outputDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let raw = fm.contents(atPath: dir + "/audit.jsonl").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let log = AuditLog.appending(to: raw, operatorName: operatorName, command: entry.0, inputs: [], outputs: entry.1, facts: entry.2)
        for (name, text) in files + [("audit.jsonl", log)] {
            let tmp = dir + "/." + name + ".tmp"
            var code = Stewardship.writeSynced(tmp, Array(text.utf8))
            if code == 0, rename(tmp, dir + "/" + name) != 0 { code = errno }
            guard code == 0 else {
                unlink(tmp)
                let failed = OutputWriter.Problem.failed(dir + "/" + name, code)
                throw RunFailure(step: "audit", file: failed.path, japanese: "監査記録を書けません（\(failed.reason)）" + (failed.advice.map { " " + $0 } ?? ""),
                                 english: "cannot write the audit record (\(failed.reason))")
            }
        }
        let folder = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes `bytes` to a new file at `path` (0644: the audit folder is the ward's) and syncs it;
    /// 0, or the error number of the call that failed (a full disk is told apart from the rest).
    private static func writeSynced(_ path: String, _ bytes: [UInt8]) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        fchmod(fd, 0o644)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + done }, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return fsync(fd) == 0 ? 0 : errno
    }

    public static func handlingReport(inputDir: String, outputDir: String, templatesDir: String, operatorName: String?,
                                      now: Date = Date()) throws(RunFailure) -> String {
        let granted = try Authorisation.check(inputDir: inputDir, operatorName: operatorName)
        let settings = granted.settings, handler = granted.handler
        let held = try OutputLock.taken(for: outputDir, step: "report")
        defer { withExtendedLifetime(held) {} }
        OutputWriter(outputDir: outputDir).recoverInterruptedSwap()
        // The report adds audit/ to the folder, which would then pass for an ikigai output folder
        // that a later `run --output` there may replace (`--output ~/Documents`, `--output .`).
        if let refused = OutputWriter(outputDir: outputDir).refusal() {
            throw RunFailure(step: "report", file: refused.path, japanese: "書き出し先に問題があるため、何もしていません（\(refused.reason)）",
                             english: "nothing was done: the output folder cannot be used")
        }
        let templates: PageTemplates
        do { templates = try PageTemplates(directory: templatesDir) } catch {
            throw RunFailure(step: "report", file: error.file, japanese: error.reason, english: "templates could not be loaded")
        }
        let html: String
        do {
            html = try templates.page("handling", HandlingReport(settings: settings, inputDir: inputDir, outputDir: outputDir,
                                                                 operatorName: handler, now: now).view, output: "audit/handling-report.html")
        } catch {
            throw RunFailure(step: "report", file: error.file, japanese: error.reason, english: "the report could not be rendered")
        }
        try writeAudit(outputDir: outputDir, files: [("handling-report.html", html)],
                       entry: ("ikigai report handling", [AuditLog.FileDigest(path: "audit/handling-report.html", bytes: Array(html.utf8))], []),
                       operatorName: handler.name)
        return outputDir + "/audit/handling-report.html"
    }

    public static func purge(fiscalYear: Int, inputDir: String, outputDir: String, templatesDir: String, operatorName: String?,
                             confirm: Bool, now: Date = Date()) throws(RunFailure) -> PurgeOutcome {
        let granted = try Authorisation.check(inputDir: inputDir, operatorName: operatorName)
        let settings = granted.settings, handler = granted.handler
        guard settings.fiscalYear == fiscalYear else {
            throw RunFailure(step: "purge", file: inputDir + "/settings.toml",
                             japanese: "\(inputDir) は\(settings.fiscalYear)年度のフォルダです。消去する年度（--fiscal-year \(fiscalYear)）と合いません。",
                             english: "the input folder is fiscal year \(settings.fiscalYear), not \(fiscalYear)")
        }
        let held = try OutputLock.taken(for: outputDir, step: "purge")
        defer { withExtendedLifetime(held) {} }
        OutputWriter(outputDir: outputDir).recoverInterruptedSwap()
        // Erasing a folder ikigai did not write (`--output ~/Documents`) would destroy someone's files.
        if let refused = OutputWriter(outputDir: outputDir).refusal() {
            throw RunFailure(step: "purge", file: refused.path, japanese: "消去先に問題があるため、何も消していません（\(refused.reason)）",
                             english: "nothing was erased: the output folder is not one ikigai wrote")
        }
        let erasure = Erasure(inputDir: inputDir, outputDir: outputDir)
        let items = erasure.plan()
        // Said before anything is erased, and in the dry run too: a purge that stopped part way
        // would leave the year half erased, with no certificate.
        let blocked = items.filter { $0.blocked != nil }
        if !blocked.isEmpty {
            let listed = blocked.prefix(5).map { "\($0.shown)（\($0.blocked ?? "")）" }.joined(separator: "、")
                + (blocked.count > 5 ? " ほか \(blocked.count - 5) 件" : "")
            throw RunFailure(step: "purge", file: blocked[0].shown,
                             japanese: "消去できないファイルがあるため、何も消していません: \(listed)。ファイルとフォルダの権限を直して（所有者が読み書きできるように）から、もう一度実行してください",
                             english: "nothing was erased: \(blocked.count) file(s) cannot be read, written or removed; fix their permissions and run again")
        }
        guard confirm else { return PurgeOutcome(items: items, erased: 0, certificate: nil) }
        let templates: PageTemplates
        do { templates = try PageTemplates(directory: templatesDir) } catch {
            throw RunFailure(step: "purge", file: error.file, japanese: error.reason, english: "templates could not be loaded")
        }
        // The certificate is made before anything is erased: it lists the plan's files and
        // digests, not what erasing returns, and a template that is missing or fails the page
        // check must stop the purge while the files are still there, not leave them erased
        // with no certificate and no audit entry.
        let (log, _) = AuditLog.read(outputDir: outputDir)
        let iso = ISO8601DateFormatter()
        let day = CivilDate(iso: String(iso.string(from: now).prefix(10)))
        let view = CertificateView(
            dateJapanese: day.map { "\($0.japaneseEraString)" } ?? "", ward: "\(settings.prefecture)\(settings.wardName)長",
            fiscalYear: "\(fiscalYear)年度", erasedAt: iso.string(from: now) + "（UTC）", operator: handler.name, role: handler.role.rawValue,
            count: items.count, bytes: Format.number(items.reduce(0) { $0 + $1.digest.bytes }), seq: (log.entries.last?.seq ?? 0) + 1,
            responsible: settings.handlers.filter { $0.role == .responsible }.map(\.name).joined(separator: "・"),
            files: items.map { .init(path: $0.shown, bytes: Format.number($0.digest.bytes), sha: $0.digest.sha256) })
        let name = "erasure-certificate-\(fiscalYear).html"
        let html: String
        do { html = try templates.page("certificate", view, output: "audit/" + name) } catch {
            throw RunFailure(step: "purge", file: error.file, japanese: error.reason, english: "the certificate could not be rendered")
        }
        let erased: Int
        do { erased = try erasure.execute(items) } catch {
            throw RunFailure(step: "purge", file: "\(error)", japanese: "消去の途中で失敗しました。もう一度実行してください（消去済みのファイルは記録されません）",
                             english: "erasure failed part way: \(error)")
        }
        try writeAudit(outputDir: outputDir, files: [(name, html)],
                       entry: ("ikigai purge --fiscal-year \(fiscalYear) --confirm", items.map(\.digest),
                               [("fiscal_year", String(fiscalYear)), ("erased_files", String(erased)),
                                ("erased_bytes", String(items.reduce(0) { $0 + $1.digest.bytes }))]),
                       operatorName: handler.name)
        return PurgeOutcome(items: items, erased: erased, certificate: outputDir + "/audit/" + name)
    }

    struct CertificateView {
        struct File { let path: String; let bytes: String; let sha: String }
        let dateJapanese: String; let ward: String; let fiscalYear: String; let erasedAt: String; let `operator`: String
        let role: String; let count: Int; let bytes: String; let seq: Int; let responsible: String; let files: [File]
    }
}
