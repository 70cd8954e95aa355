import CDMTestSupport
import Foundation
import Testing

/// `optima bench stats` reports every analysis with its seconds, and its estimates match lifelines' and
/// statsmodels' on the same rows. Shape and agreement only: no timing is asserted.
@Suite struct BenchStatsCommandTests {
    let cli = CommandLineTests()
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/bench_stats.py").path

    func report() throws -> [String: Any] {
        let run = try cli.optima(["bench", "stats", "--rows", "2000", "--json", "--reference-script", Self.script])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func reportsEveryAnalysis() throws {
        let report = try report()
        #expect(report["rows"] as? Int == 2_000)
        #expect((report["machine"] as? String)?.isEmpty == false)
        let analyses = try #require(report["analyses"] as? [[String: Any]])
        #expect(analyses.map { $0["name"] as? String } == ["kaplan_meier", "cox", "logistic"])
        #expect(analyses.map { $0["target_speedup"] as? Double } == [1, 10, 3])
        for analysis in analyses {
            #expect((analysis["optima_seconds"] as? Double ?? 0) > 0)
            #expect((analysis["optima_input_seconds"] as? Double ?? 0) > 0)
            let estimates = try #require(analysis["estimates"] as? [[String: Any]])
            #expect(!estimates.isEmpty)
            #expect(estimates.allSatisfy { $0["name"] is String && $0["optima"] is Double })
        }
        let estimates = analyses.map { ($0["estimates"] as? [[String: Any]] ?? []).count }
        #expect(estimates == [8, 20, 102])  // S(t) at 7 days + median; coefficient and se per covariate (+ intercept)
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("lifelines") && ExternalProgram.hasPythonModule("statsmodels"),
                   "Python lifelines or statsmodels is not installed; the test command installs them"))
    func estimatesMatchTheReference() throws {
        let analyses = try #require(try report()["analyses"] as? [[String: Any]])
        for analysis in analyses {
            let name = analysis["name"] as? String ?? "?"
            #expect(analysis["reference_error"] is NSNull, "\(name): \(analysis["reference_error"] ?? "")")
            #expect((analysis["reference_seconds"] as? Double ?? 0) > 0, "\(name)")
            #expect((analysis["speedup"] as? Double ?? 0) > 0, "\(name)")
            #expect(analysis["target_met"] is Bool, "\(name)")
            let difference = try #require(analysis["largest_relative_difference"] as? Double, "\(name)")
            #expect(difference < 1e-6, "\(name): estimates differ by \(difference) relative")
        }
    }

    @Test func aMissingPythonStillReportsOptimasTimes() throws {
        let run = try cli.optima(["bench", "stats", "--rows", "500", "--json", "--python", "no-such-python-here",
                                  "--reference-script", Self.script])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no-such-python-here not found"), "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for analysis in try #require(report["analyses"] as? [[String: Any]]) {
            #expect((analysis["optima_seconds"] as? Double ?? 0) > 0)
            #expect(analysis["reference_seconds"] is NSNull)
            #expect((analysis["reference_error"] as? String)?.contains("not found") == true)
        }
    }
}
