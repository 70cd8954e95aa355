import CDMStore
import CDMTestSupport
import Foundation
import Testing

/// The `optima` executable, run as a user runs it.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("optima")
    }

    func optima(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        if !FileManager.default.fileExists(atPath: Self.executable.path) {
            // Swift Testing may run from a helper; fall back to the build folder of this package.
            process.executableURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/optima")
        }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func infoJSON(_ url: String) throws -> [String: Any] {
        let run = try optima(["info", "--json", "--db", url])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: TestDatabases.backends)
    func initThenInfoShowsThirtyNineEmptyTables(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        let initRun = try optima(["init", "--db", url])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let info = try infoJSON(url)
        #expect(info["cdm_version"] as? String == "5.4")
        let tables = try #require(info["tables"] as? [String: Int])
        #expect(tables.count == 39)
        #expect(tables.values.allSatisfy { $0 == 0 })
        #expect(tables.keys.allSatisfy { $0 == $0.lowercased() })
        #expect(try optima(["verify", "--db", url]).status == 0)
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("synthea27nj"), "\(ReferenceDatasets.skipReason)"),
          arguments: TestDatabases.backends)
    func importsSynthea27NjWithThePublishedCounts(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        #expect(try optima(["init", "--db", url]).status == 0)
        let run = try optima(["import", "omop", ReferenceDatasets.path("synthea27nj"), "--db", url])
        #expect(run.status == 0, "\(run.stderr)")
        let tables = try #require(try infoJSON(url)["tables"] as? [String: Int])
        for (table, rows) in try #require(ReferenceDatasets.expectedRows["synthea27nj"]) {
            #expect(tables[table] == rows, "\(table)")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aBadImportExitsNonZeroWithOneLineAndChangesNothing(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        #expect(try optima(["init", "--db", url]).status == 0)
        let before = try infoJSON(url)["tables"] as? [String: Int]
        let folder = try TestDatabases.temporaryDirectory()
        try "person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,8507,1950,0,0\n2,8507,19x0,0,0\n"
            .write(toFile: folder + "/PERSON.csv", atomically: true, encoding: .utf8)
        let run = try optima(["import", "omop", folder, "--db", url])
        #expect(run.status != 0)
        #expect(run.stderr.contains("PERSON.csv:3: year_of_birth: not an integer"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(try infoJSON(url)["tables"] as? [String: Int] == before)
    }

    @Test func anEmptyFolderAndABadURLAreClearErrors() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let empty = try optima(["import", "omop", folder, "--db", "sqlite:\(folder)/x.sqlite"])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("holds no OMOP table files"))
        let badURL = try optima(["info", "--db", "mysql://root:secret@h/db"])
        #expect(badURL.status != 0)
        #expect(badURL.stderr.contains("database URL"))
        #expect(!badURL.stderr.contains("secret"))
    }

    @Test func benchImportReportsItsMeasurements() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let run = try optima(["bench", "import", "--rows", "1500", "--work-directory", folder, "--json", "--db", "sqlite:\(folder)/b.sqlite"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["rows"] as? Int == 1_500)
        for key in ["seconds", "row_seconds", "baseline_seconds", "peak_resident_megabytes"] {
            #expect((report[key] as? Double ?? 0) > 0, "\(key)")
        }
        let loaded = try infoJSON("sqlite:\(folder)/b.sqlite")["tables"] as? [String: Int]
        #expect(loaded?["measurement"] == 1_500)
    }

    @Test(arguments: [[], ["import"], ["import", "omop"], ["info"], ["serve"], ["bench", "import"], ["demo"], ["generate"], ["cohort", "describe"], ["cohort", "generate"], ["cohort", "sql"], ["bench", "cohorts"], ["stats", "km"], ["stats", "cox"], ["stats", "logistic"], ["stats", "poisson"], ["stats", "linear"], ["bench", "stats"], ["analyze"], ["analyze", "summary"], ["analyze", "characterize"], ["analyze", "incidence"], ["analyze", "survival"], ["analyze", "cox"], ["analyze", "pathways"]])
    func everyCommandHasHelp(_ path: [String]) throws {
        let run = try optima(path + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }
}
