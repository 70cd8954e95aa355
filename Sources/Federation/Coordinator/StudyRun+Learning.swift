import DecisionSupport
import Foundation

extension StudyRun {
    /// Equal-width bins of predicted risk in the evaluation step's histograms.
    static let riskBins = 50

    /// A LASSO (or ridge) logistic prediction model by federated learning: pooled standardisation from summed
    /// design moments, then `rounds` of local training combined by FedAvg, then an evaluation on the held-out
    /// subjects (pooled AUC and calibration from summed risk histograms, each site's AUC), and a model card;
    /// registered when the study names it and a registry is given.
    ///
    /// Each node sends n_k and n_k·w_k, so the new global weights Σ n_k w_k / Σ n_k come from the sums alone: one
    /// code path, exact with or without secure aggregation. Masked, each site's rows and AUC are not known.
    func learning(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let settings = analysis.learning ?? LearningSettings()
        let features = analysis.covariates ?? []
        let levels = try await agreedLevels(analysis, features: features)
        let design = try ModelDesign(covariates: features, levels: levels)
        let q = design.names.count
        gatherNoise = []

        var running = state.running ?? StudyState.RunningAnalysis(id: analysis.id, levels: levels)
        if running.centers == nil || running.scales == nil {
            let moments = try await exchange(analysis, .characterization, round: 0,
                                             expect: [.count("design:rows"), .vector("design:sums", q), .vector("design:squares", q)]) { $0.levels = levels }
            gatherNoise += moments.noise
            let summaries = (0..<q).map { j in
                NumericSummary(n: moments.count("design:rows"), sum: moments.values("design:sums")[j], sumOfSquares: moments.values("design:squares")[j])
            }
            running.centers = summaries.map(\.mean)
            running.scales = summaries.map(\.standardDeviation)
            state.running = running
            try saveState()
        }
        let centers = running.centers!, scales = running.scales!
        var weights = running.weights ?? [Double](repeating: 0, count: q + 1)
        var trainingRows: [String: Int] = [:]
        var firstRound = running.weights == nil ? 0 : (running.round ?? 0)
        if weights.count != q + 1 { weights = [Double](repeating: 0, count: q + 1); firstRound = 0 }
        for round in firstRound..<settings.rounds {
            let global = weights
            let gathered = try await exchange(analysis, .localTraining, round: round,
                                              expect: [.count("rows"), .vector("weighted-weights", q + 1)]) {
                $0.coefficients = global
                $0.levels = levels
                $0.centers = centers
                $0.scales = scales
            }
            gatherNoise += gathered.noise
            let rows = gathered.count("rows")
            // A withheld count would leave its node's n_k·w_k in the sum without its n_k.
            guard gathered.sums["rows"]?.suppressed.first != true else {
                throw FederationError("suppressed-rows", "analysis \(analysis.id), local-training round \(round): a node withheld its number of "
                    + "training subjects (under the minimum cell count), so FedAvg cannot weigh it")
            }
            guard rows > 0 else {
                throw FederationError("no-training-rows", "analysis \(analysis.id), local-training round \(round): the nodes report no training subjects")
            }
            weights = gathered.values("weighted-weights").map { $0 / Double(rows) }
            for (name, reply) in gathered.replies { if case .count(let n)? = reply["rows"] { trainingRows[name] = n ?? 0 } }
            running.weights = weights
            running.round = round + 1
            running.trainingRows = rows
            state.running = running
            try saveState()
        }

        let final = weights
        let evaluation = try await exchange(analysis, .evaluation, round: 0,
                                            expect: [.count("rows"), .counts("risk:positives", Self.riskBins), .counts("risk:negatives", Self.riskBins),
                                                     .vector("risk:predicted", Self.riskBins), .vector("auc", 1)]) {
            $0.coefficients = final
            $0.levels = levels
            $0.centers = centers
            $0.scales = scales
        }
        gatherNoise += evaluation.noise
        let risk = RiskHistogram(bins: Self.riskBins, positives: evaluation.counts("risk:positives"), negatives: evaluation.counts("risk:negatives"),
                                 predictedSum: evaluation.values("risk:predicted"))
        let minimum = study.privacy.minimumCellCount
        // A bin some node withheld would bias the pooled AUC (its subjects counted nowhere): none is given then.
        let withheld = ["risk:positives", "risk:negatives"].contains { evaluation.sums[$0]?.suppressed.contains(true) ?? false }
        let sites = evaluation.nodes.map { name -> ModelCard.Site in
            let reply = evaluation.replies[name]
            var rows: Int?
            if case .count(let n)? = reply?["rows"] { rows = n }
            var auc: Double?
            if case .vector(let values)? = reply?["auc"] { auc = values.first }
            return ModelCard.Site(name: name, trainingRows: trainingRows[name] ?? 0, evaluationRows: rows, auc: auc)
        }
        let outcome: String = switch analysis.resolvedOutcome {
        case .death: "death"
        case .cohort(let id): study.cohort(id)?.name ?? "cohort \(id)"
        }
        let card = ModelCard(
            studyHash: study.hash, cohorts: [analysis.cohort.flatMap { study.cohort($0)?.name } ?? ""], outcome: outcome,
            horizonDays: analysis.resolvedHorizonDays, sites: sites, algorithm: settings.algorithm.rawValue, rounds: settings.rounds,
            epochs: settings.localEpochs, learningRate: settings.learningRate, mu: settings.mu, penalty: settings.penalty.rawValue,
            lambda: settings.lambda, trainingRows: running.trainingRows, evaluationRows: evaluation.count("rows"),
            pooledAUC: !withheld && risk.auc.isFinite ? risk.auc : nil,
            // A calibration bin of fewer subjects than the minimum cell count is not shown.
            calibration: risk.calibration.filter { $0.n >= minimum }.map {
                ModelCard.CalibrationBin(bin: $0.bin, n: $0.n, observed: $0.observed, expected: $0.expected)
            })
        var model = RegisteredModel(name: settings.registerAs ?? analysis.id, covariates: features, levels: levels, designNames: design.names,
                                    centers: centers, scales: scales, coefficients: final, card: card)
        var version: Int?
        if settings.registerAs != nil, let registry = runner.registry {
            version = try await registry.register(model)
            model.version = version ?? 0
            runner.log?("\(analysis.id): registered as \(model.name) v\(model.version)")
        }
        var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: evaluation.nodes, noise: gatherNoise)
        result.learning = LearningResult(model: model, registeredVersion: version)
        return result
    }
}
