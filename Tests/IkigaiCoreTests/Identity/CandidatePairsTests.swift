import Testing
@testable import IkigaiCore

/// Blocking gives the pairs the resolver judges: every two profiles sharing
/// a key, each pair once and in order, whichever part of the split its key fell in.
@Suite("Candidate pairs")
struct CandidatePairsTests {
    static func profile(_ i: Int, _ name: String, _ phone: String, town: String? = nil, reading: String? = nil) -> Profile {
        var p = Profile(index: i, name: name, phone: phone)
        if let town { p.towns.insert(town) }
        if let reading { p.readings.insert(reading) }
        return p
    }

    @Test func everyKindOfSharedKeyPairsAndNothingElseDoes() {
        var profiles: [Profile] = []
        func add(_ name: String, _ phone: String, town: String? = nil, reading: String? = nil) -> Int {
            profiles.append(Self.profile(profiles.count, name, phone, town: town, reading: reading))
            return profiles.count - 1
        }
        let phoneA = add("高橋花子", "0312345678"), phoneB = add("高橋はな子", "0312345678")         // same phone
        let townA = add("佐藤一郎", "0399990001", town: "大久保"), townB = add("佐藤一郎", "0399990002", town: "大久保") // name and town
        let digitA = add("鈴木和子", "0311112222"), digitB = add("鈴木和子", "0311112223")           // one digit apart
        let readA = add("田中茂", "0322220001", town: "百人町", reading: "たなかしげる")
        let readB = add("田仲茂", "0322220002", town: "百人町", reading: "たなかしげる")             // reading and town
        // Strangers: distinct names, phones several digits apart, different towns.
        for i in 0..<3_000 { _ = add("他人\(i)", String(format: "08%08d", i * 37), town: "北新宿") }
        let pairs = EvidenceResolver().candidatePairs(profiles)
        let packed = pairs.map { UInt64($0.0) << 32 | UInt64($0.1) }
        #expect(packed == packed.sorted() && Set(packed).count == packed.count, "sorted, each once")
        #expect(pairs.allSatisfy { $0.0 < $0.1 })
        for (a, b) in [(phoneA, phoneB), (townA, townB), (digitA, digitB), (readA, readB)] {
            #expect(pairs.contains { $0 == (a, b) }, "\(profiles[a].name) / \(profiles[b].name)")
        }
        #expect(pairs.count == 4, "strangers share no key: \(pairs.filter { $0.0 >= 8 }.prefix(3))")
    }

    @Test func aHugeSharedNumberStaysLinear() {
        // A care home's number shared by 1,000 residents: compared only with near neighbours.
        let profiles = (0..<1_000).map { Self.profile($0, "入居者\($0)", "0355550000") }
        let pairs = EvidenceResolver().candidatePairs(profiles)
        #expect(pairs.count < 1_000 * 8)
        #expect(pairs.contains { $0 == (0, 1) } && pairs.contains { $0 == (998, 999) })
    }
}
