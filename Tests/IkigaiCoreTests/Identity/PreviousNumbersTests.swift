import Crypto
import Foundation
import Testing
@testable import IkigaiCore

@Suite("Person numbers carried over from the previous run's ids.csv")
struct PreviousNumbersTests {
    /// The digest as `ids.csv` has always written it: the first ten bytes of SHA-256, in hex.
    static func referenceHex(_ key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).prefix(10).map { String(format: "%02x", $0) }.joined()
    }

    @Test func aDigestReadsBackAsTheHexItWasWrittenAsAndSortsAsThatText() {
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<500).map { i in "山田 太郎|0312345678|\(i)|\(rng.next() as UInt64)" }
        let digests = keys.map(PersonNumbering.digest)
        for (key, digest) in zip(keys, digests) {
            #expect(digest.description == Self.referenceHex(key))
            #expect(ProfileDigest(hex: digest.description) == digest)
        }
        let sortsAsText = digests.sorted().map(\.description) == digests.map(\.description).sorted()
        #expect(sortsAsText)
    }

    @Test("a cell that is not 20 lowercase hex digits names no profile", arguments: [
        "", "7e6ead89793f53b8640", "7e6ead89793f53b86409a", "7E6EAD89793F53B86409", "7e6ead89793f53b8640g",
        "7.00E+19", " 7e6ead89793f53b86409", "７e6ead89793f53b86409",
    ])
    func malformedDigest(_ cell: String) {
        #expect(ProfileDigest(hex: cell) == nil)
    }

    func read(_ text: String) -> PreviousNumbers {
        let dir = Support.tempDir()
        defer { Support.remove(dir) }
        try? FileManager.default.createDirectory(atPath: dir + "/people", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: dir + "/people/ids.csv", contents: Data(text.utf8)))
        return PreviousRun.personNumbers(outputDir: dir)
    }

    let a = "0123456789abcdef0123", b = "fedcba9876543210fedc", c = "00000000000000000001"

    @Test func linesOfAnIDsFileAsRunsWriteAndClerksEditThem() throws {
        let numbers = read("""
            \u{FEFF}person,digest,file,row
            P00001,\(a),applications/2018-04.csv,2
            P00002,\(b),"visits/2018-04,追加.csv",17
            P00003,\(c)
            P00002,\(a),,
            P00007,7E6EAD89793F53B86409,visits/2018-05.csv,3
            P00000,\(c),visits/2018-05.csv,4
            P-3,\(c),visits/2018-05.csv,5
            P9223372036854775807,\(c),visits/2018-05.csv,6
            00005,\(c),visits/2018-05.csv,7
            P00006,\(b),visits/2018-05.csv,九

            """)
        let da = try #require(ProfileDigest(hex: a)), db = try #require(ProfileDigest(hex: b)), dc = try #require(ProfileDigest(hex: c))
        // A later line for a digest gives its number; its first row stays the last one given.
        #expect(numbers.number(of: da) == 2)
        #expect(numbers.firstRow(of: da) == SourceRow(file: "applications/2018-04.csv", row: 2))
        #expect(numbers.number(of: db) == 6)
        #expect(numbers.firstRow(of: db) == SourceRow(file: "visits/2018-04,追加.csv", row: 17))
        // Numbers this tool cannot have given are left out; a line without first row has none.
        #expect(numbers.number(of: dc) == 3)
        #expect(numbers.firstRow(of: dc) == nil)
        // The uppercase digest names no profile, but its number is never given to a new person.
        #expect(numbers.highest == 7)
        #expect(numbers.hasFirstRows)
        #expect(numbers.number(of: ProfileDigest(prefixOf: [1, 2, 3])) == nil)
    }

    @Test func aFileWrittenBeforeFirstRowsHasNone() throws {
        let numbers = read("person,digest\nP00001,\(a)\nP00002,\(b)\n")
        #expect(!numbers.hasFirstRows)
        #expect(numbers.number(of: try #require(ProfileDigest(hex: b))) == 2)
    }

    @Test func aFileCutInsideAQuoteIsNotUsed() {
        let numbers = read("person,digest,file,row\nP00001,\(a),applications/2018-04.csv,2\nP00002,\(b),\"visits/2018-04.csv,3\n")
        #expect(numbers.isEmpty)
        #expect(numbers.highest == 0)
    }

    @Test func aNumberNearTheLargestIntegerNoLongerStopsTheRun() {
        // An ids.csv edited to hold P9223372036854775807 made the next new person's number overflow.
        var lines = PreviousNumbers.Builder()
        lines.note(number: Int.max, digest: ProfileDigest(hex: a))
        lines.note(number: PersonNumbering.largest, digest: ProfileDigest(hex: b))
        let previous = PreviousNumbers(lines)
        #expect(previous.highest == PersonNumbering.largest)
        let numbers = PersonNumbering.assign(count: 3, previous: previous) { i in
            i == 0 ? [ProfileDigest(hex: b)].compactMap { $0 } : []
        }
        #expect(numbers == [PersonNumbering.largest, PersonNumbering.largest + 1, PersonNumbering.largest + 2])
    }
}
