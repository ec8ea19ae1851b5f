// swift-tools-version:6.0
import PackageDescription

// A release build links the Swift runtime and Foundation into the programs (what
// `swift build --static-swift-stdlib` does), so that the manager's plain
// `swift build -c release` gets it too. Retains and releases are then direct calls, not
// calls through the PLT, and a run starts without loading a dozen shared libraries (twice:
// it re-executes itself for huge pages). Alternating runs of the two builds on this machine
// kind: 12–14% less time on the sample Input, 1.6% fewer instructions at 10× (callgrind);
// at 100× the gain was within the noise (issue 8's note of session 41). Debug builds, which
// the tests use, keep the shared libraries: the static program is 100 MB and slower to link.
let staticRuntimeInRelease: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
// The programs' own modules are compiled against Foundation's static modules as well: they name
// the libraries the static Foundation needs (CoreFoundation, its ICU), which linking alone misses.
// Not IkigaiCore: those names would then be in the library, and the fuzz targets (fuzz/library),
// which link the shared runtime, could not be linked.
let staticRuntimeModules: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "ikigai",
    products: [
        .executable(name: "ikigai", targets: ["ikigai"]),
        .library(name: "IkigaiCore", targets: ["IkigaiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only the tests use it: the reference that `Template` renders every page as it does.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Linux-only calls Swift's Glibc module does not import (renameat2).
        .target(name: "CIkigaiShims"),
        .target(
            name: "IkigaiCore",
            dependencies: [
                "CLibXML2",
                "CIkigaiShims",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "ikigai",
            dependencies: [
                "IkigaiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntimeModules,
            linkerSettings: staticRuntimeInRelease
        ),
        .executableTarget(
            name: "ikigai-bench",
            dependencies: [
                "IkigaiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntimeModules,
            linkerSettings: staticRuntimeInRelease
        ),
        .testTarget(
            name: "IkigaiCoreTests",
            dependencies: ["IkigaiCore", "CLibXML2", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
