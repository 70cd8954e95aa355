import Foundation

/// How well predicted probabilities agree with observed 0/1 outcomes.
///
/// - calibration-in-the-large: α in logit P(y = 1) = α + logit(p), the slope fixed at 1 (logit(p) as an offset):
///   0 when the predictions are right on average, positive when they are too low;
/// - calibration slope: β in logit P(y = 1) = a + β logit(p): 1 when the spread is right, below 1 when the
///   predictions are too extreme (overfitting);
/// - a table by risk group (deciles by default): the groups cut at the quantiles of the predictions (linear
///   interpolation, as numpy's percentile), a prediction on a cut going to the lower group; empty groups,
///   which ties can make, are left out.
public struct Calibration: Sendable {
    public let inTheLarge: Double
    public let slope: Double
    public let groups: [CalibrationGroup]

    public init(predictions: [Double], outcomes: [Double], groups count: Int = 10) throws {
        try AUC.check(predictions: predictions, outcomes: outcomes)
        if let row = predictions.firstIndex(where: { !($0 > 0 && $0 < 1) }) {
            throw StatisticsError("row \(row + 1): predicted probability \(predictions[row]) is not strictly between 0 and 1")
        }
        guard outcomes.contains(0), outcomes.contains(1) else { throw StatisticsError("calibration needs both outcomes, 0 and 1, among the rows") }
        guard count >= 1 else { throw StatisticsError("a calibration table needs at least 1 group (got \(count))") }
        let logits = predictions.map { log($0 / (1 - $0)) }
        inTheLarge = try GLMFit(GLMData(outcome: outcomes, values: [], names: [], offset: logits), family: .logistic).coefficients[0].coef
        slope = try GLMFit(GLMData(outcome: outcomes, values: logits, names: ["logit(p)"]), family: .logistic).coefficients[1].coef
        let sorted = predictions.sorted()
        let cuts = (1..<count).map { Self.quantile(sorted, Double($0) / Double(count)) }
        var total = [Int](repeating: 0, count: count), events = [Double](repeating: 0, count: count), sums = [Double](repeating: 0, count: count)
        for (p, y) in zip(predictions, outcomes) {
            // The group is the number of cuts strictly below p (the cuts ascend).
            var low = 0, high = cuts.count
            while low < high {
                let middle = (low + high) / 2
                if cuts[middle] < p { low = middle + 1 } else { high = middle }
            }
            total[low] += 1
            events[low] += y
            sums[low] += p
        }
        self.groups = (0..<count).filter { total[$0] > 0 }.map {
            CalibrationGroup(group: $0 + 1, count: total[$0], observed: events[$0] / Double(total[$0]), predicted: sums[$0] / Double(total[$0]))
        }
    }

    /// The q-quantile of sorted values by linear interpolation between order statistics (numpy's default
    /// method), computed in numpy's order of operations so that a prediction on a cut falls on the same side.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count) * q + (1 - q) - 1
        let below = min(Int(position.rounded(.down)), sorted.count - 1), above = min(below + 1, sorted.count - 1)
        let t = position - Double(below), a = sorted[below], b = sorted[above]
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }
}
