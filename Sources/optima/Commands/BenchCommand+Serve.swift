import ArgumentParser
import Foundation

extension BenchCommand {
    struct ServeBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Load the running API with many concurrent authenticated clients (wrk) and report latency and the cost of auth + audit.",
            discussion: """
                Starts `optima serve` on the database, creates a service account "bench" (researcher) and a token,
                then drives each target with wrk for --duration seconds over --connections connections:
                /health (public: no authentication, no audit — the baseline), /api/me (authentication + audit around
                an empty handler), /api/info, and /api/cohorts/ID when --cohort-id names a generated cohort.
                The cost of auth + audit per request is the CPU time per request of /api/me minus that of /health at
                saturation (1/throughput). Needs wrk (Debian: apt-get install wrk).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var secrets: SiteSecretsOptions

        @Option(help: "Concurrent connections.")
        var connections = 200

        @Option(help: "Seconds per target.")
        var duration = 60

        @Option(help: "A generated cohort whose count endpoint to load as well.")
        var cohortID: Int?

        @Option(help: "The port of the server started for the run.")
        var port = 18_080

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            var targets = ["/health", "/api/me", "/api/info"].map { LoadBenchmark.Target($0) }
            if let cohortID { targets.append(.init("/api/cohorts/\(cohortID)")) }
            let report = try await LoadBenchmark(
                database: database.db, secretsPath: secrets.resolvedPath, port: port,
                connections: connections, seconds: duration
            ).run(targets: targets) { line in if !json { print(line) } }
            if json {
                try Terminal.printJSON(encoding: report)
            } else {
                print(report.summary)
            }
            if report.results.contains(where: { $0.errors > 0 }) { throw ExitCode(1) }
        }
    }
}
