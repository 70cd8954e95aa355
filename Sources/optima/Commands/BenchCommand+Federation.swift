import ArgumentParser
import Foundation

extension BenchCommand {
    struct FederationBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "federation",
            abstract: "Time a federated study over K loopback nodes against the pooled fits of the same subjects.",
            discussion: """
                Needs the site databases of `optima generate --persons N --sites K --db URL` (NAME-site1.sqlite …). Starts a
                node server per site on loopback (HTTPS with pinned self-signed certificates when openssl is present, a
                throwaway node account each), and runs a study of one cohort as a coordinator: Kaplan–Meier on a 30-day grid,
                logistic regression of death within a year, and Cox regression stratified by site (Efron). Reports per
                analysis the wall time (every round trip, signature and node computation included), Newton rounds, bytes
                on the wire per round, and the pooled fit of the same subjects in the same run (each site read in turn,
                then fitted once), with the largest relative difference of the coefficients.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Number of site databases beside --db.")
        var sites = 3

        @Option(help: ArgumentHelp("The cohort every analysis is about (Circe JSON).", valueName: "file"))
        var cohort = "examples/cohorts/breast-cancer.json"

        @Option(help: "Model covariates (feature specs, space-separated).")
        var covariates = "age stage=concepts:1635838,1635131,1634191,1633987 ER=value:36203168"

        @Flag(help: "Mask every reply (secure aggregation).")
        var secureAggregation = false

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            let benchmark = FederationBenchmark(base: try database.location(), sites: sites, cohortDefinition: URL(fileURLWithPath: cohort),
                                                covariates: covariates.split(separator: " ").map(String.init),
                                                secureAggregation: secureAggregation)
            let (announce, analyses, subjects) = try await benchmark.run { line in if !json { FileHandle.standardError.write(Data("  \(line)\n".utf8)) } }
            if json {
                let rows: [[String: Any]] = analyses.map { a in
                    var row: [String: Any] = ["analysis": a.id, "type": a.type, "seconds": a.seconds, "rounds": a.rounds,
                                              "bytes": a.bytes, "bytes_per_round": a.bytes / max(a.rounds, 1)]
                    if let pooled = a.pooledSeconds { row["pooled_seconds"] = pooled; row["ratio"] = a.seconds / pooled }
                    if let iterations = a.pooledIterations { row["pooled_iterations"] = iterations }
                    if let difference = a.maximumRelativeDifference { row["max_relative_difference"] = difference }
                    return row
                }
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: [
                    "sites": sites, "secure_aggregation": secureAggregation, "announce_seconds": announce,
                    "model_subjects": subjects, "analyses": rows,
                ], options: [.prettyPrinted, .sortedKeys]))
                return
            }
            print("\(sites) nodes, secure aggregation \(secureAggregation ? "on" : "off"); announce and cohort generation at the nodes: \(String(format: "%.1f", announce)) s; \(subjects.formatted()) model subjects")
            print("| analysis | rounds | federated | bytes/round | pooled (read + fit) | ratio | max rel. diff |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for a in analyses {
                let pooled = a.pooledSeconds.map { String(format: "%.2f s", $0) } ?? "–"
                let ratio = a.pooledSeconds.map { String(format: "%.2f×", a.seconds / $0) } ?? "–"
                let difference = a.maximumRelativeDifference.map { String(format: "%.1e", $0) } ?? "–"
                print("| \(a.id) (\(a.type)) | \(a.rounds) | \(String(format: "%.2f s", a.seconds)) | \((a.bytes / max(a.rounds, 1)).formatted()) | \(pooled) | \(ratio) | \(difference) |")
            }
        }
    }
}
