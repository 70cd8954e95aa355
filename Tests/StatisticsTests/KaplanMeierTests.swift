import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Kaplan–Meier against Python lifelines on the same data: every row (at risk, events, censored, survival,
/// interval) and the median with its interval, to 1e-9.
@Suite struct KaplanMeierTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/km_lifelines.py").path

    static var lifelinesAvailable: Bool { ExternalProgram.hasPythonModule("lifelines") }

    /// Deterministic data sets: ties, heavy censoring, no events, every subject an event, continuous times.
    static let datasets: [(name: String, alpha: Double, data: [SurvivalObservation])] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func sample(_ n: Int, censoring: Double, integer: Bool) -> [SurvivalObservation] {
            (0..<n).map { _ in
                let time = -log(1 - next()) * 12
                return SurvivalObservation(time: integer ? (time.rounded(.up)) : time, event: next() >= censoring)
            }
        }
        return [
            ("ties", 0.05, sample(500, censoring: 0.3, integer: true)),
            ("heavy censoring", 0.05, sample(300, censoring: 0.8, integer: true)),
            ("no events", 0.05, sample(40, censoring: 1.0, integer: true)),
            ("all events", 0.05, sample(60, censoring: 0.0, integer: true)),
            ("continuous, 90%", 0.10, sample(400, censoring: 0.25, integer: false)),
            ("single subject", 0.05, [SurvivalObservation(time: 3, event: true)]),
        ]
    }()

    @Test(.enabled(if: lifelinesAvailable, "Python lifelines is not installed (pip install lifelines); the test command installs it"),
          arguments: datasets.indices)
    func matchesLifelines(_ index: Int) throws {
        let (name, alpha, data) = Self.datasets[index]
        let km = try KaplanMeier(data, confidenceLevel: 1 - alpha)
        let reference = try Self.lifelines(data, alpha: alpha)
        let rows = try #require(reference["rows"] as? [[String: Any]])
        #expect(rows.count == km.rows.count, "\(name)")
        func close(_ a: Double, _ b: Any?, _ what: String) {
            let b = (b as? Double) ?? .nan
            #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(name) \(what): \(a) vs lifelines \(b)")
        }
        for (row, expected) in zip(km.rows, rows) {
            close(row.time, expected["time"], "time")
            #expect(row.atRisk == expected["at_risk"] as? Int && row.events == expected["events"] as? Int
                    && row.censored == expected["censored"] as? Int, "\(name) counts at \(row.time)")
            close(row.survival, expected["survival"], "S(\(row.time))")
            close(row.lower, expected["lower"], "lower(\(row.time))")
            close(row.upper, expected["upper"], "upper(\(row.time))")
        }
        let median = km.median
        for (value, key) in [(median.time, "median"), (median.lower, "median_lower"), (median.upper, "median_upper")] {
            if let expected = reference[key] as? Double {
                close(value ?? .nan, expected, key)
            } else {
                #expect(value == nil, "\(name) \(key): \(String(describing: value)), lifelines says not reached")
            }
        }
    }

    @Test func refusesBadTimes() {
        #expect(throws: StatisticsError.self) { try KaplanMeier([SurvivalObservation(time: -1, event: true)]) }
        #expect(throws: StatisticsError.self) { try KaplanMeier([SurvivalObservation(time: .nan, event: false)]) }
        #expect(throws: StatisticsError.self) { try KaplanMeier([], confidenceLevel: 1) }
    }

    @Test func normalQuantilesAreExact() {
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-15)
        #expect(abs(Normal.quantile(0.05) + 1.6448536269514729) < 1e-15)
        #expect(abs(Normal.quantile(1e-10) + 6.361340902404056) < 1e-12)
        #expect(abs(Normal.cdf(Normal.quantile(0.3)) - 0.3) < 1e-15)
    }

    static func lifelines(_ data: [SurvivalObservation], alpha: Double) throws -> [String: Any] {
        let folder = try TestDatabases.temporaryDirectory()
        let csv = folder + "/km.csv"
        try ("time,event\n" + data.map { "\($0.time),\($0.event ? 1 : 0)" }.joined(separator: "\n") + "\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let run = try ExternalProgram.run(["python3", script, csv, "--alpha", String(alpha)])
        try #require(run.status == 0, "lifelines failed: \(run.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }
}
