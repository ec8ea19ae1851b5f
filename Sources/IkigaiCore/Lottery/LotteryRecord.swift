import Crypto
import Foundation

/// The draw record of one lottery class (`lottery/<class>-draw.json`): all a
/// re-run needs and no personal data. Entrants are application numbers in
/// canonical order (application date, then sheet and row), each with the
/// sheet row it came from and its priority tier.
public struct LotteryRecord: Codable, Sendable, Equatable {
    /// One ticket as the record keeps it: its number and the application's file and row.
    public struct Entrant: Codable, Sendable, Equatable {
        public let number: Int
        public let file: String
        public let row: Int
        /// 1 is drawn before 2 (priority group), 1 for everyone without priority.
        public let tier: Int
    }

    public let format: String
    public let classID: String
    public let capacity: Int
    public let deadline: String
    public let seed: String
    public let method: String
    public let priority: String
    public let entrants: [Entrant]
    /// SHA-256 of the canonical entrant list (`number,file,row,tier` lines).
    public let inputDigest: String
    /// Application numbers in drawn order: the first `capacity` win, the rest wait in this order.
    public let order: [Int]
    public let winners: [Int]
    public let waiting: [Int]
    /// SHA-256 of this file with this value left empty: fields that do not
    /// enter the draw (the deadline) are covered too. The run's audit record
    /// also keeps the digest of the whole file.
    public private(set) var recordDigest: String

    enum CodingKeys: String, CodingKey {
        case format, classID = "class_id", capacity, deadline, seed, method, priority, entrants
        case inputDigest = "input_digest", order, winners, waiting, recordDigest = "record_digest"
    }

    public init(format: String, classID: String, capacity: Int, deadline: String, seed: String, method: String, priority: String,
                entrants: [Entrant], inputDigest: String, order: [Int], winners: [Int], waiting: [Int], recordDigest: String? = nil) {
        self.format = format
        self.classID = classID
        self.capacity = capacity
        self.deadline = deadline
        self.seed = seed
        self.method = method
        self.priority = priority
        self.entrants = entrants
        self.inputDigest = inputDigest
        self.order = order
        self.winners = winners
        self.waiting = waiting
        self.recordDigest = ""
        let body = Array(self.json.utf8)
        let computed = SHA256.hash(data: body).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        self.recordDigest = recordDigest ?? computed
    }

    /// The digest this record's content should carry.
    var expectedDigest: String {
        let blank = LotteryRecord(format: format, classID: classID, capacity: capacity, deadline: deadline, seed: seed, method: method,
                                  priority: priority, entrants: entrants, inputDigest: inputDigest, order: order, winners: winners,
                                  waiting: waiting)
        return blank.recordDigest
    }

    public static let formatName = "ikigai-lottery-record-1"

    static func digest(_ entrants: [Entrant]) -> String {
        let text = entrants.map { "\($0.number),\($0.file),\($0.row),\($0.tier)\n" }.joined()
        return SHA256.hash(data: Array(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Draws: each tier shuffled in turn from one generator, tiers concatenated.
    public static func draw(classID: String, capacity: Int, deadline: String, seed: String, priority: String,
                            entrants: [Entrant]) -> LotteryRecord {
        var g = DrawGenerator(seed: seed, classID: classID)
        var order: [Int] = []
        for tier in Set(entrants.map(\.tier)).sorted() {
            order += g.shuffle(entrants.filter { $0.tier == tier }.map(\.number))
        }
        return LotteryRecord(format: formatName, classID: classID, capacity: capacity, deadline: deadline, seed: seed,
                             method: DrawGenerator.method, priority: priority, entrants: entrants,
                             inputDigest: digest(entrants), order: order,
                             winners: Array(order.prefix(max(0, capacity))), waiting: Array(order.dropFirst(max(0, capacity))))
    }

    /// The record's file: fixed key order and layout, so that any change of
    /// a byte is visible to `verify`.
    public var json: String {
        func q(_ s: String) -> String { JSONText.quoted(s) }
        func ints(_ a: [Int]) -> String { "[" + a.map(String.init).joined(separator: ", ") + "]" }
        let list = entrants.map { "    {\"number\": \($0.number), \"file\": \(q($0.file)), \"row\": \($0.row), \"tier\": \($0.tier)}" }
            .joined(separator: ",\n")
        return """
        {
          "format": \(q(format)),
          "class_id": \(q(classID)),
          "capacity": \(capacity),
          "deadline": \(q(deadline)),
          "seed": \(q(seed)),
          "method": \(q(method)),
          "priority": \(q(priority)),
          "entrants": [
        \(list)
          ],
          "input_digest": \(q(inputDigest)),
          "order": \(ints(order)),
          "winners": \(ints(winners)),
          "waiting": \(ints(waiting)),
          "record_digest": \(q(recordDigest))
        }

        """
    }

    /// What `ikigai lottery verify` concludes.
    public enum Verdict: Sendable, Equatable {
        case matches
        case unreadable(String)
        /// The file is not byte for byte what this tool writes for its content.
        case altered(String)
        /// The recorded result is not what the draw gives.
        case mismatch(String)
    }

    /// Re-runs the draw from the record's bytes alone.
    public static func verify(_ bytes: [UInt8]) -> (Verdict, LotteryRecord?) {
        let record: LotteryRecord
        do { record = try JSONDecoder().decode(LotteryRecord.self, from: Data(bytes)) } catch {
            return (.unreadable("JSON として読めません"), nil)
        }
        guard record.format == formatName else { return (.unreadable("記録の形式 \(record.format) は読めません"), record) }
        if Array(record.json.utf8) != bytes || record.recordDigest != record.expectedDigest {
            return (.altered("記録の文字が書き換えられています（この道具が書いた形・record_digest と合いません）"), record)
        }
        guard record.method == DrawGenerator.method else { return (.mismatch("抽選方法の記述が違います"), record) }
        // No run writes one; a record made by hand with its digests worked out again could, and
        // drawing it again took a prefix of negative length and stopped the program.
        guard record.capacity >= 0 else { return (.mismatch("定員が負の数です"), record) }
        guard digest(record.entrants) == record.inputDigest else { return (.mismatch("応募者の一覧が input_digest と合いません"), record) }
        let again = draw(classID: record.classID, capacity: record.capacity, deadline: record.deadline, seed: record.seed,
                         priority: record.priority, entrants: record.entrants)
        guard again.order == record.order, again.winners == record.winners, again.waiting == record.waiting else {
            return (.mismatch("抽選をやり直した結果が記録と違います"), record)
        }
        return (.matches, record)
    }
}
