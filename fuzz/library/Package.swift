// swift-tools-version:6.0
// The libFuzzer targets that need the whole library: settings.toml (TOMLKit +
// Settings.read), one people sheet through intake and eligibility, and a small
// year through the whole run. A package of its own because it must be built with
// `--sanitize=fuzzer`, which would break the main package's ordinary build. Run
// them with `fuzz/run.sh settings`, `fuzz/run.sh sheets` and `fuzz/run.sh year`.
import PackageDescription

let package = Package(
    name: "ikigai-fuzz-library",
    dependencies: [.package(name: "ikigai", path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzSettings",
            dependencies: [.product(name: "IkigaiCore", package: "ikigai")]
        ),
        .executableTarget(
            name: "FuzzSheets",
            dependencies: [.product(name: "IkigaiCore", package: "ikigai")]
        ),
        .executableTarget(
            name: "FuzzYear",
            dependencies: [.product(name: "IkigaiCore", package: "ikigai")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
