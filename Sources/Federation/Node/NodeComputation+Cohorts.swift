import CDMStore
import Cohorts
import Evidence
import Foundation

/// The study's cohorts in the node's CDM: each study cohort is stored and generated once per study hash under a
/// local `cohort_definition_id`, remembered in `optima_federated_cohort`, so the ids a study uses never collide
/// with the node's own cohorts and a second preparation reuses the first.
extension NodeComputation {
    static let cohortTable = "optima_federated_cohort"

    /// Study cohort id → local cohort_definition_id; the missing ones generated first when `generating`.
    func localCohorts(generating: Bool) async throws -> [Int: Int64] {
        try await database.execute("""
            CREATE TABLE IF NOT EXISTS \(Self.cohortTable) (study_hash TEXT NOT NULL, study_cohort INTEGER NOT NULL,
              cohort_definition_id INTEGER NOT NULL, generated_at TEXT NOT NULL, PRIMARY KEY (study_hash, study_cohort))
            """)
        var local: [Int: Int64] = [:]
        for row in try await database.query("SELECT study_cohort, cohort_definition_id FROM \(Self.cohortTable) WHERE study_hash = ?", [.text(study.hash)]) {
            if let cohort = row[0].integerValue, let id = row[1].integerValue { local[Int(cohort)] = id }
        }
        guard generating else { return local }
        for cohort in study.cohorts where local[cohort.id] == nil {
            let stored = try await database.saveCohortDefinition(
                name: cohort.name, description: "federated study \(study.hash.prefix(12)), cohort \(cohort.id)", json: cohort.definitionJSON)
            _ = try await database.generateCohort(cohort.expression, cohortID: stored.id)
            try await database.execute("INSERT INTO \(Self.cohortTable) (study_hash, study_cohort, cohort_definition_id, generated_at) VALUES (?, ?, ?, ?)",
                                       [.text(study.hash), .integer(Int64(cohort.id)), .integer(stored.id), .text(Date().ISO8601Format())])
            local[cohort.id] = stored.id
        }
        return local
    }

    /// One step's settings resolved against the node: local cohort ids, the outcome and features in local terms,
    /// the agreed levels.
    struct Context: Sendable {
        let analysis: StudyAnalysis
        let request: StepRequest
        let local: [Int: Int64]

        init(computation: NodeComputation, analysis: StudyAnalysis, request: StepRequest) async throws {
            self.analysis = analysis
            self.request = request
            var local = try await computation.localCohorts(generating: false)
            if computation.study.cohorts.contains(where: { local[$0.id] == nil }) {
                local = try await computation.localCohorts(generating: true)
            }
            self.local = local
        }

        func localID(_ cohort: Int) throws -> Int64 {
            guard let id = local[cohort] else {
                throw FederationError("unknown-cohort", "analysis \(analysis.id): cohort \(cohort) is not a cohort of the study")
            }
            return id
        }

        /// The target cohort's study id and local id.
        func target() throws -> (study: Int, local: Int64) {
            guard let cohort = analysis.cohort else {
                throw FederationError("invalid-step", "analysis \(analysis.id): a \(analysis.type.rawValue) analysis needs its target cohort")
            }
            return (cohort, try localID(cohort))
        }

        /// The cohorts a counts or characterization analysis describes (all of the study's when not named).
        func described(in study: StudySpecification) -> [Int] {
            analysis.cohorts ?? study.cohorts.map(\.id)
        }

        var outcome: SurvivalOutcome {
            get throws {
                switch analysis.resolvedOutcome {
                case .death: .death
                case .cohort(let id): .cohort(try localID(id))
                }
            }
        }

        /// The feature with study cohort ids (`cohorts:ID,…`) turned into this node's ids; other kinds unchanged.
        func localFeature(_ feature: Feature) throws -> Feature {
            guard case .cohorts(let ids) = feature.kind else { return feature }
            return Feature(.cohorts(try ids.map { id in
                guard let local = local[Int(id)] else {
                    throw FederationError("unknown-cohort", "analysis \(analysis.id): covariate \(feature) names cohort \(id), which is not a cohort of the study")
                }
                return local
            }), label: feature.label)
        }

        var covariates: [Feature] { analysis.covariates ?? [] }

        /// The agreed levels of a categorical feature: the request's, else the study's.
        func agreedLevels(_ feature: Feature) throws -> [String] {
            guard let levels = request.levels?[feature.description] ?? analysis.levels?[feature.description] else {
                throw FederationError("missing-levels", "analysis \(analysis.id), step \(request.step.rawValue): the agreed levels of \(feature) are not in the request")
            }
            return levels
        }

        /// The model design from the covariates and their agreed levels.
        func design() throws -> ModelDesign {
            var levels: [String: [String]] = [:]
            for feature in covariates where !feature.isNumeric { levels[feature.description] = try agreedLevels(feature) }
            return try ModelDesign(covariates: covariates, levels: levels)
        }
    }

    /// Persons in observation at this node, and the distinct persons of a local cohort: the two sides of the
    /// subset guard.
    func subsetSizes(_ localCohort: Int64) async throws -> (kept: Int, population: Int) {
        let kept = try await database.query("SELECT COUNT(DISTINCT subject_id) AS n FROM cohort WHERE cohort_definition_id = ?", [.integer(localCohort)])
        let population = try await database.query("SELECT COUNT(DISTINCT person_id) AS n FROM observation_period")
        return (Int(kept.first?["n"].integerValue ?? 0), Int(population.first?["n"].integerValue ?? 0))
    }

    func checkSubset(_ cohort: Int, _ context: Context) async throws {
        let sizes = try await subsetSizes(try context.localID(cohort))
        try guards.checkSubset(kept: sizes.kept, of: sizes.population, cohort: cohort, analysis: context.analysis.id)
    }
}
