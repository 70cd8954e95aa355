import Cohorts
import Evidence
import Foundation

extension StudySpecification {
    /// Reads and checks a study document. Every problem found is reported together, each naming its field
    /// (`analyses[2].covariates`), in one `FederationError` with code `invalid-study`.
    public init(document: Data) throws {
        guard let root = (try? JSONSerialization.jsonObject(with: document)) as? [String: Any] else {
            throw FederationError("invalid-study", "the study is not a JSON object")
        }
        var problems: [String] = []
        let schema = root["schema"] as? String
        if schema != Self.schema {
            problems.append("schema: \(schema.map { "\"\($0)\"" } ?? "missing") (this version reads \"\(Self.schema)\")")
        }
        let name = (root["name"] as? String)?.trimmingCharacters(in: .whitespaces) ?? ""
        if name.isEmpty { problems.append("name: missing") }
        let known: Set<String> = ["schema", "name", "description", "cohorts", "analyses", "privacy", "nodes", "minimum_nodes"]
        for key in root.keys.sorted() where !known.contains(key) { problems.append("\(key): not a field of a study") }

        var cohorts: [StudyCohort] = []
        if let list = root["cohorts"] as? [Any], !list.isEmpty {
            for (index, item) in list.enumerated() {
                let at = "cohorts[\(index)]"
                guard let object = item as? [String: Any] else { problems.append("\(at): not an object"); continue }
                guard let id = object["id"] as? Int, id > 0 else { problems.append("\(at).id: a positive whole number is needed"); continue }
                if cohorts.contains(where: { $0.id == id }) { problems.append("\(at).id: \(id) is used twice") }
                let cohortName = (object["name"] as? String) ?? "cohort \(id)"
                guard let definition = object["definition"], JSONSerialization.isValidJSONObject(definition),
                      let json = try? JSONSerialization.data(withJSONObject: definition, options: [.sortedKeys]) else {
                    problems.append("\(at).definition: a Circe cohort definition (JSON object) is needed"); continue
                }
                do {
                    cohorts.append(StudyCohort(id: id, name: cohortName, expression: try CohortExpression.parse(json), definitionJSON: json))
                } catch {
                    problems.append("\(at).definition: \(error)")
                }
            }
        } else {
            problems.append("cohorts: at least one cohort is needed")
        }

        var analyses: [StudyAnalysis] = []
        if let list = root["analyses"] as? [Any], !list.isEmpty {
            for (index, item) in list.enumerated() {
                let at = "analyses[\(index)]"
                do {
                    let data = try JSONSerialization.data(withJSONObject: item)
                    let analysis = try JSONDecoder().decode(StudyAnalysis.self, from: data)
                    if analyses.contains(where: { $0.id == analysis.id }) { problems.append("\(at).id: \"\(analysis.id)\" is used twice") }
                    problems += Self.check(analysis, at: at, cohorts: Set(cohorts.map(\.id)))
                    analyses.append(analysis)
                } catch let error as DecodingError {
                    problems.append("\(at)\(Self.describe(error))")
                } catch {
                    problems.append("\(at): \(error)")
                }
            }
        } else {
            problems.append("analyses: at least one analysis is needed")
        }

        var privacy = StudyPrivacy()
        if let object = root["privacy"] {
            do {
                privacy = try JSONDecoder().decode(StudyPrivacy.self, from: JSONSerialization.data(withJSONObject: object))
                problems += Self.check(privacy)
            } catch let error as DecodingError {
                problems.append("privacy\(Self.describe(error))")
            } catch {
                problems.append("privacy: \(error)")
            }
        }

        let nodes = (root["nodes"] as? [Any])?.compactMap { $0 as? String } ?? []
        if nodes.isEmpty { problems.append("nodes: at least one node name is needed") }
        if Set(nodes).count != nodes.count { problems.append("nodes: a node is named twice") }
        let minimumNodes = root["minimum_nodes"] as? Int
        if let minimumNodes, !(1...max(1, nodes.count)).contains(minimumNodes) {
            problems.append("minimum_nodes: \(minimumNodes) is not between 1 and the \(nodes.count) nodes named")
        }
        if privacy.secureAggregation, (minimumNodes ?? nodes.count) < 3 {
            problems.append("privacy.secure_aggregation: needs at least 3 answering nodes (with 2, each learns the other's input from the sum)")
        }
        guard problems.isEmpty else {
            throw FederationError("invalid-study", "the study is not valid: " + problems.joined(separator: "; "))
        }
        self.name = name
        self.description = root["description"] as? String
        self.cohorts = cohorts
        self.analyses = analyses
        self.privacy = privacy
        self.nodes = nodes
        self.minimumNodes = minimumNodes
        self.document = document
        self.hash = Self.hash(of: document)
    }

    /// Reads a study file; errors name the file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FederationError("invalid-study", "\(url.path): cannot be read (\(error.localizedDescription))")
        }
        do { try self.init(document: data) } catch let error as FederationError {
            throw FederationError(error.code, "\(url.path): \(error.message)")
        }
    }

    static func check(_ analysis: StudyAnalysis, at: String, cohorts: Set<Int>) -> [String] {
        var problems: [String] = []
        if analysis.id.isEmpty || analysis.id.count > 64 || analysis.id.contains(where: { !($0.isLetter || $0.isNumber || "-_".contains($0)) }) {
            problems.append("\(at).id: \"\(analysis.id)\" must be 1–64 letters, digits, - or _")
        }
        let modelTypes: Set<StudyAnalysisType> = [.cox, .logistic, .poisson, .lassoLogistic]
        let needsCohort: Set<StudyAnalysisType> = [.incidence, .kaplanMeier, .cox, .logistic, .poisson, .lassoLogistic]
        if needsCohort.contains(analysis.type) {
            if let cohort = analysis.cohort {
                if !cohorts.contains(cohort) { problems.append("\(at).cohort: \(cohort) is not a cohort of the study") }
            } else {
                problems.append("\(at).cohort: a \(analysis.type.rawValue) analysis needs its target cohort")
            }
        }
        for cohort in analysis.cohorts ?? [] where !cohorts.contains(cohort) {
            problems.append("\(at).cohorts: \(cohort) is not a cohort of the study")
        }
        if case .cohort(let id)? = analysis.outcome, !cohorts.contains(id) {
            problems.append("\(at).outcome: cohort \(id) is not a cohort of the study")
        }
        if modelTypes.contains(analysis.type) {
            if (analysis.covariates ?? []).isEmpty { problems.append("\(at).covariates: a model needs at least one covariate") }
        }
        if analysis.type == .characterization, (analysis.covariates ?? []).isEmpty {
            problems.append("\(at).covariates: name the features to characterise")
        }
        if let days = analysis.maximumDays, days <= 0 { problems.append("\(at).maximum_days: must be positive (\(days))") }
        if let days = analysis.gridDays, !(1...3650).contains(days) { problems.append("\(at).grid_days: must be 1–3650 (\(days))") }
        if let days = analysis.horizonDays, days <= 0 { problems.append("\(at).horizon_days: must be positive (\(days))") }
        if let iterations = analysis.maximumIterations, !(1...100).contains(iterations) {
            problems.append("\(at).maximum_iterations: must be 1–100 (\(iterations))")
        }
        if analysis.type == .lassoLogistic {
            let learning = analysis.learning ?? LearningSettings()
            if !(1...1000).contains(learning.rounds) { problems.append("\(at).learning.rounds: must be 1–1000 (\(learning.rounds))") }
            if !(1...100).contains(learning.localEpochs) { problems.append("\(at).learning.local_epochs: must be 1–100 (\(learning.localEpochs))") }
            if !(learning.learningRate > 0) { problems.append("\(at).learning.learning_rate: must be positive") }
            if learning.mu < 0 || learning.lambda < 0 { problems.append("\(at).learning: mu and lambda must not be negative") }
            if !(0.05...0.5).contains(learning.holdoutFraction) { problems.append("\(at).learning.holdout_fraction: must be 0.05–0.5") }
        } else if analysis.learning != nil {
            problems.append("\(at).learning: only a lasso-logistic analysis is trained by federated learning")
        }
        return problems
    }

    static func check(_ privacy: StudyPrivacy) -> [String] {
        var problems: [String] = []
        if !(1...100).contains(privacy.minimumCellCount) {
            problems.append("privacy.minimum_cell_count: must be 1–100 (\(privacy.minimumCellCount))")
        }
        if privacy.exactSurvivalTimes && !privacy.secureAggregation {
            problems.append("privacy.exact_survival_times: needs secure_aggregation (single days are small cells)")
        }
        if let dp = privacy.differentialPrivacy {
            if !(dp.epsilon > 0) || !(dp.epsilonPerQuery > 0) || dp.epsilonPerQuery > dp.epsilon {
                problems.append("privacy.differential_privacy: epsilon and epsilon_per_query must be positive, and the query's at most the study's")
            }
            if dp.mechanism == .gaussian && !(dp.delta > 0 && dp.delta < 1) {
                problems.append("privacy.differential_privacy.delta: must be between 0 and 1")
            }
        }
        return problems
    }

    /// ".field: what was wrong", from a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return ": \(error)"
        }
    }
}
