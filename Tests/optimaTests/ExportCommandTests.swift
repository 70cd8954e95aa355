import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// `optima export fhir`, run as an operator runs it: one person's Bundle on standard output, bulk NDJSON with --out,
/// clear one-line errors, and an audit entry with counts only.
@Suite struct ExportCommandTests {
    let cli = CommandLineTests()

    @Test(arguments: TestDatabases.backends)
    func exportsOnePersonOrAllAndAuditsCountsOnly(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        let work = try TestDatabases.temporaryDirectory()
        let options = ["--db", url, "--secrets", work + "/secrets.json"]
        let generated = try cli.optima(["generate", "--persons", "30", "--seed", "3"] + options)
        #expect(generated.status == 0, "\(generated.stderr)")

        for selector in [["--person-id", "2"], ["--person", "synthetic-2"]] {
            let run = try cli.optima(["export", "fhir"] + selector + options)
            #expect(run.status == 0, "\(selector): \(run.stderr)")
            let bundle = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(selector)")
            let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
            #expect(resources.first?["id"] as? String == "person-2", "\(selector)")
            #expect(!run.stdout.contains("synthetic-2"))
        }

        let out = work + "/bulk"
        let all = try cli.optima(["export", "fhir", "--all", "--out", out, "--json"] + options)
        #expect(all.status == 0, "\(all.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect((summary["resourcesByType"] as? [String: Int])?["Patient"] == 30)
        let patients = try String(contentsOfFile: out + "/Patient.ndjson", encoding: .utf8).split(separator: "\n")
        #expect(patients.count == 30)

        let one = try cli.optima(["export", "fhir", "--person-id", "5", "--out", work + "/one"] + options)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try String(contentsOfFile: work + "/one/Patient.ndjson", encoding: .utf8).split(separator: "\n").count == 1)
        #expect(one.stdout.contains("Exported"))

        let unknownID = try cli.optima(["export", "fhir", "--person-id", "99999"] + options)
        #expect(unknownID.status == 1)
        #expect(unknownID.stderr.contains("no person with person_id 99999") && unknownID.stderr.split(separator: "\n").count == 1, "\(unknownID.stderr)")
        let unknownSource = try cli.optima(["export", "fhir", "--person", "MRN-404"] + options)
        #expect(unknownSource.status == 1)
        #expect(unknownSource.stderr.contains("no person is held under that identifier") && !unknownSource.stderr.contains("MRN-404"))
        let help = try cli.optima(["export", "fhir", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE") && help.stdout.contains("--person-id"))
        for bad in [["--all"], ["--person-id", "1", "--all", "--out", out], []] {
            let run = try cli.optima(["export", "fhir"] + bad + options)
            #expect(run.status != 0 && run.stderr.contains("--"), "\(bad): \(run.stderr)")
        }

        let db = try await DatabaseLocation(parsing: url).open()
        let entries = try await db.auditEntries().filter { $0.event.action == "export.fhir" }
        try await db.close()
        #expect(entries.map(\.event.outcome) == [.success, .success, .success, .success, .failed, .failed])
        let total = (summary["resourcesByType"] as? [String: Int])?.values.reduce(0, +) ?? -1
        #expect(entries.compactMap(\.event.detail).contains("resources \(total) in \((summary["files"] as? [Any])?.count ?? -1) files"))
        let trail = String(decoding: try JSONEncoder().encode(entries), as: UTF8.self)
        #expect(!trail.contains("synthetic-2") && !trail.contains("MRN-404"))
    }
}
