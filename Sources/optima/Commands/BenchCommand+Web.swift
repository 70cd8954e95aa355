import ArgumentParser
import Foundation

extension BenchCommand {
    struct WebBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "web",
            abstract: "Open every page of the web application as a signed-in administrator and report its server time.",
            discussion: """
                Serves the web application on loopback over the database, signs in a throwaway administrator (revoked at the
                end) through the sign-in form, and opens each page --rounds times: the server time of the first request and
                p50/p95/max of all (the Server-Timing header), and the client's median wall time. The baseline is /api/me:
                session, role check and audit entry without page work. The pages use the example cohorts `optima demo`
                generates (ids 1, 3, 11–13). The aim: every page under 300 ms on the 10,000-person demo database.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Requests per page.")
        var rounds = 20

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            let timings = try await database.withDatabase { db in
                try await WebBenchmark(database: db, rounds: rounds).run { page in
                    if !json { FileHandle.standardError.write(Data("  \(page)\n".utf8)) }
                }
            }
            if json { return try Terminal.printJSON(encoding: timings) }
            print("page | status | first ms | p50 ms | p95 ms | max ms | wall p50 ms")
            for t in timings {
                print([t.page, String(t.status)].joined(separator: " | ") + " | " + [t.firstMilliseconds, t.p50Milliseconds, t.p95Milliseconds,
                    t.maxMilliseconds, t.wallP50Milliseconds].map { String(format: "%.1f", $0) }.joined(separator: " | "))
            }
        }
    }
}
