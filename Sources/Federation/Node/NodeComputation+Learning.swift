import Crypto
import Foundation
import Statistics

/// Federated learning of a LASSO (or ridge) logistic model: the training subjects' design moments for the pooled
/// standardisation, local training from the global weights, and the evaluation on held-out subjects. The split
/// is by a hash of the person id, so it is the same at every step and in any pooled re-analysis.
extension NodeComputation {
    /// Whether a subject is held out for evaluation: SHA-256 of the study hash followed by the person id (decimal,
    /// UTF-8), its first 8 bytes read as a big-endian UInt64 and divided by 2⁶⁴, below `fraction`.
    public static func isHeldOut(person: Int64, studyHash: String, fraction: Double) -> Bool {
        let digest = Array(SHA256.hash(data: Data((studyHash + String(person)).utf8)))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(value) / 18_446_744_073_709_551_616.0 < fraction
    }

    /// The lasso analysis's design, its complete-case subjects, and the split.
    private func learningFrames(_ context: Context) async throws -> (design: ModelDesign, training: ModelFrame, heldOut: ModelFrame) {
        let design = try context.design()
        let frame = try await modelFrame(context, design: design)
        let fraction = (context.analysis.learning ?? LearningSettings()).holdoutFraction
        let hash = study.hash
        return (design, frame.subset { !Self.isHeldOut(person: $0, studyHash: hash, fraction: fraction) },
                frame.subset { Self.isHeldOut(person: $0, studyHash: hash, fraction: fraction) })
    }

    /// Over the training subjects: their number, and per design column Σx and Σx² (intercept excluded), from which
    /// the coordinator forms the pooled means and SDs every node standardises with.
    func designMoments(_ context: Context) async throws -> [NamedAggregate] {
        let (design, training, _) = try await learningFrames(context)
        try checkModel(training, design: design, intercept: true, analysis: context.analysis.id)
        var sums = [Double](repeating: 0, count: design.names.count), squares = sums
        for row in training.rows {
            for j in row.indices {
                sums[j] += row[j]
                squares[j] += row[j] * row[j]
            }
        }
        return [NamedAggregate("design:rows", .count(training.rows.count)), NamedAggregate("design:sums", .vector(sums)),
                NamedAggregate("design:squares", .vector(squares))]
    }

    /// The local weights w_k after the analysis's epochs of proximal gradient descent from the global weights
    /// (intercept first), on the training subjects standardised with the pooled centers and scales, sent as the
    /// training rows n_k and n_k·w_k ("weighted-weights"): summed over nodes, plainly or masked, they give Σ n_k w_k
    /// and Σ n_k, so the coordinator's FedAvg weighs each node by its rows under secure aggregation too.
    func localTraining(_ context: Context) async throws -> [NamedAggregate] {
        let (design, training, _) = try await learningFrames(context)
        try checkModel(training, design: design, intercept: true, analysis: context.analysis.id)
        let standardization = try self.standardization(context, columns: design.names.count)
        let weights = try coefficients(context.request, count: design.names.count + 1, analysis: context.analysis.id)
        let data = try LogisticTrainingData(outcome: training.outcomes, covariates: training.rows.map(standardization.apply))
        let trained = LocalTraining(context.analysis.learning ?? LearningSettings()).train(data, from: weights)
        let rows = training.rows.count
        return [NamedAggregate("rows", .count(rows)), NamedAggregate("weighted-weights", .vector(trained.map { Double(rows) * $0 }))]
    }

    /// At the final weights, on the held-out subjects: their number, the predicted risks' histogram by outcome
    /// (50 equal bins of [0, 1]), the sum of predictions per bin, and this node's AUC.
    func evaluation(_ context: Context) async throws -> [NamedAggregate] {
        let (design, _, heldOut) = try await learningFrames(context)
        let analysis = context.analysis.id
        try guards.checkRows(heldOut.rows.count, analysis: analysis, what: "held-out subjects with complete data")
        try guards.checkBinary(heldOut.events.count { $0 }, of: heldOut.rows.count, name: "the outcome among the held-out subjects", analysis: analysis)
        let standardization = try self.standardization(context, columns: design.names.count)
        let weights = try coefficients(context.request, count: design.names.count + 1, analysis: analysis)
        let data = try LogisticTrainingData(outcome: heldOut.outcomes, covariates: heldOut.rows.map(standardization.apply))
        let predictions = data.predictions(weights)
        var histogram = RiskHistogram(bins: 50, predictions: predictions, outcomes: data.outcome)
        if !study.privacy.secureAggregation { histogram = Self.merged(histogram, minimum: guards.minimumCellCount) }
        let auc = try AUC(predictions: predictions, outcomes: data.outcome)
        return [NamedAggregate("rows", .count(heldOut.rows.count)), NamedAggregate("risk:positives", .counts(histogram.positives)),
                NamedAggregate("risk:negatives", .counts(histogram.negatives)), NamedAggregate("risk:predicted", .vector(histogram.predictedSum)),
                NamedAggregate("auc", .vector([auc.estimate]))]
    }

    /// The pooled centers and scales of the request, one per design column.
    private func standardization(_ context: Context, columns: Int) throws -> Standardization {
        guard let centers = context.request.centers, let scales = context.request.scales, centers.count == columns, scales.count == columns,
              (centers + scales).allSatisfy(\.isFinite) else {
            throw FederationError("invalid-step", "analysis \(context.analysis.id), step \(context.request.step.rawValue): needs \(columns) finite centers and scales (one per design column)")
        }
        return Standardization(means: centers, sds: scales)
    }

    /// A risk histogram whose sparse bins are merged into the next (then, for what is left at the top, into the
    /// last bin released) until each bin's positives and negatives are 0 or at least `minimum`: the coordinator's
    /// pooled AUC and calibration then rest on every held-out subject, in coarser bins, instead of on the few
    /// bins no node had to withhold.
    static func merged(_ histogram: RiskHistogram, minimum: Int) -> RiskHistogram {
        var merged = histogram
        merged.positives = Array(repeating: 0, count: histogram.bins)
        merged.negatives = merged.positives
        merged.predictedSum = Array(repeating: 0, count: histogram.bins)
        let releasable = { (count: Int) in count == 0 || count >= minimum }
        var pending = (positives: 0, negatives: 0, predicted: 0.0), last: Int?
        for bin in 0..<histogram.bins {
            pending.positives += histogram.positives[bin]
            pending.negatives += histogram.negatives[bin]
            pending.predicted += histogram.predictedSum[bin]
            guard releasable(pending.positives), releasable(pending.negatives), pending.positives + pending.negatives > 0 else { continue }
            (merged.positives[bin], merged.negatives[bin], merged.predictedSum[bin]) = pending
            pending = (0, 0, 0)
            last = bin
        }
        let into = last ?? histogram.bins - 1
        merged.positives[into] += pending.positives
        merged.negatives[into] += pending.negatives
        merged.predictedSum[into] += pending.predicted
        return merged
    }
}
