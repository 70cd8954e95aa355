import CDMStore
import CDMTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `optima generate` and `optima demo`, run as a user runs them.
@Suite struct GenerateCommandTests {
    let cli = CommandLineTests()

    @Test func generatesSitesAndTheTruth() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let run = try cli.optima(["generate", "--persons", "500", "--seed", "9", "--sites", "2",
                                  "--db", "sqlite:\(folder)/net.sqlite", "--truth", "\(folder)/truth.json", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sites = try #require(report["sites"] as? [[String: Any]])
        #expect(sites.map { $0["persons"] as? Int } == [200, 300])
        #expect(try cli.infoJSON("sqlite:\(folder)/net-site1.sqlite")["tables"].flatMap { ($0 as? [String: Int])?["person"] } == 200)
        #expect(try cli.infoJSON("sqlite:\(folder)/net-site2.sqlite")["tables"].flatMap { ($0 as? [String: Int])?["person"] } == 300)
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/truth.json"))) as? [String: Any])
        let survival = try #require(truth["survival"] as? [[String: Any]])
        #expect(survival.map { $0["cancer"] as? String } == ["prostate", "breast", "lung"])
        #expect(truth["seed"] as? Int == 9)
    }

    @Test func badOptionsFailWithOneLine() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let run = try cli.optima(["generate", "--persons", "10", "--cancer-fraction", "2", "--db", "sqlite:\(folder)/x.sqlite"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--cancer-fraction must be between 0 and 1"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/x.sqlite"))
    }

    /// The demo generates into an empty database, creates a first administrator and prints its token once,
    /// serves only to a bearer of a token, and reuses the population (and the administrator) the second time.
    @Test func demoGeneratesThenServes() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        for round in 1...2 {
            let port = Int.random(in: 20_000...40_000)
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = ["demo", "--persons", "300", "--port", String(port)]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let out = Pipe(), printed = PrintedText()
            out.fileHandleForReading.readabilityHandler = { printed.append($0.availableData) }
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            var token: String?
            for _ in 0..<300 where token == nil {
                try await Task.sleep(for: .milliseconds(200))
                if round == 1 {
                    token = printed.text.split(separator: "\n").first { $0.contains("export OPTIMA_TOKEN=") }
                        .map { String($0.split(separator: "=", maxSplits: 1)[1]) }
                } else if printed.text.contains("Optima is serving") {
                    token = try cli.optima(["token", "issue", "--user", "admin", "--db", "\(folder)/optima-data/optima.sqlite",
                                            "--secrets", "\(folder)/optima-data/site-secrets.json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            let bearer = try #require(token, "round \(round): no token; printed \(printed.text)")
            var persons: Int?, anonymous: Int?
            for _ in 0..<300 where persons == nil {
                try await Task.sleep(for: .milliseconds(200))
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/info")!)
                anonymous = ((try? await URLSession.shared.data(for: request))?.1 as? HTTPURLResponse)?.statusCode
                request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
                guard let (data, _) = try? await URLSession.shared.data(for: request),
                      let info = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                persons = (info["tables"] as? [String: Int])?["person"]
            }
            process.terminate()
            process.waitUntilExit()
            #expect(persons == 300, "round \(round): \(printed.text)")
            #expect(anonymous == 401, "round \(round): /api/info without a token answered \(anonymous ?? 0)")
            #expect(printed.text.contains("http://localhost:\(port)"))
            #expect(printed.text.contains(round == 1 ? "Generating 300 synthetic persons" : "reusing them"))
            #expect(printed.text.contains("export OPTIMA_TOKEN=") == (round == 1), "the token is printed once")
            #expect(FileManager.default.fileExists(atPath: "\(folder)/optima-data/optima.sqlite"))
            #expect(FileManager.default.fileExists(atPath: "\(folder)/optima-data/site-secrets.json"))
        }
    }

    static var executable: URL {
        if FileManager.default.fileExists(atPath: CommandLineTests.executable.path) { return CommandLineTests.executable }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/optima")
    }
}

/// What a running process has printed so far, gathered from its pipe's handler thread.
final class PrintedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// `optima cohort describe`, `generate` and `sql`.
@Suite struct CohortCommandTests {
    let cli = CommandLineTests()

    @Test func describesADefinitionOrNamesWhatIsWrong() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let good = folder + "/good.json", bad = folder + "/bad.json"
        try #"{"ConceptSets": [{"id": 3, "name": "Lung cancer", "expression": {"items": []}}], "PrimaryCriteria": {"CriteriaList": [{"ConditionOccurrence": {"CodesetId": 3}}]}}"#
            .write(toFile: good, atomically: true, encoding: .utf8)
        try #"{"PrimaryCriteria": {"CriteriaList": [{"ConditionOccurrence": {"Age": {"Value": 1, "Op": "near"}}}]}}"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try cli.optima(["cohort", "describe", good])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("a condition occurrence of “Lung cancer”"))
        let failed = try cli.optima(["cohort", "describe", bad])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.json: $.PrimaryCriteria.CriteriaList[0].ConditionOccurrence.Age.Op"))
    }

    /// `cohort generate` writes the cohort, its CSV and its attrition; the script of `cohort sql`, run in the
    /// database's own shell, writes the same rows.
    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"),
          arguments: TestDatabases.backends)
    func generatesAndPrintsTheSameSQL(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        let folder = try TestDatabases.temporaryDirectory()
        let definition = ReferenceDatasets.path("phenotypes/cohorts/1278.json")
        #expect(try cli.optima(["generate", "--persons", "1500", "--seed", "3", "--db", url]).status == 0)
        let run = try cli.optima(["cohort", "generate", definition, "--cohort-id", "7", "--db", url, "--output", folder + "/c.csv", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let lines = try String(contentsOfFile: folder + "/c.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "subject_id,cohort_start_date,cohort_end_date")
        #expect(lines.count - 1 == result["rows"] as? Int)
        #expect(((result["byPerson"] as? [String: Any])?["rules"] as? [Any])?.count == 15)
        let keys = lines.dropFirst().map { line in line.split(separator: ",").map(String.init) }.map { (Int($0[0]) ?? 0, $0[1]) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "CSV rows ordered by subject and start")

        let text = try cli.optima(["cohort", "generate", definition, "--cohort-id", "7", "--db", url])
        #expect(text.stdout.contains("Qualified") && text.stdout.contains("15. Not Stage 4") && text.stdout.contains("Final"))

        let sql = try cli.optima(["cohort", "sql", definition, "--dialect", backend == .sqlite ? "sqlite" : "postgresql", "--cohort-id", "8"])
        #expect(sql.status == 0)
        try Self.runInShell(sql.stdout, url: url)
        let db = try await DatabaseLocation(parsing: url).open()
        let rows = { (id: Int) in
            try await db.query("SELECT subject_id, cohort_start_date, cohort_end_date FROM cohort WHERE cohort_definition_id = \(id) ORDER BY 1, 2")
                .map { $0.values.map(\.description) }
        }
        let fromScript = try await rows(8), generated = try await rows(7)
        try await db.close()
        #expect(fromScript == generated)
        #expect(fromScript.count == lines.count - 1)
    }

    /// Runs a script with `sqlite3` or `psql`, as a user would.
    static func runInShell(_ script: String, url: String) throws {
        let run: ExternalProgram.Result
        if url.hasPrefix("sqlite:") {
            run = try ExternalProgram.run(["sqlite3", "-bail", String(url.dropFirst("sqlite:".count))], input: script)
        } else {
            var components = try #require(URLComponents(string: url))
            let schema = components.queryItems?.first { $0.name == "schema" }?.value ?? "public"
            components.queryItems = nil
            run = try ExternalProgram.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", components.string ?? url], input: script,
                                          environment: ["PGOPTIONS": "-c search_path=\(schema)"])
        }
        #expect(run.status == 0, "\(run.errors)")
    }
}
