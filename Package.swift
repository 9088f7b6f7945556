// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Afterword",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "afterword", targets: ["AfterwordCLI"]),
        .library(name: "AfterwordCore", targets: ["AfterwordCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .target(
            name: "AfterwordCore",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "AfterwordStore",
            dependencies: ["AfterwordCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "AfterwordIntake",
            dependencies: ["AfterwordCore"]
        ),
        .target(name: "AfterwordMove", dependencies: ["AfterwordCore", "AfterwordIntake"]),
        .target(
            name: "AfterwordPostgres",
            dependencies: [
                "AfterwordCore", "AfterwordStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "SASL"),
        .target(
            name: "MailChannel",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SMTP",
            dependencies: [
                "SASL", "MailChannel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        .target(
            name: "IMAP",
            dependencies: [
                "SASL", "MailChannel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AfterwordDelivery",
            dependencies: [
                "AfterwordCore", "SMTP", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "AfterwordPrint", dependencies: ["AfterwordCore"]),
        .target(
            name: "AfterwordWatch",
            dependencies: [
                "AfterwordCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AfterwordApp",
            dependencies: [
                "AfterwordCore", "AfterwordStore", "AfterwordPostgres", "AfterwordIntake", "AfterwordMove", "AfterwordDelivery", "SMTP", "SASL", "IMAP", "AfterwordPrint",
                "AfterwordWatch", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "AfterwordWeb",
            dependencies: [
                "AfterwordApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // Part of the binary, not a resource bundle beside it: see Plugins/EmbedWebFiles.
            exclude: ["Templates", "Static"],
            plugins: [.plugin(name: "EmbedWebFiles")]
        ),
        .executableTarget(name: "EmbedFiles"),
        .plugin(name: "EmbedWebFiles", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .executableTarget(
            name: "AfterwordCLI",
            dependencies: [
                "AfterwordApp", "AfterwordWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: [.plugin(name: "BuildInfo")]
        ),
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .testTarget(name: "AfterwordCoreTests", dependencies: ["AfterwordCore"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "AfterwordStoreTests",
            dependencies: [
                "AfterwordStore", "AfterwordPostgres", "AfterwordTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "AfterwordIntakeTests", dependencies: ["AfterwordIntake", "AfterwordMove", "AfterwordCore"], resources: [.copy("Fixtures")]
        ),
        .target(name: "AfterwordTestSupport", path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AfterwordDeliveryTests",
            dependencies: ["AfterwordDelivery", "AfterwordStore", "SMTP", "AfterwordCore", "AfterwordTestSupport"]
        ),
        .testTarget(
            name: "SMTPTests",
            dependencies: [
                "SMTP", "SASL", "IMAP", .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "AfterwordAppTests", dependencies: ["AfterwordApp", "AfterwordStore"]),
        .testTarget(name: "AfterwordCLITests", dependencies: ["AfterwordTestSupport"]),
        .testTarget(name: "AfterwordPrintTests", dependencies: ["AfterwordPrint"]),
        .testTarget(
            name: "AfterwordWatchTests",
            dependencies: ["AfterwordWatch", "AfterwordCore", "AfterwordTestSupport"]
        ),
        .testTarget(
            name: "AfterwordWebTests",
            dependencies: [
                "AfterwordWeb", "AfterwordApp", "AfterwordStore", "AfterwordCore", "AfterwordTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
