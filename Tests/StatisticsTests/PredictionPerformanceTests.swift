import CDMTestSupport
import Foundation
import Statistics
import Testing

/// AUC and calibration of predicted probabilities against the reference script on the same data: the AUC as
/// scikit-learn's roc_auc_score, DeLong's variance from its pairwise definition, calibration-in-the-large and
/// slope from statsmodels' logistic GLMs, the decile table from scikit-learn's calibration_curve.
@Suite struct PredictionPerformanceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/prediction_performance.py").path

    /// 700 rows; predictions rounded to 2 decimals (so there are ties, within and across outcomes), somewhat
    /// too low and too narrow for the outcome.
    static func data() throws -> (predictions: [Double], outcomes: [Double], path: String) {
        var state: UInt64 = 31
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var predictions: [Double] = [], outcomes: [Double] = []
        for _ in 0..<700 {
            let risk = next() * next()
            predictions.append(min(max((risk * 100).rounded() / 100, 0.005), 0.995))
            outcomes.append(next() < min(1, 0.05 + 1.4 * risk) ? 1 : 0)
        }
        let path = try TestDatabases.temporaryDirectory() + "/predictions.csv"
        try ("y,p\n" + zip(outcomes, predictions).map { "\($0),\($1)" }.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (predictions, outcomes, path)
    }

    static func expectClose(_ ours: Double, _ theirs: Double?, _ what: String) {
        let theirs = theirs ?? .nan
        #expect(abs(ours - theirs) <= 1e-9 * max(abs(theirs), 1e-3), "\(what): \(ours) vs reference \(theirs)")
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("sklearn"), "scikit-learn is not installed; the test command installs it"))
    func matchesReference() throws {
        let (predictions, outcomes, path) = try Self.data()
        let run = try ExternalProgram.run(["python3", Self.script, path, "--predictions", "p"])
        try #require(run.status == 0, "\(run.errors)")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let auc = try AUC(predictions: predictions, outcomes: outcomes)
        Self.expectClose(auc.estimate, reference["auc"] as? Double, "AUC vs roc_auc_score")
        Self.expectClose(auc.estimate, reference["delong_auc"] as? Double, "AUC vs the pairwise definition")
        Self.expectClose(auc.variance, reference["auc_variance"] as? Double, "DeLong variance")
        Self.expectClose(auc.lower, reference["auc_lower"] as? Double, "AUC lower limit")
        Self.expectClose(auc.upper, reference["auc_upper"] as? Double, "AUC upper limit")
        #expect(auc.cases + auc.nonCases == outcomes.count)

        let calibration = try Calibration(predictions: predictions, outcomes: outcomes)
        Self.expectClose(calibration.inTheLarge, reference["in_the_large"] as? Double, "calibration-in-the-large")
        Self.expectClose(calibration.slope, reference["slope"] as? Double, "calibration slope")
        let deciles = try #require(reference["deciles"] as? [String: [Double]])
        #expect(calibration.groups.count == deciles["observed"]?.count)
        for (group, (observed, predicted)) in zip(calibration.groups, zip(deciles["observed"] ?? [], deciles["predicted"] ?? [])) {
            Self.expectClose(group.observed, observed, "decile \(group.group) observed")
            Self.expectClose(group.predicted, predicted, "decile \(group.group) predicted")
        }
        #expect(calibration.groups.map(\.count).reduce(0, +) == outcomes.count)
    }

    @Test func refusesWhatItCannotAssess() throws {
        #expect { try AUC(predictions: [0.1, 0.2, 0.3], outcomes: [0, 1, 2]) } throws: { "\($0)".contains("row 3: outcome 2.0 is not 0 or 1") }
        #expect { try AUC(predictions: [0.1, 0.2, 0.3], outcomes: [0, 1, 1]) } throws: { "\($0)".contains("at least 2 cases and 2 non-cases") }
        #expect { try AUC(predictions: [0.1, .nan, 0.3, 0.4], outcomes: [0, 1, 1, 0]) } throws: { "\($0)".contains("row 2: the prediction is not a finite number") }
        #expect { try Calibration(predictions: [0.1, 1, 0.3, 0.4], outcomes: [0, 1, 1, 0]) } throws: { "\($0)".contains("row 2: predicted probability 1.0") }
        #expect { try Calibration(predictions: [0.1, 0.2], outcomes: [0]) } throws: { "\($0)".contains("one entry per row") }
        #expect { try Calibration(predictions: [0.1, 0.2, 0.3], outcomes: [0, 0, 0]) } throws: { "\($0)".contains("needs both outcomes") }
    }
}
