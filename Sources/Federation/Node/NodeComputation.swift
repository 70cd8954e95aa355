import CDMStore

/// What a node computes for a step on its own CDM: generates the study's cohorts once, then answers each step
/// with raw aggregates. Refuses (throws `FederationError` "disclosure-guard") when a DataSHIELD-style guard
/// fails. Its output still goes through `DisclosureGate` before it leaves the node.
///
/// Subjects, follow-up and covariates are read through Evidence's own extraction (first entry into the target
/// cohort, in observation, objectors left out), so a federated answer describes the same people as the local
/// analysis would.
public struct NodeComputation: Sendable {
    public let database: any Database
    public let study: StudySpecification
    public let guards: DisclosureGuards
    /// The node service's reads kept between rounds (none: every step reads the CDM).
    let cache: NodeReadCache?

    public init(database: any Database, study: StudySpecification, guards: DisclosureGuards) {
        self.init(database: database, study: study, guards: guards, cache: nil)
    }

    init(database: any Database, study: StudySpecification, guards: DisclosureGuards, cache: NodeReadCache?) {
        self.database = database
        self.study = study
        self.guards = guards
        self.cache = cache
    }

    /// Generates (or finds already generated for this study hash) the study's cohorts in the node's CDM.
    public func prepare() async throws {
        _ = try await localCohorts(generating: true)
    }

    /// The raw aggregates of one step (counts not yet suppressed; that is the gate's job). Names and shapes are the
    /// contract with the coordinator (`StudyRun`); a node that was never prepared generates the cohorts first.
    public func compute(_ request: StepRequest) async throws -> [NamedAggregate] {
        guard request.studyHash == study.hash else {
            throw FederationError("study-mismatch", "step for study \(request.studyHash.prefix(12)) sent to the computation of study \(study.hash.prefix(12))")
        }
        guard let analysis = study.analysis(request.analysis) else {
            throw FederationError("unknown-analysis", "study \(study.hash.prefix(12)) has no analysis \"\(request.analysis)\"")
        }
        guard analysis.type.steps.contains(request.step) else {
            throw FederationError("step-not-allowed", "analysis \(analysis.id): a \(analysis.type.rawValue) analysis does not answer \(request.step.rawValue) steps")
        }
        try guards.checkRound(request.round, analysis: analysis.id)
        let context = try await Context(computation: self, analysis: analysis, request: request)
        switch request.step {
        case .counts: return try await counts(context)
        case .levels: return try await levels(context)
        case .characterization:
            return analysis.type == .lassoLogistic ? try await designMoments(context) : try await characterization(context)
        case .incidence: return try await incidence(context)
        case .survivalHistogram: return try await survivalHistogram(context)
        case .modelPieces: return try await modelPieces(context)
        case .localTraining: return try await localTraining(context)
        case .evaluation: return try await evaluation(context)
        case .maskCorrection:
            throw FederationError("step-not-allowed", "analysis \(analysis.id): mask corrections are answered by the node service, not computed")
        }
    }
}
