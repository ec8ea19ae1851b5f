import ArgumentParser
import Dispatch
import Foundation
import IkigaiCore

/// Same-person quality on a labelled synthetic year, against the first pass.
struct IdentityBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Pairwise precision/recall and people-count error of the same-person step on a generated year."
    )

    @Option(help: "generated people") var people = 4000
    @Option(help: "seed") var seed: UInt64 = 2018
    @Option(help: "scratch folder (removed afterwards)") var work = "/tmp/ikigai-bench-identity"

    func run() throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: work)
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: work) }
        let input = work + "/Input", truthPath = work + "/truth.csv"
        _ = try SampleGenerator(people: people, seed: seed).write(to: input, truth: truthPath)
        var truth: [SourceRow: Int] = [:]
        for line in try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n").dropFirst() {
            let p = line.split(separator: ",")
            if p.count == 3, let r = Int(p[1]), let id = Int(p[2]) { truth[SourceRow(file: String(p[0]), row: r)] = id }
        }
        let settings = try Settings.load(path: input + "/settings.toml")
        let intake = try IntakeStage.run(inputDir: input, settings: settings, through: nil)
        let rows = intake.rows.compactMap { $0.record?.identityRow }
        print("people generated: \(people), seed \(seed); accepted rows scored: \(rows.count)")
        print("resolver        precision  recall    people(found/true)  count error  seconds  review pairs (one person, order AP)")
        for (name, resolver) in [("first pass", ExactKeyResolver() as any IdentityResolver), ("evidence", EvidenceResolver())] {
            let t0 = DispatchTime.now()
            let register = resolver.resolve(rows, rulings: .none, previous: [:])
            let secs = Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9
            let q = IdentityQuality(register: register, truth: truth)
            print(String(format: "%-15@ %9.5f  %9.5f  %8d / %-8d  %+10.3f%%  %7.3f  %d (%d, %.3f)",
                         name as NSString, q.precision, q.recall, q.foundPeople, q.truePeople, q.countError * 100, secs,
                         register.reviews.count, q.reviewSame, q.reviewOrder))
        }
    }
}
