/// Only a designated handler from settings may run a command that reads
/// personal data (特記事項 13). Settings are read first because they name the
/// handlers; no sheet is opened before the check passes.
public enum Authorisation {
    /// The year's settings and the handler who is running the command.
    public struct Granted: Sendable {
        public let settings: Settings
        public let handler: Settings.Handler
        /// The SHA-256 of the settings as read, for the audit record.
        public let settingsDigest: AuditLog.FileDigest
    }

    public static func check(inputDir: String, operatorName: String?) throws(RunFailure) -> Granted {
        // An empty --input would make every path absolute ("/settings.toml", "/visits").
        guard !inputDir.isEmpty else {
            throw RunFailure(step: "settings", file: "--input", japanese: "入力フォルダの指定が空です。--input Input のように指定してください。",
                             english: "--input is empty")
        }
        let settings: Settings, bytes: [UInt8]
        do { (settings, bytes) = try Settings.loadWithBytes(path: inputDir + "/settings.toml") } catch {
            throw RunFailure(step: "settings", file: inputDir + "/settings.toml" + error.lineSuffix,
                             japanese: error.japaneseMessage, english: "bad settings: " + error.englishMessage)
        }
        guard let name = operatorName, !Text.isBlank(name) else {
            throw RunFailure(step: "settings", file: "",
                             japanese: "取扱者の指定がありません。--operator \"氏名\" か環境変数 IKIGAI_OPERATOR で、settings.toml の [[handlers]] にある取扱者を指定してください。",
                             english: "no operator given: pass --operator NAME or set IKIGAI_OPERATOR to a handler from settings.toml")
        }
        guard let handler = settings.handler(named: name) else {
            throw RunFailure(step: "settings", file: "",
                             japanese: "指定された人は settings.toml の取扱者（[[handlers]]）に含まれていないため、個人情報を扱う処理はできません。",
                             english: "the operator is not a designated handler in settings.toml; refused before reading any sheet")
        }
        return Granted(settings: settings, handler: handler, settingsDigest: AuditLog.FileDigest(path: "settings.toml", bytes: bytes))
    }
}
