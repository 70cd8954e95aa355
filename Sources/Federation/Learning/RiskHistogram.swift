/// Outcomes by bin of predicted risk, on held-out rows: what a node sends for a federated AUC and calibration
/// table. Equal-width bins over [0, 1]; bin b holds risks in [b/B, (b+1)/B) and the last also 1.
public struct RiskHistogram: Sendable, Codable, Equatable {
    public var bins: Int
    public var positives: [Int]
    public var negatives: [Int]
    /// Σ predicted risk per bin (its mean is the calibration's expected rate).
    public var predictedSum: [Double]

    public init(bins: Int, positives: [Int], negatives: [Int], predictedSum: [Double]) {
        self.bins = bins
        self.positives = positives
        self.negatives = negatives
        self.predictedSum = predictedSum
    }

    /// Risks outside [0, 1] go to the end bins; an outcome is positive when it is 1.
    public init(bins: Int, predictions: [Double], outcomes: [Double]) {
        precondition(bins >= 1 && predictions.count == outcomes.count, "at least one bin and one outcome per prediction")
        var positives = [Int](repeating: 0, count: bins), negatives = positives
        var sums = [Double](repeating: 0, count: bins)
        for (risk, outcome) in zip(predictions, outcomes) {
            let bin = Self.bin(of: risk, bins: bins)
            if outcome == 1 { positives[bin] += 1 } else { negatives[bin] += 1 }
            sums[bin] += risk
        }
        self.init(bins: bins, positives: positives, negatives: negatives, predictedSum: sums)
    }

    public static func bin(of risk: Double, bins: Int) -> Int {
        guard risk.isFinite else { return 0 }
        return min(bins - 1, max(0, Int((risk * Double(bins)).rounded(.down))))
    }

    public static func + (a: RiskHistogram, b: RiskHistogram) -> RiskHistogram {
        precondition(a.bins == b.bins, "risk histograms of \(a.bins) and \(b.bins) bins cannot be added")
        return RiskHistogram(bins: a.bins, positives: zip(a.positives, b.positives).map { $0 + $1 },
                             negatives: zip(a.negatives, b.negatives).map { $0 + $1 },
                             predictedSum: zip(a.predictedSum, b.predictedSum).map { $0 + $1 })
    }

    /// Mann–Whitney on the binned risks: the share of (positive, negative) pairs in which the positive's bin is
    /// higher, pairs in the same bin counting 1/2. 0.5 without both outcomes.
    public var auc: Double {
        let cases = positives.reduce(0, +), nonCases = negatives.reduce(0, +)
        guard cases > 0, nonCases > 0 else { return 0.5 }
        var below = 0.0, wins = 0.0
        for b in 0..<bins {
            wins += Double(positives[b]) * (below + 0.5 * Double(negatives[b]))
            below += Double(negatives[b])
        }
        return wins / (Double(cases) * Double(nonCases))
    }

    /// One row per bin with rows in it: observed event rate and mean predicted risk.
    public var calibration: [CalibrationBin] {
        (0..<bins).compactMap { b in
            let n = positives[b] + negatives[b]
            guard n > 0 else { return nil }
            return CalibrationBin(bin: b, n: n, observed: Double(positives[b]) / Double(n), expected: predictedSum[b] / Double(n))
        }
    }
}

/// One bin of a federated calibration table.
public struct CalibrationBin: Sendable, Codable, Equatable {
    public let bin: Int
    public let n: Int
    public let observed: Double
    public let expected: Double
}
