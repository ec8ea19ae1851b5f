import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ikigai-bench",
        abstract: "Benchmarks of ikigai: same-person quality, and speed per stage.",
        subcommands: [SpeedBench.self, IdentityBench.self]
    )
}
