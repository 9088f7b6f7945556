// swift-tools-version:6.1
// libFuzzer targets for Afterword's readers of outside data. Built only by scripts/fuzz, with
// -sanitize=fuzzer: each target compiles just the modules (or the single files) it exercises, from
// the main package's sources through the symlinks in Sources/, so a fuzz build stays small.
import PackageDescription

/// A fuzz target: an executable whose `LLVMFuzzerTestOneInput` libFuzzer calls with each input.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(name: name, dependencies: dependencies)
}

let package = Package(
    name: "AfterwordFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1")
    ],
    targets: [
        .target(name: "AfterwordCore", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "AfterwordIntake", dependencies: ["AfterwordCore"]),
        .target(name: "AfterwordPrint", dependencies: ["AfterwordCore"]),
        .target(name: "AfterwordMove", dependencies: ["AfterwordCore", "AfterwordIntake"]),
        fuzzTarget("FuzzVCard", ["AfterwordIntake"]),
        fuzzTarget("FuzzICalendar", ["AfterwordIntake"]),
        fuzzTarget("FuzzCardText", ["AfterwordIntake"]),
        fuzzTarget("FuzzTrueType", ["AfterwordPrint"]),
        fuzzTarget("FuzzChecker", ["AfterwordCore"]),
        fuzzTarget("FuzzComposer", ["AfterwordCore"]),
        fuzzTarget("FuzzBoards", ["AfterwordCore"]),
        fuzzTarget("FuzzExport", ["AfterwordMove"]),
        fuzzTarget("FuzzTrackerCSV", ["AfterwordMove"]),
        // The next four compile the files they test into the target itself (symlinks), leaving out
        // the SwiftNIO and Hummingbird modules those files live beside.
        fuzzTarget("FuzzMIME"),
        fuzzTarget("FuzzSMTPReply"),
        fuzzTarget("FuzzWebForm"),
        fuzzTarget("FuzzIMAP"),
    ]
)
