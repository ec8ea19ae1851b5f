import ArgumentParser
import IkigaiCore

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ikigai-bench",
        abstract: "Benchmarks of ikigai: same-person quality, and speed per stage.",
        subcommands: [SpeedBench.self, IdentityBench.self]
    )

    /// As `ikigai` does, so that the stages are measured as a run takes them.
    static func main() {
        HugePages.enable()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
