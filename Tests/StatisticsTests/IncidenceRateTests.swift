import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Incidence rates and their exact Poisson limits against SciPy's chi-square quantiles, and the incomplete
/// gamma function against `scipy.special.gammainc`, to 1e-10 relative.
@Suite struct IncidenceRateTests {
    static let counts = [0, 1, 2, 5, 17, 100, 1_000, 25_000]

    @Test(.enabled(if: ExternalProgram.hasPythonModule("scipy"), "SciPy is not installed (it comes with lifelines, which the test command installs)"))
    func exactLimitsMatchSciPy() throws {
        let script = """
            import json, sys
            from scipy.stats import chi2
            out = []
            for k in \(Self.counts):
                for level in (0.95, 0.9):
                    a = 1 - level
                    lower = 0.0 if k == 0 else chi2.ppf(a / 2, 2 * k) / 2
                    out.append([k, level, lower, chi2.ppf(1 - a / 2, 2 * k + 2) / 2])
            json.dump(out, sys.stdout)
            """
        let run = try ExternalProgram.run(["python3", "-c", script])
        try #require(run.status == 0, "\(run.errors)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[Double]])
        #expect(rows.count == Self.counts.count * 2)
        for row in rows {
            let events = Int(row[0]), personTime = 12_345.6
            let rate = try IncidenceRate(events: events, personTime: personTime, confidenceLevel: row[1])
            #expect(abs(rate.rate - Double(events) / personTime * 1_000) < 1e-12)
            for (ours, theirs) in [(rate.lower, row[2] / personTime * 1_000), (rate.upper, row[3] / personTime * 1_000)] {
                #expect(abs(ours - theirs) <= 1e-10 * max(theirs, 1e-12), "k = \(events), level \(row[1]): \(ours) vs SciPy \(theirs)")
            }
        }
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("scipy"), "SciPy is not installed"))
    func incompleteGammaMatchesSciPy() throws {
        let grid = [(0.5, 0.1), (0.5, 3.0), (1.0, 1.0), (3.0, 2.5), (10.0, 12.0), (100.0, 90.0), (2_500.0, 2_600.0), (7.0, 0.01)]
        let script = "import json, sys\nfrom scipy.special import gammainc\njson.dump([gammainc(a, x) for a, x in \(grid.map { [$0.0, $0.1] })], sys.stdout)"
        let run = try ExternalProgram.run(["python3", "-c", script])
        try #require(run.status == 0, "\(run.errors)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [Double])
        for ((a, x), theirs) in zip(grid, expected) {
            let ours = Gamma.regularizedLower(a, x)
            #expect(abs(ours - theirs) <= 1e-12 * max(theirs, 1e-300) + 1e-15, "P(\(a), \(x)) = \(ours) vs SciPy \(theirs)")
        }
    }

    @Test func refusesImpossibleInput() {
        #expect(throws: StatisticsError.self) { try IncidenceRate(events: -1, personTime: 10) }
        #expect(throws: StatisticsError.self) { try IncidenceRate(events: 3, personTime: 0) }
    }
}
