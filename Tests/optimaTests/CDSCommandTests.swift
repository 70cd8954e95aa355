import CDMStore
import CDMTestSupport
import Foundation
import Testing

/// `optima cds evaluate` as the README shows it: the worked examples per cancer, JSON for machines, the icon
/// array picture, a person from the CDM, and impossible values refused naming each field.
@Suite struct CDSCommandTests {
    let cli = CommandLineTests()
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/patients").path

    @Test func theWorkedExamplesEvaluate() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let breast = try cli.optima(["cds", "evaluate", "\(Self.examples)/breast.json", "--tool", "predict-breast", "--json",
                                     "--icon-array", "\(folder)/icons.svg"])
        #expect(breast.status == 0, "\(breast.stderr)")
        let evaluation = try #require(try JSONSerialization.jsonObject(with: Data(breast.stdout.utf8)) as? [String: Any])
        #expect(evaluation["tool"] as? String == "predict-breast" && evaluation["status"] as? String == "complete")
        #expect((evaluation["patientExplanation"] as? String)?.contains("out of 100 women") == true)
        let svg = try String(contentsOfFile: "\(folder)/icons.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("100"))

        for (patient, titles) in [("prostate", ["EAU", "PREDICT Prostate"]), ("lung", ["TNM", "NSCLC"])] {
            let text = try cli.optima(["cds", "evaluate", "\(Self.examples)/\(patient).json"])
            #expect(text.status == 0, "\(text.stderr)")
            for title in titles { #expect(text.stdout.contains(title), "\(patient): \(text.stdout)") }
            #expect(!text.stdout.contains("[blocked]"), "\(text.stdout)")
        }
    }

    @Test func aPersonIsReadFromTheDatabase() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        let db = "sqlite:\(folder)/cdm.sqlite"
        #expect(try cli.optima(["generate", "--persons", "300", "--seed", "5", "--db", db]).status == 0)
        let store = try await DatabaseLocation(parsing: db).open()
        let row = try await store.query("SELECT MIN(person_id) AS id FROM condition_occurrence WHERE condition_concept_id = 200962").first
        try await store.close()
        let person = String(try #require(row?["id"].integerValue))
        let result = try cli.optima(["cds", "evaluate", "--person-id", person, "--tool", "prostate-risk", "--similar", "--json", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["evaluations"] as? [[String: Any]])?.first?["tool"] as? String == "prostate-risk")
        #expect((report["similarPatients"] as? [String: Any])?["caveat"] != nil)
    }

    @Test func impossibleValuesAreRefusedPerField() throws {
        let folder = try TestDatabases.temporaryDirectory()
        try Data(#"{"cancer": "prostate", "psa": -1, "t": "T9", "age": 300}"#.utf8).write(to: URL(fileURLWithPath: "\(folder)/bad.json"))
        let result = try cli.optima(["cds", "evaluate", "\(folder)/bad.json"])
        #expect(result.status != 0)
        for field in ["psa:", "t: \"T9\"", "age: 300"] { #expect(result.stderr.contains(field), "\(result.stderr)") }
        #expect(result.stderr.split(separator: "\n").count <= 2, "one clear line: \(result.stderr)")
    }
}
