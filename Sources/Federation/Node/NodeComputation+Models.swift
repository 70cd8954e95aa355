import Evidence
import Foundation
import Statistics

/// Regression pieces: a node's log-likelihood, score and information at the broadcast β, which the coordinator
/// sums over nodes for an exact Newton step (federated-algorithms.md §1, §2.2).
extension NodeComputation {
    /// The subjects of a model with their design rows: complete cases only, counted nowhere else.
    struct ModelFrame: Sendable {
        var persons: [Int64] = []
        var rows: [[Double]] = []
        var days: [Int] = []
        var events: [Bool] = []

        var outcomes: [Double] { events.map { $0 ? 1 : 0 } }

        func subset(_ keep: (Int64) -> Bool) -> ModelFrame {
            var frame = ModelFrame()
            for i in persons.indices where keep(persons[i]) {
                frame.persons.append(persons[i])
                frame.rows.append(rows[i])
                frame.days.append(days[i])
                frame.events.append(events[i])
            }
            return frame
        }
    }

    /// Follow-up of the target cohort to the outcome (to `maximum_days` for Cox and Poisson; to the horizon for
    /// logistic models, leaving out subjects followed less long without the outcome) with each subject's
    /// covariates at baseline.
    func modelFrame(_ context: Context, design: ModelDesign) async throws -> ModelFrame {
        guard let cache else { return try await readModelFrame(context, design: design) }
        let key = ["frame", study.hash, context.analysis.id, design.names.joined(separator: "\u{1F}")].joined(separator: "|")
        return try await cache.value(key) { try await self.readModelFrame(context, design: design) }
    }

    private func readModelFrame(_ context: Context, design: ModelDesign) async throws -> ModelFrame {
        let target = try context.target()
        try await checkSubset(target.study, context)
        let analysis = context.analysis
        let horizon: Int? = [.logistic, .lassoLogistic].contains(analysis.type) ? analysis.resolvedHorizonDays : nil
        let followUp = try await database.cohortFollowUp(target: target.local, outcome: try context.outcome, endDays: horizon ?? analysis.maximumDays)
        var features: [FeatureValues] = []
        for feature in design.covariates {
            features.append(try await featureValues(try context.localFeature(feature), target: target.local))
        }
        var frame = ModelFrame()
        for subject in followUp.subjects {
            if let horizon, !subject.event, subject.days < horizon { continue }
            let values = features.map { values -> ModelDesign.Value? in
                switch values.values[subject.person] {
                case .number(let x)?: .number(x)
                case .level(let index)?: .label(values.levels[index])
                case nil: nil
                }
            }
            guard let row = design.row(values) else { continue }
            frame.persons.append(subject.person)
            frame.rows.append(row)
            frame.days.append(subject.days)
            frame.events.append(subject.event)
        }
        return frame
    }

    /// A covariate of a cohort's subjects, read once for the levels step and the model that follows.
    func featureValues(_ feature: Feature, target: Int64) async throws -> FeatureValues {
        guard let cache else { return try await database.cohortFeatureValues(feature, target: target) }
        return try await cache.value(["features", study.hash, String(target), feature.description].joined(separator: "|")) {
            try await database.cohortFeatureValues(feature, target: target)
        }
    }

    /// The guards on a model's data: enough subjects, few enough parameters, every indicator and the outcome held
    /// by enough subjects and left by as many, few enough levels.
    func checkModel(_ frame: ModelFrame, design: ModelDesign, intercept: Bool, analysis: String) throws {
        let n = frame.rows.count
        try guards.checkRows(n, analysis: analysis, what: "subjects with complete data")
        try guards.checkParameters(design.names.count + (intercept ? 1 : 0), rows: n, analysis: analysis)
        for (feature, columns) in design.indicatorColumns {
            try guards.checkLevels(columns.count + 1, rows: n, feature: feature.description, analysis: analysis)
            for column in columns {
                try guards.checkBinary(frame.rows.count { $0[column] == 1 }, of: n, name: "indicator \(design.names[column])", analysis: analysis)
            }
        }
        try guards.checkBinary(frame.events.count { $0 }, of: n, name: "the outcome", analysis: analysis)
    }

    /// rows, events, [log-likelihood], score and information at β = `request.coefficients`: Cox (this node's own
    /// partial likelihood, a stratum of the site-stratified model), logistic (outcome within the horizon) or
    /// Poisson (first outcome, offset log person-years counted through the last day, days + 1, as incidence).
    func modelPieces(_ context: Context) async throws -> [NamedAggregate] {
        let analysis = context.analysis
        let design = try context.design()
        let frame = try await modelFrame(context, design: design)
        let intercept = analysis.type != .cox
        try checkModel(frame, design: design, intercept: intercept, analysis: analysis.id)
        let beta = try coefficients(context.request, count: design.names.count + (intercept ? 1 : 0), analysis: analysis.id)
        let logLikelihood: Double, score: [Double], information: Matrix
        switch analysis.type {
        case .cox:
            let data = try CoxData(times: frame.days.map(Double.init), events: frame.events, covariates: frame.rows, names: design.names)
            let pieces = PartialLikelihood(data, beta: beta, ties: analysis.resolvedTies)
            (logLikelihood, score, information) = (pieces.logLikelihood, pieces.score, pieces.information)
        case .logistic, .poisson:
            let poisson = analysis.type == .poisson
            let data = try GLMData(outcome: frame.outcomes, covariates: frame.rows, names: design.names,
                                   offset: poisson ? frame.days.map { log(Double($0 + 1) / 365.25) } : nil)
            let pieces = GLMLikelihood(data, family: poisson ? .poisson : .logistic, beta: beta)
            (logLikelihood, score, information) = (pieces.logLikelihood, pieces.score, pieces.information)
        default:
            throw FederationError("step-not-allowed", "analysis \(analysis.id): a \(analysis.type.rawValue) analysis has no model pieces")
        }
        return [NamedAggregate("rows", .count(frame.rows.count)), NamedAggregate("events", .count(frame.events.count { $0 })),
                NamedAggregate("log-likelihood", .vector([logLikelihood])), NamedAggregate("score", .vector(score)),
                NamedAggregate("information", .matrix(rows: information.rows, values: information.values))]
    }

    /// The request's coefficients, checked to be `count` finite numbers.
    func coefficients(_ request: StepRequest, count: Int, analysis: String) throws -> [Double] {
        guard let beta = request.coefficients, beta.count == count, beta.allSatisfy(\.isFinite) else {
            throw FederationError("invalid-step", "analysis \(analysis), step \(request.step.rawValue): needs \(count) finite coefficients (one per design column), got \(request.coefficients.map { "\($0.count)" } ?? "none")")
        }
        return beta
    }
}
