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

    /// The demo generates into an empty database, serves, and reuses the population the second time.
    @Test func demoGeneratesThenServes() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        for round in 1...2 {
            let port = Int.random(in: 20_000...40_000)
            let process = Process()
            process.executableURL = CommandLineTests.executable
            if !FileManager.default.fileExists(atPath: CommandLineTests.executable.path) {
                process.executableURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent(".build/debug/optima")
            }
            process.arguments = ["demo", "--persons", "300", "--port", String(port)]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            var persons: Int?
            for _ in 0..<300 where persons == nil {
                try await Task.sleep(for: .milliseconds(200))
                guard let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/api/info")!),
                      let info = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                persons = (info["tables"] as? [String: Int])?["person"]
            }
            process.terminate()
            process.waitUntilExit()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(persons == 300, "round \(round): \(printed)")
            #expect(printed.contains("http://localhost:\(port)"))
            #expect(printed.contains(round == 1 ? "Generating 300 synthetic persons" : "reusing them"))
            #expect(FileManager.default.fileExists(atPath: "\(folder)/optima-data/optima.sqlite"))
        }
    }
}

/// `optima cohort describe`.
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
}
