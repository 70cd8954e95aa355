import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Aalen–Johansen cumulative incidence against lifelines' `AalenJohansenFitter` on tables where no time is
/// shared by events of different causes (where lifelines would jitter; its script refuses such tables), with
/// ties between events of one cause and between events and censorings; and the inputs it refuses.
@Suite struct CumulativeIncidenceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/cif_lifelines.py").path

    /// Exponential times for two competing causes (hazards 0.02 and 0.01) and censoring (0.01), to four
    /// decimals; every fifth event copies the time of the last event of its cause, every seventh censoring the
    /// time of the last event, so that both kinds of tie occur and no time carries two causes.
    static func observations(_ n: Int, seed: UInt64) -> [CompetingRisksObservation] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var observations: [CompetingRisksObservation] = [], lastOfCause: [Int: Double] = [:], causeAt: [Double: Int] = [:]
        var lastEvent: Double?
        for i in 0..<n {
            let one = -log(1 - next()) / 0.02, two = -log(1 - next()) / 0.01, censor = -log(1 - next()) / 0.01
            var time = (min(one, two, censor) * 10_000).rounded() / 10_000 + 0.0001
            let event = censor < min(one, two) ? 0 : (one < two ? 1 : 2)
            if event != 0, i % 5 == 0, let earlier = lastOfCause[event] { time = earlier }
            if event == 0, i % 7 == 0, let earlier = lastEvent { time = earlier }
            if event != 0, let other = causeAt[time], other != event { continue }  // a rare chance tie across causes
            observations.append(CompetingRisksObservation(time: time, event: event))
            if event != 0 { lastOfCause[event] = time; lastEvent = time; causeAt[time] = event }
        }
        return observations
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("lifelines"), "Python lifelines is not installed; the test command installs it"),
          arguments: [(1, 400, UInt64(3)), (2, 400, UInt64(3)), (1, 60, UInt64(11))])  // the last: everyone left dies at once
    func matchesLifelines(cause: Int, n: Int, seed: UInt64) throws {
        let observations = Self.observations(n, seed: seed)
        let estimate = try CumulativeIncidence(observations, cause: cause)
        let path = try TestDatabases.temporaryDirectory() + "/cif.csv"
        try ("time,event\n" + observations.map { "\($0.time),\($0.event)" }.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try ExternalProgram.run(["python3", Self.script, path, "--cause", "\(cause)"])
        try #require(run.status == 0, "\(run.errors)")
        let reference = try #require((try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        // Times come as text: Foundation's JSON numbers are not always correctly rounded, `Double(String)` is.
        let byTime = Dictionary(uniqueKeysWithValues: reference.map { (Double($0["time"] as? String ?? "") ?? .nan, $0) })
        #expect(estimate.rows.count == Set(observations.map(\.time)).count)
        #expect(estimate.rows.contains { $0.causeEvents > 1 } && estimate.rows.contains { $0.censored > 0 && $0.events > 0 }, "both kinds of tie occur")
        for row in estimate.rows {
            let theirs = try #require(byTime[row.time], "lifelines has no row at \(row.time)")
            for (ours, key) in [(row.incidence, "incidence"), (row.variance, "variance"), (row.lower, "lower"), (row.upper, "upper")] {
                if row.incidence == 0, key == "lower" || key == "upper" {  // lifelines: NaN while F = 0; ours (0, 0)
                    #expect(theirs[key] is NSNull && ours == 0)
                    continue
                }
                let value = theirs[key] as? Double ?? .nan  // NaN both ways once everyone at risk has had an event
                #expect(value.isNaN ? ours.isNaN : abs(ours - value) <= 1e-6 * abs(value) + 1e-15, "cause \(cause) t = \(row.time) \(key): \(ours) vs lifelines \(value)")
            }
            #expect(row.variance.isNaN || (row.lower <= row.incidence && row.incidence <= row.upper))
        }
        #expect(estimate.incidence(at: -1) == 0)
        #expect(estimate.incidence(at: .infinity) == estimate.rows.last?.incidence)
    }

    @Test func refusesWhatCannotBeEstimated() throws {
        let observations = Self.observations(100, seed: 5)
        #expect { try CumulativeIncidence(observations, cause: 3) } throws: { "\($0)".contains("no events of cause 3 among 100 observations (causes present: 1, 2)") }
        #expect { try CumulativeIncidence(observations, cause: 0) } throws: { "\($0)".contains("must be 1 or more") }
        #expect { try CumulativeIncidence([CompetingRisksObservation(time: 1, event: -1)], cause: 1) } throws: { "\($0)".contains("observation 1: event -1") }
        #expect { try CumulativeIncidence([CompetingRisksObservation(time: .nan, event: 1)], cause: 1) } throws: { "\($0)".contains("observation 1: time") }
    }

    /// Without competing events the incidence is 1 − Kaplan–Meier.
    @Test func withOneCauseIsOneMinusKaplanMeier() throws {
        let observations = Self.observations(300, seed: 9).map { CompetingRisksObservation(time: $0.time, event: $0.event == 0 ? 0 : 1) }
        let estimate = try CumulativeIncidence(observations, cause: 1)
        let km = try KaplanMeier(observations.map { SurvivalObservation(time: $0.time, event: $0.event == 1) })
        #expect(zip(estimate.rows, km.rows).allSatisfy { abs($0.incidence - (1 - $1.survival)) < 1e-12 })
    }
}
