import CDMTestSupport
import Foundation
import Testing

/// `optima analyze`, run as a user runs it: cohorts generated and named from files, analyses as text, JSON and
/// pictures, settings files, and bad input refused in one line.
@Suite struct AnalyzeCommandTests {
    let cli = CommandLineTests()
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cohorts").path

    @Test func analysesRunFromTheCommandLine() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let db = "sqlite:\(folder)/cdm.sqlite"
        #expect(try cli.optima(["generate", "--persons", "1500", "--seed", "3", "--db", db]).status == 0)
        let generated = try cli.optima(["cohort", "generate", "\(Self.examples)/breast-cancer.json", "--cohort-id", "1",
                                         "--svg", "\(folder)/attrition.svg", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
        let attrition = try String(contentsOfFile: "\(folder)/attrition.svg", encoding: .utf8)
        #expect(attrition.contains("Attrition of breast cancer, persons") && attrition.contains("Qualified"))

        let stages = "stage=concepts:1635838,1635131,1634191,1633987"
        let survival = try cli.optima(["analyze", "survival", "--target", "1", "--strata", stages, "--svg", "\(folder)/km.svg", "--json", "--db", db])
        #expect(survival.status == 0, "\(survival.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(survival.stdout.utf8)) as? [String: Any])
        #expect(document["target"] as? String == "breast cancer", "the cohort is named after its file")
        let strata = try #require(document["strata"] as? [[String: Any]])
        #expect(strata.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("stage: Stage") }.count >= 3)
        let svg = try String(contentsOfFile: "\(folder)/km.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("Overall survival in breast cancer"))

        // The settings the JSON echoes run again from a file, to the same result.
        let settings = try JSONSerialization.data(withJSONObject: try #require(document["settings"]))
        try settings.write(to: URL(fileURLWithPath: "\(folder)/settings.json"))
        let again = try cli.optima(["analyze", "survival", "--settings", "\(folder)/settings.json", "--json", "--db", db])
        #expect(again.stdout == survival.stdout)

        let text = try cli.optima(["analyze", "cox", "--target", "1", "--covariates", "age ER=value:36203168", "--db", db])
        #expect(text.status == 0 && text.stdout.contains("ER: Positive") && text.stdout.contains("HR"), "\(text.stdout)\(text.stderr)")
        let incidence = try cli.optima(["analyze", "incidence", "--target", "1", "--outcome", "death", "--db", db])
        #expect(incidence.status == 0 && incidence.stdout.contains("rate/1,000 PY"), "\(incidence.stderr)")
        let summary = try cli.optima(["analyze", "summary", "--db", db])
        #expect(summary.status == 0, "\(summary.stderr)")
    }

    @Test func badInputIsRefusedInOneLine() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let db = "sqlite:\(folder)/cdm.sqlite"
        #expect(try cli.optima(["generate", "--persons", "300", "--seed", "3", "--db", db]).status == 0)
        try Data(#"{"target": 1, "window": {"start_days": "a"}}"#.utf8).write(to: URL(fileURLWithPath: "\(folder)/bad.json"))
        let cases: [([String], String)] = [
            (["analyze", "survival", "--target", "7"], "target cohort 7 has no rows"),
            (["analyze", "survival", "--target", "7", "--strata", "stage"], "\"stage\" is not one of"),
            (["analyze", "survival", "--target", "7", "--window", "0"], "expected START:END"),
            (["analyze", "survival", "--settings", "\(folder)/bad.json"], "at window.start_days"),
            (["analyze", "incidence", "--target", "1"], "--target and --outcome"),
            (["analyze", "cox", "--target", "1"], "names no feature"),
        ]
        for (arguments, message) in cases {
            let run = try cli.optima(arguments + ["--db", db])
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
