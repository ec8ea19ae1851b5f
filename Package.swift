// swift-tools-version:6.0
import PackageDescription

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
            ]
        ),
        .executableTarget(
            name: "ikigai-bench",
            dependencies: [
                "IkigaiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
