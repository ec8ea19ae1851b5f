// swift-tools-version:6.0
// The libFuzzer target for settings.toml (TOMLKit + Settings.parse). A package
// of its own because it must be built with `--sanitize=fuzzer`, which would
// break the main package's ordinary build. Run it with `fuzz/run.sh settings`.
import PackageDescription

let package = Package(
    name: "ikigai-fuzz-settings",
    dependencies: [.package(name: "ikigai", path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzSettings",
            dependencies: [.product(name: "IkigaiCore", package: "ikigai")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
