import ArgumentParser
import CDMStore
import Foundation

extension BenchCommand {
    struct ExploreBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explore",
            abstract: "Replay live-edit Explore sessions and report count latency against one SQL per query.",
            discussion: """
                Each session builds a breast, prostate or lung cancer question one edit at a time (one count per
                edit, as the page sends them). Reports the index preparation, the cold first count, the tree's top
                level and expansions, p50/p95/max of the live counts, and the same queries counted by one SQL
                statement each without caches (the baseline), in the same run.
                """)

        @Option(help: "Sessions to replay (they rotate over breast, prostate and lung).")
        var sessions = 30

        @Option(help: "Sessions whose queries are also run as the one-SQL baseline.")
        var baselineSessions = 3

        @Flag(help: "Print the result as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let report = try await database.withDatabase { db in
                try await ExploreBenchmark.run(db, sessions: max(1, sessions), baselineSessions: max(0, baselineSessions)) { line in
                    if !json { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                }
            }
            if json {
                try Terminal.printJSON(encoding: report)
            } else {
                print(report.text)
            }
        }
    }
}
