// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Optima",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "optima", targets: ["optima"]),
        .library(name: "OMOP", targets: ["OMOP"]),
        .library(name: "CDMStore", targets: ["CDMStore"]),
        .library(name: "Governance", targets: ["Governance"]),
        .library(name: "Synthetic", targets: ["Synthetic"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Cohorts", targets: ["Cohorts"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Evidence", targets: ["Evidence"]),
        .library(name: "DecisionSupport", targets: ["DecisionSupport"]),
        .library(name: "Federation", targets: ["Federation"]),
        .library(name: "OptimaServer", targets: ["OptimaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The CDM v5.4 schema as data; no I/O.
        .target(name: "OMOP"),
        // zlib, for reading `.gz` OMOP files as streams.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "CDMStore",
            dependencies: [
                "OMOP", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Identity, roles, the hash-chained audit log, pseudonymisation, consent and erasure, disclosure control.
        .target(
            name: "Governance",
            dependencies: [
                "OMOP", "CDMStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        // The synthetic oncology population generator and the vocabulary subset it writes.
        .target(
            name: "Synthetic", dependencies: ["OMOP", "CDMStore", "Governance"],
            resources: [.copy("Resources/optima-oncology-vocabulary.tsv")]
        ),
        // FHIR R4 / mCODE / Synthea into OMOP and OMOP back out as FHIR: streaming readers, vocabulary lookup, mapping.
        .target(
            name: "Ingest", dependencies: ["OMOP", "CDMStore", "Governance"],
            resources: [.copy("Resources/fhir-concept-map.tsv")]
        ),
        // Statistics: pure maths, no I/O: survival, regression, rates, comparisons.
        .target(name: "Statistics"),
        // Pictures as SVG text from plain values: no I/O, no dependencies, used by the CLI and the server alike.
        .target(name: "Charts"),
        // Circe-compatible cohort definitions: the expression model, concept sets, the SQL compiler, generation.
        .target(name: "Cohorts", dependencies: ["OMOP", "CDMStore", "Governance"]),
        // Analyses on cohorts in the store: extraction by set-based SQL, maths by Statistics, every count governed.
        .target(name: "Evidence", dependencies: ["OMOP", "CDMStore", "Cohorts", "Statistics", "Governance", "Charts"]),
        // Guideline rules and prognostic models for the three cancers, patient facts from OMOP or FHIR, CDS Hooks cards.
        .target(
            name: "DecisionSupport",
            dependencies: ["OMOP", "CDMStore", "Governance", "Ingest", "Statistics", "Evidence", "Charts"],
            resources: [.copy("Resources")]
        ),
        // The federated network: study specifications, the node (data station) and the coordinator, exact federated
        // statistics, federated learning, secure aggregation and differential privacy. Nodes return aggregates only.
        .target(
            name: "Federation",
            dependencies: [
                "OMOP", "CDMStore", "Governance", "Cohorts", "Statistics", "Evidence", "Charts", "DecisionSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OptimaServer",
            dependencies: [
                "CDMStore", "Cohorts", "Governance", "Evidence", "Ingest", "DecisionSupport", "Federation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The web application's own stylesheets and scripts, served at /assets/NAME.
            resources: [.copy("Web/Assets")]
        ),
        .executableTarget(
            name: "optima",
            dependencies: [
                "OMOP", "CDMStore", "Governance", "Ingest", "DecisionSupport", "Federation", "OptimaServer", "Synthetic", "Cohorts", "Statistics", "Charts", "Evidence",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Test helpers shared by the test targets: temporary databases on both backends, reference data.
        .target(name: "CDMTestSupport", dependencies: ["CDMStore"], path: "Tests/CDMTestSupport"),
        .testTarget(name: "OMOPTests", dependencies: ["OMOP", "CDMTestSupport"]),
        .testTarget(name: "CDMStoreTests", dependencies: ["CDMStore", "CDMTestSupport"]),
        .testTarget(name: "GovernanceTests", dependencies: ["Governance", "CDMTestSupport"]),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "Statistics", "CDMTestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CDMTestSupport", "Synthetic", "Cohorts"]),
        .testTarget(name: "CohortsTests", dependencies: ["Cohorts", "CDMTestSupport", "Synthetic"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "CDMTestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "EvidenceTests", dependencies: ["Evidence", "CDMTestSupport", "Synthetic", "Cohorts"]),
        .testTarget(
            name: "DecisionSupportTests", dependencies: ["DecisionSupport", "CDMTestSupport", "Synthetic", "Ingest", "Charts"],
            // Reference outputs read through #filePath, not bundled.
            exclude: ["Fixtures"]),
        .testTarget(
            name: "FederationTests",
            dependencies: ["Federation", "OptimaServer", "CDMTestSupport", "Synthetic", "Cohorts", "Statistics", "Evidence"]
        ),
        .testTarget(
            name: "OptimaServerTests",
            dependencies: [
                "OptimaServer", "CDMTestSupport", "Cohorts", "Synthetic",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "optimaTests", dependencies: ["optima", "CDMTestSupport"]),
    ]
)
