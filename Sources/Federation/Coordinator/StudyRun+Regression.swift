import Statistics

extension StudyRun {
    /// A node dropped during a Newton fit: the pieces summed so far are over other nodes than the next ones, so the
    /// fit starts again from the last β over the nodes that remain.
    private struct NodesChanged: Error {
        let beta: [Double]
    }

    /// Cox (site-stratified), logistic or Poisson regression by federated Newton: each gather is one model-pieces
    /// step to every active node at β, their pieces summed. The fit runs in the shift δ = β − β₀, so it can start
    /// (after a resume or a dropped node) from any β₀; the estimate is β₀ + δ̂ with the same covariance.
    func regression(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let features = analysis.covariates ?? []
        let levels = try await agreedLevels(analysis, features: features)
        let design = try ModelDesign(covariates: features, levels: levels)
        let names = design.names(intercept: analysis.type != .cox)
        let p = names.count
        let expect: [StepExpectation] = [.count("rows"), .count("events"), .vector("log-likelihood", 1), .vector("score", p), .matrix("information", rows: p)]
        var start = state.running?.id == analysis.id ? state.running?.beta ?? [Double](repeating: 0, count: p) : [Double](repeating: 0, count: p)
        guard start.count == p else {
            throw FederationError("state-mismatch", "analysis \(analysis.id): the saved β has \(start.count) values for \(p) coefficients")
        }
        gatherNoise = []
        while true {
            let origin = start, nodesAtStart = active, offset = state.running?.gathers ?? 0
            do {
                let shifted = try await FederatedNewton.fit(names: names, maximumIterations: analysis.resolvedMaximumIterations) { @Sendable delta, round in
                    let beta = zip(origin, delta).map { $0 + $1 }
                    let gathered = try await self.exchange(analysis, .modelPieces, round: offset + round, expect: expect, fractionalBits: 30) {
                        $0.coefficients = beta
                        $0.levels = levels
                    }
                    try await self.recordGather(analysis, beta: beta, levels: levels, noise: gathered.noise)
                    guard gathered.nodes == nodesAtStart else { throw NodesChanged(beta: beta) }
                    return ModelPieces(logLikelihood: gathered.values("log-likelihood").first ?? 0, score: gathered.values("score"),
                                       information: gathered.matrix("information"), rows: gathered.count("rows"), events: gathered.count("events"))
                }
                let fit = FederatedModelFit(
                    coefficients: shifted.coefficients.enumerated().map { j, c in
                        Coefficient(name: c.name, coef: origin[j] + c.coef, se: c.se, confidenceLevel: 0.95)
                    },
                    covariance: shifted.covariance, logLikelihood: shifted.logLikelihood, iterations: state.running?.gathers ?? shifted.iterations,
                    rows: shifted.rows, events: shifted.events)
                var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: nodesAtStart, noise: gatherNoise)
                result.model = ModelResult(model: describeModel(analysis), levels: levels, fit: fit)
                return result
            } catch let change as NodesChanged {
                runner.log?("\(analysis.id): the nodes changed; Newton goes on from the last β over \(active.joined(separator: ", "))")
                start = change.beta
            }
        }
    }

    /// Keeps β after every gather, so a resumed run starts from it.
    private func recordGather(_ analysis: StudyAnalysis, beta: [Double], levels: [String: [String]], noise: [NoiseEntry]) throws {
        gatherNoise += noise
        var running = state.running?.id == analysis.id ? state.running! : StudyState.RunningAnalysis(id: analysis.id, levels: levels)
        running.beta = beta
        running.gathers = (running.gathers ?? 0) + 1
        state.running = running
        try saveState()
    }

    private func describeModel(_ analysis: StudyAnalysis) -> String {
        switch analysis.type {
        case .cox: "Cox proportional hazards, stratified by site, \(analysis.resolvedTies.rawValue) ties"
        case .logistic: "logistic regression of the outcome within \(analysis.resolvedHorizonDays) days"
        case .poisson: "Poisson regression of events with log person-years as offset"
        default: analysis.type.rawValue
        }
    }
}
