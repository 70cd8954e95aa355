import ArgumentParser
import Foundation

extension BenchCommand {
    struct StatsBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Time Kaplan–Meier, Cox (Efron) and logistic fits against lifelines and statsmodels on the same rows.",
            discussion: """
                Generates survival data (10 covariates with known log hazard ratios, whole-day times so many tie,
                about 30 % censored) and logistic data (50 covariates) from a fixed seed, writes them as CSV to a
                temporary folder (removed afterwards), fits them in process, then runs the reference script on the
                same files. Only the fits are timed on both sides (with --repeat N, each side's fastest of N runs);
                Optima's time to build its input arrays is reported apart. Each speed-up (reference seconds / Optima
                seconds) is checked against the target: Kaplan–Meier ≥ 1×, Cox ≥ 10×, logistic ≥ 3×. Without Python
                or a module, Optima's times are still reported. Measure with a release build.
                """)

        @Option(help: "Rows of each data set.")
        var rows = 1_000_000

        @Option(help: "Random seed of the data.")
        var seed: UInt64 = 42

        @Option(name: .customLong("repeat"), help: "Runs of each fit on each side; the fastest counts (steadier on a busy machine).")
        var repetitions = 1

        @Option(help: "The Python interpreter that runs the reference script.")
        var python = "python3"

        @Option(help: "The reference script (lifelines and statsmodels).")
        var referenceScript = "scripts/reference/bench_stats.py"

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            guard rows >= 100 else { throw ValidationError("--rows must be at least 100 (got \(rows))") }
            guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1 (got \(repetitions))") }
        }

        func run() throws {
            let report = try StatisticsBenchmark.run(rows: rows, seed: seed, repetitions: repetitions, python: python, script: referenceScript)
            for error in Set(report.analyses.compactMap(\.referenceError)).sorted() {
                Terminal.warn("no reference figures: \(error)")
            }
            if json {
                Terminal.printJSON(try report.jsonData())
            } else {
                print(report.text)
            }
        }
    }
}
