// swift-tools-version:6.1
import PackageDescription

/// Duxue (督学): planning and checking the responsible-inspector rosters of a Chinese district.
///
/// Dependencies point inward: `DuxueDomain` imports none of ours; `DuxueMIP` is the solver-independent
/// model; `DuxueGLPK` is the only target that imports the `CGLPK` C module; the `duxue` executable only
/// parses arguments.
let package = Package(
    name: "Duxue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "duxue", targets: ["duxue"]),
        .executable(name: "duxue-synth", targets: ["duxue-synth"]),
        .executable(name: "duxue-holmberg", targets: ["duxue-holmberg"]),
        .library(name: "DuxuePlanner", targets: ["DuxuePlanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
    ],
    targets: [
        // C boundary: GLPK plus the shim that turns GLPK's abort-on-misuse into error codes.
        .target(
            name: "CGLPK",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        .target(name: "DuxueMIP", dependencies: ["DuxueConcurrency"]),
        // The one lock type and the one way to start solver threads.
        .target(name: "DuxueConcurrency"),
        // C boundary: libxlsxwriter (Debian libxlsxwriter-dev); only DuxueXLSX imports it.
        .target(name: "CXLSX", linkerSettings: [.linkedLibrary("xlsxwriter")]),
        .target(name: "DuxueXLSX", dependencies: ["CXLSX"]),
        .target(name: "DuxueGLPK", dependencies: ["CGLPK", "DuxueMIP", "DuxueConcurrency"]),
        .target(name: "DuxueDomain"),
        // The TOML reader of policy and scenario files: strict, total, with a position for every key and value.
        .target(name: "DuxueTOML"),
        // The XLSX reader (ZIPFoundation + FoundationXML): typed cells, hidden sheets and rows, zip-bomb limits.
        .target(name: "DuxueSheets", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "DuxueInput", dependencies: ["DuxueDomain", "DuxueTOML", "DuxueSheets"]),
        .target(name: "DuxuePlanner", dependencies: ["DuxueDomain", "DuxueMIP", "DuxueConcurrency"]),
        .target(
            name: "DuxueCompare",
            dependencies: ["DuxueDomain", "DuxueInput", "DuxuePlanner", "DuxueMIP", "DuxueTOML", "DuxueConcurrency"]
        ),
        // Pages through Mustache templates (escaping by default).
        .target(
            name: "DuxueReport",
            dependencies: ["DuxueDomain", "DuxuePlanner", "DuxueCompare", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "DuxueSynth", dependencies: ["DuxueDomain"]),
        // plan, check, renew, compare as functions from inputs to report data: the CLI and a server only
        // parse and render.
        .target(
            name: "DuxueWorkflows",
            dependencies: ["DuxueDomain", "DuxueInput", "DuxuePlanner", "DuxueMIP", "DuxueReport", "DuxueCompare",
                           "DuxueFiling", "DuxueConcurrency", "DuxueRecord"]
        ),
        // The roster of record: appointments by term in SQLite (GRDB), from which term counts are derived.
        .target(
            name: "DuxueRecord",
            dependencies: ["DuxueDomain", "DuxueInput", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "DuxueFiling", dependencies: ["DuxueDomain", "DuxueReport", "DuxueXLSX", "DuxueInput"]),
        // `duxue serve`: the browser workbench (Hummingbird 2); it only parses requests and renders workflow data.
        .target(
            name: "DuxueServer",
            dependencies: [
                "DuxueDomain", "DuxueInput", "DuxuePlanner", "DuxueGLPK", "DuxueReport", "DuxueFiling", "DuxueCompare",
                "DuxueConcurrency", "DuxueWorkflows", "DuxueRecord", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The city: accounts, sessions, filings and the audit log of `duxue serve --city` (GRDB, bcrypt, SHA-256).
        .target(
            name: "DuxueCity",
            dependencies: [
                "DuxueDomain", "DuxueInput", "DuxueConcurrency", "DuxueRecord", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `duxue serve --city`: the city workbench — login, the district workbench behind authorization, filings, audit.
        .target(
            name: "DuxueCityServer",
            dependencies: [
                "DuxueCity", "DuxueServer", "DuxueDomain", "DuxueInput", "DuxueReport", "DuxueFiling", "DuxueWorkflows",
                "DuxueConcurrency", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "duxue",
            dependencies: [
                "DuxueDomain", "DuxueInput", "DuxuePlanner", "DuxueGLPK", "DuxueReport", "DuxueFiling", "DuxueCompare",
                "DuxueConcurrency", "DuxueWorkflows", "DuxueServer", "DuxueRecord", "DuxueCity", "DuxueCityServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "duxue-synth",
            dependencies: [
                "DuxueSynth", "DuxueInput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "duxue-holmberg",
            dependencies: [
                "DuxueMIP", "DuxueGLPK", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DuxueMIPTests", dependencies: ["DuxueMIP", "DuxueGLPK", "CGLPK"], resources: [.copy("Holmberg")]),
        .testTarget(name: "DuxueDomainTests", dependencies: ["DuxueDomain"]),
        .testTarget(name: "DuxueTOMLTests", dependencies: ["DuxueTOML"], resources: [.copy("TOMLTestSuite")]),
        .testTarget(
            name: "DuxueSheetsTests",
            dependencies: ["DuxueSheets", "DuxueInput", "DuxueDomain", "duxue", "DuxueTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The one shared test-support module (workbooks written by openpyxl, an independent writer).
        .target(name: "DuxueTestSupport", dependencies: ["DuxueConcurrency"], path: "Tests/DuxueTestSupport"),
        .testTarget(
            name: "DuxueInputTests", dependencies: ["DuxueInput", "DuxueDomain", "DuxueTestSupport"],
            resources: [.copy("Fixtures"), .copy("Corpus")]),
        .testTarget(
            name: "DuxuePlannerTests",
            dependencies: ["DuxuePlanner", "DuxueGLPK", "DuxueDomain", "DuxueSynth", "DuxueMIP"]
        ),
        .testTarget(
            name: "DuxueCompareTests",
            dependencies: ["DuxueCompare", "DuxueReport", "DuxuePlanner", "DuxueGLPK", "DuxueDomain", "DuxueInput", "DuxueMIP"],
            exclude: ["Golden"], resources: [.copy("Scenarios")]
        ),
        .testTarget(name: "DuxueReportTests", dependencies: ["DuxueReport", "DuxuePlanner", "DuxueDomain", "DuxueGLPK"], exclude: ["Golden"]),
        .testTarget(
            name: "DuxueServerTests",
            dependencies: [
                "DuxueServer", "DuxueDomain", "DuxueConcurrency", "DuxueTestSupport", "duxue",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DuxueFilingTests",
            dependencies: ["DuxueFiling", "DuxueXLSX", "DuxueReport", "DuxueDomain", "DuxueInput", "DuxueWorkflows",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "DuxueRecordTests",
            dependencies: ["DuxueRecord", "DuxueWorkflows", "DuxueDomain", "DuxueInput", "DuxueSynth", "DuxueGLPK", "DuxueTestSupport",
                           "duxue", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DuxueCityTests",
            dependencies: [
                "DuxueCity", "DuxueCityServer", "DuxueServer", "DuxueTestSupport", "DuxueSynth", "DuxueInput", "DuxueDomain", "duxue",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DuxueCLITests", dependencies: ["duxue", "DuxueSynth", "DuxueInput", "DuxueDomain", "DuxueTestSupport"], exclude: ["Golden"],
            resources: [.copy("Cases")]
        ),
    ]
)

// libFuzzer targets (scripts/fuzz.sh): only with DUXUE_FUZZ=1, since they link against libFuzzer's main
// and are built with `-sanitize=fuzzer` into their own scratch path.
if Context.environment["DUXUE_FUZZ"] == "1" {
    for name in ["csv", "encoding", "policy", "roster", "scenario", "toml"] {
        package.products.append(.executable(name: "fuzz-\(name)", targets: ["fuzz-\(name)"]))
        let reader: Target.Dependency = name == "scenario" ? "DuxueCompare" : name == "toml" ? "DuxueTOML" : "DuxueInput"
        package.targets.append(
            .executableTarget(
                name: "fuzz-\(name)", dependencies: name == "toml" ? [reader] : [reader, "DuxueDomain"], path: "fuzz/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
