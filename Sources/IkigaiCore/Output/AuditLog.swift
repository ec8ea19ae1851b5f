import Crypto
import Foundation

/// The processing record (`Output/audit/audit.jsonl`): one line per run,
/// purge or report, chained by hash so that editing or deleting any entry is
/// detected. It holds times, the operator, the command, digests of every
/// input sheet and output file, and counts; never a resident's name or phone.
public struct AuditLog: Sendable {
    /// One line of `audit.jsonl`: who ran what, when, on which files, chained to the line before.
    public struct Entry: Sendable, Equatable {
        public var seq: Int
        public var time: String
        public var operatorName: String
        public var command: String
        /// (path, bytes, SHA-256) of input sheets.
        public var inputs: [FileDigest]
        /// (path, bytes, SHA-256) of files written, or erased.
        public var outputs: [FileDigest]
        /// Counts and short facts, as ordered key/value pairs.
        public var facts: [(String, String)]
        public var prev: String
        public var hash: String

        public static func == (a: Entry, b: Entry) -> Bool { a.line == b.line }

        /// The line without its own hash: what the hash covers.
        var body: String {
            func q(_ s: String) -> String { JSONText.quoted(s) }
            func files(_ f: [FileDigest]) -> String {
                "[" + f.map { "{\"path\":\(q($0.path)),\"bytes\":\($0.bytes),\"sha256\":\(q($0.sha256))}" }.joined(separator: ",") + "]"
            }
            let factText = "[" + facts.map { "[\(q($0.0)),\(q($0.1))]" }.joined(separator: ",") + "]"
            return "{\"seq\":\(seq),\"time\":\(q(time)),\"operator\":\(q(operatorName)),\"command\":\(q(command)),"
                + "\"inputs\":\(files(inputs)),\"outputs\":\(files(outputs)),\"facts\":\(factText),\"prev\":\(q(prev))"
        }

        public var line: String { body + ",\"hash\":\(JSONText.quoted(hash))}" }
    }

    /// A file's size and SHA-256, so that an auditor can tell it is the one processed.
    public struct FileDigest: Sendable, Equatable {
        public let path: String
        public let bytes: Int
        public let sha256: String

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes.count
            self.sha256 = AuditLog.hex(SHA256.hash(data: bytes))
        }

        init(path: String, bytes: Int, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    public private(set) var entries: [Entry]
    public static let genesis = String(repeating: "0", count: 64)

    static func hex<D: Sequence>(_ d: D) -> String where D.Element == UInt8 {
        d.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    public init(entries: [Entry] = []) { self.entries = entries }

    public var head: String { entries.last?.hash ?? AuditLog.genesis }

    /// Appends an entry chained to the last one.
    public mutating func append(operatorName: String, command: String, inputs: [FileDigest], outputs: [FileDigest],
                                facts: [(String, String)], time: Date = Date()) {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        // Saturating: only an edited record holds the largest number, and adding one to it stopped the run.
        let last = entries.last?.seq ?? 0
        var e = Entry(seq: last == Int.max ? last : last + 1, time: f.string(from: time), operatorName: operatorName,
                      command: command, inputs: inputs, outputs: outputs, facts: facts, prev: head, hash: "")
        e.hash = AuditLog.hex(SHA256.hash(data: Array(e.body.utf8)))
        entries.append(e)
    }

    public var text: String { entries.map { $0.line + "\n" }.joined() }

    /// Where the chain breaks, if it does.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "\(line)行目: \(reason)" }
    }

    /// Reads a log and checks every line: readable, its own hash right, its
    /// `prev` the hash of the line before, numbers consecutive.
    public static func verify(_ text: String) -> (AuditLog, Break?) {
        var entries: [Entry] = []
        var prev = genesis
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty { continue }
            guard let e = parse(line) else { return (AuditLog(entries: entries), Break(line: i + 1, reason: "記録として読めません（書き換えられた可能性）")) }
            if e.line != line { return (AuditLog(entries: entries), Break(line: i + 1, reason: "記録の書式が変わっています（書き換えられた可能性）")) }
            if hex(SHA256.hash(data: Array(e.body.utf8))) != e.hash {
                return (AuditLog(entries: entries), Break(line: i + 1, reason: "第\(e.seq)回の記録の内容がハッシュと合いません（書き換えられています）"))
            }
            if e.prev != prev {
                return (AuditLog(entries: entries), Break(line: i + 1, reason: "第\(e.seq)回の記録の前にあるはずの記録がありません（削除または順序の入れ替え）"))
            }
            if e.seq != (entries.last?.seq ?? 0) + 1 {
                return (AuditLog(entries: entries), Break(line: i + 1, reason: "記録の番号が第\((entries.last?.seq ?? 0) + 1)回から飛んでいます"))
            }
            entries.append(e)
            prev = e.hash
        }
        return (AuditLog(entries: entries), nil)
    }

    static func parse(_ line: String) -> Entry? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let seq = obj["seq"] as? Int, let time = obj["time"] as? String, let op = obj["operator"] as? String,
              let command = obj["command"] as? String, let prev = obj["prev"] as? String, let hash = obj["hash"] as? String,
              let inputs = obj["inputs"] as? [[String: Any]], let outputs = obj["outputs"] as? [[String: Any]],
              let facts = obj["facts"] as? [[String]] else { return nil }
        func files(_ a: [[String: Any]]) -> [FileDigest]? {
            var out: [FileDigest] = []
            for f in a {
                guard let p = f["path"] as? String, let b = f["bytes"] as? Int, let s = f["sha256"] as? String else { return nil }
                out.append(FileDigest(path: p, bytes: b, sha256: s))
            }
            return out
        }
        guard let ins = files(inputs), let outs = files(outputs) else { return nil }
        guard facts.allSatisfy({ $0.count == 2 }) else { return nil }
        return Entry(seq: seq, time: time, operatorName: op, command: command, inputs: ins, outputs: outs,
                     facts: facts.map { ($0[0], $0[1]) }, prev: prev, hash: hash)
    }

    /// The log text with one more entry, chained to whatever the last line
    /// is. A broken log is kept as it is (it is evidence) and still grows.
    public static func appending(to raw: String, operatorName: String, command: String, inputs: [FileDigest],
                                 outputs: [FileDigest], facts: [(String, String)], time: Date = Date()) -> String {
        // Only the last line is parsed, on the bytes: the record grows by a line per command for
        // the years of the contract, each line listing every file of its run, and splitting the
        // whole text into lines (by Character) grew every run's time with it.
        let bytes = Array(raw.utf8)
        var lastLine: String?
        AuditLog.linesFromEnd(bytes) { lastLine = $0; return true }
        // A last line numbered as no record of this log can be (zero, below, or the largest
        // number, which has no next) was edited: chained to by its bytes, like an unreadable one.
        let last = lastLine.flatMap(parse).flatMap { $0.seq > 0 && $0.seq < Int.max ? $0 : nil }
        var log = AuditLog(entries: last.map { [$0] } ?? [])
        if last == nil, let unreadable = lastLine {
            // The last line is unreadable: chain to its raw bytes so the gap stays visible.
            var count = 0
            for (i, b) in bytes.enumerated() where b != 0x0A && (i == 0 || bytes[i - 1] == 0x0A) { count += 1 }
            log = AuditLog(entries: [Entry(seq: count, time: "", operatorName: "", command: "", inputs: [], outputs: [],
                                           facts: [], prev: "", hash: hex(SHA256.hash(data: Array(unreadable.utf8))))])
        }
        log.append(operatorName: operatorName, command: command, inputs: inputs, outputs: outputs, facts: facts, time: time)
        let text = raw.isEmpty || raw.hasSuffix("\n") ? raw : raw + "\n"
        return text + (log.entries.last?.line ?? "") + "\n"
    }

    /// The last readable entry that `matches`, found from the end of the record: only the lines
    /// after it are parsed, not the whole chain (`read` checks that, for `audit verify`).
    public static func lastEntry(outputDir: String, where matches: (Entry) -> Bool) -> Entry? {
        guard let data = FileManager.default.contents(atPath: outputDir + "/audit/audit.jsonl") else { return nil }
        var found: Entry?
        linesFromEnd(Array(data)) { line in
            guard let e = parse(line), matches(e) else { return false }
            found = e
            return true
        }
        return found
    }

    /// Each non-empty line of `bytes`, last first, until `body` says it has what it wanted.
    static func linesFromEnd(_ bytes: [UInt8], _ body: (String) -> Bool) {
        var end = bytes.count
        while end > 0 {
            if bytes[end - 1] == 0x0A {
                end -= 1
                continue
            }
            let start = (bytes[..<end].lastIndex(of: 0x0A) ?? -1) + 1
            if body(String(decoding: bytes[start..<end], as: UTF8.self)) { return }
            end = start
        }
    }

    public static func read(outputDir: String) -> (AuditLog, Break?) {
        guard let data = FileManager.default.contents(atPath: outputDir + "/audit/audit.jsonl") else { return (AuditLog(), nil) }
        return verify(String(decoding: data, as: UTF8.self))
    }
}
