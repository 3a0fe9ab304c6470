// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cscpipe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cscpipe", targets: ["cscpipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 through pkg-config (headers live in /usr/include/libxml2).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CSCCore"),
        .target(name: "Extractors", dependencies: [
            "CSCCore", "CLibXML2",
            // XLSX workbooks are zip files of XML parts (Annex A).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // KPIs are SQL over the run's SQLite warehouse (DESIGN.md §4), so the
        // evaluator needs GRDB to run them and to register the date helpers.
        .target(name: "Transformers", dependencies: [
            "CSCCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Loaders", dependencies: [
            "CSCCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // Raw sqlite3_bind_* on GRDB's statements: bulk inserts run about
            // twice as fast as through StatementArguments (swift-notes.md §5).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            // The Annex A return is an XLSX workbook: a zip of XML parts.
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Synthesis", dependencies: ["CSCCore"]),
        .target(name: "Pipeline", dependencies: [
            "CSCCore", "Extractors", "Transformers", "Loaders", "Synthesis",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "cscpipe", dependencies: [
            "Pipeline", "CSCCore", "Synthesis", "Extractors", "Transformers",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CSCCoreTests", dependencies: ["CSCCore"]),
        .testTarget(name: "ExtractorsTests", dependencies: [
            "Extractors", "CSCCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "TransformersTests", dependencies: [
            "Transformers", "CSCCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LoadersTests", dependencies: [
            // Extractors reads written workbooks back (the XLSX reader).
            "Loaders", "CSCCore", "Extractors", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "Extractors", "CSCCore"]),
        .testTarget(name: "PipelineTests", dependencies: [
            "Pipeline", "CSCCore", "Synthesis", "Extractors", "Transformers", "Loaders",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
