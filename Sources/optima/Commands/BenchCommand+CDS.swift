import ArgumentParser
import Foundation

extension BenchCommand {
    struct CDSBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cds",
            abstract: "Load the CDS Hooks service with concurrent invocations (wrk) and report latency percentiles.",
            discussion: """
                Starts `optima serve` on the database, signs in a throwaway clinician service account, then drives with
                wrk, --connections at a time for --duration seconds each: /health (the baseline), the public discovery
                document, a patient-view invocation with the breast prefetch of examples/cds (every breast tool plus the
                outcomes of similar patients in the database), an order-select invocation (examples/cds), and
                /api/decision-support/predict-breast. The aim: p99 under 500 ms at 50 concurrent invocations.
                Needs wrk (Debian: apt-get install wrk) and the examples folder of the repository.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var secrets: SiteSecretsOptions

        @Option(help: "Concurrent connections.")
        var connections = 50

        @Option(help: "Seconds per target.")
        var duration = 30

        @Option(help: ArgumentHelp("The repository's examples folder.", valueName: "dir"))
        var examples = "examples"

        @Option(help: "The port of the server started for the run.")
        var port = 18_081

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            let targets: [LoadBenchmark.Target] = [
                .init("/health"), .init("/cds-services"),
                .init("/cds-services/optima-oncology", body: try example("cds/patient-view-breast.json")),
                .init("/cds-services/optima-nsclc-therapy", body: try example("cds/order-select-nsclc.json")),
                .init("/api/decision-support/predict-breast", body: try example("patients/breast.json")),
            ]
            var benchmark = LoadBenchmark(database: database.db, secretsPath: secrets.resolvedPath, port: port,
                                          connections: connections, seconds: duration)
            benchmark.role = "clinician"
            let report = try await benchmark.run(targets: targets) { line in if !json { print(line) } }
            if json {
                try Terminal.printJSON(encoding: report)
            } else {
                print(report.summary)
            }
            if report.results.contains(where: { $0.errors > 0 }) { throw ExitCode(1) }
        }

        private func example(_ name: String) throws -> String {
            let path = "\(examples)/\(name)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path): run from the repository or pass --examples")
            }
            // One line, so the wrk script holds it as one Lua string.
            let value = try JSONSerialization.jsonObject(with: data)
            return String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
    }
}
