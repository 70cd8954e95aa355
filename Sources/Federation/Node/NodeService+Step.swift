import Foundation

extension NodeService {
    /// Steps whose counts get differential-privacy noise when the study asks for it (model pieces are not noised,
    /// federated-algorithms.md §6.5).
    static let noisedSteps: Set<StepKind> = [.counts, .characterization, .incidence, .survivalHistogram]

    func answerStep(_ envelope: Data, _ note: inout AuditNote) async throws -> StepReply {
        let (_, payload) = try await open(envelope, &note)
        let request: StepRequest
        do { request = try JSONDecoder().decode(StepRequest.self, from: payload) } catch {
            throw FederationError("bad-request", "the step request is not valid JSON of a step (study_hash, analysis, step, round, …)")
        }
        note.resource = Self.resource(request.studyHash)
        note.facts = ["analysis \(request.analysis.prefix(64))", "step \(request.step.rawValue)", "round \(request.round)"]
        let study = try await approvedStudy(hash: request.studyHash)
        let name = configuration.name
        guard study.nodes.contains(name) else {
            throw FederationError("node-not-in-study", "node \(name) is not among the nodes of study \(study.hash.prefix(12))")
        }
        guard let analysis = study.analysis(request.analysis) else {
            throw FederationError("bad-request", "study \(study.hash.prefix(12)) has no analysis \(request.analysis.prefix(64).debugDescription)")
        }
        guard configuration.allowedAnalyses.contains(analysis.type) else {
            throw FederationError("analysis-not-allowed", "node \(name) does not answer \(analysis.type.rawValue) analyses (analysis \(analysis.id); allowed_analyses in its configuration)")
        }
        func reply(_ aggregates: [NamedAggregate], noise: NoiseReport? = nil) -> StepReply {
            StepReply(node: name, studyHash: study.hash, analysis: analysis.id, step: request.step, round: request.round,
                      aggregates: aggregates, noise: noise)
        }
        let secure = study.privacy.secureAggregation
        let masks = secure && request.step != .levels
        let key = masks ? try checkedMaskingKey(study: study, request: request) : nil
        if request.step == .maskCorrection {
            guard let key, let round = request.masking else {
                throw FederationError("step-not-allowed", "study \(study.hash.prefix(12)) does not use secure aggregation: no mask to correct")
            }
            guard let dropped = request.dropped, !dropped.isEmpty else {
                throw FederationError("bad-request", "a mask correction names the dropped nodes (dropped)")
            }
            guard let length = maskedLength(study: study.hash, round: round.id) else {
                throw FederationError("bad-request", "node \(name) sent no masked reply in round \(round.id.prefix(80)) of study \(study.hash.prefix(12))")
            }
            try claimCorrection(study: study.hash, round: round.id, dropped: dropped)
            let correction = try SecureAggregation.correction(node: name, key: key, round: round, dropped: dropped, length: length)
            return reply([NamedAggregate("correction", .masked(values: correction, layout: []))])
        }
        try await prepare(study)
        let guards = try await guards(for: study)
        var aggregates = try await NodeComputation(database: database, study: study, guards: guards, cache: cache).compute(request)
        var noise: NoiseReport?
        if let privacy = study.privacy.differentialPrivacy, Self.noisedSteps.contains(request.step) {
            let budget = try await database.spendPrivacyBudget(studyHash: study.hash, epsilon: privacy.epsilonPerQuery, total: privacy.epsilon)
            let noisy = DifferentialPrivacy.addNoise(aggregates, settings: privacy)
            aggregates = noisy.aggregates
            noise = NoiseReport(mechanism: privacy.mechanism, scale: noisy.scale, sensitivity: noisy.sensitivity,
                                epsilonSpent: budget.spent, epsilonRemaining: budget.remaining)
            note.facts.append("epsilon spent \(budget.spent)")
        }
        aggregates = try DisclosureGate.release(aggregates, guards: guards, masked: masks)
        if let key, let round = request.masking {
            let masked = try SecureAggregation.mask(aggregates, node: name, key: key, round: round)
            if case .masked(let values, _) = masked.value { rememberMaskedLength(values.count, study: study.hash, round: round.id) }
            aggregates = [masked]
        }
        return reply(aggregates, noise: noise)
    }

    /// This node's masking key for the study, once the request's round lists it; a round without this node, or with
    /// another key (a node restarted, or a coordinator swapping keys), is refused.
    private func checkedMaskingKey(study: StudySpecification, request: StepRequest) throws -> MaskingKey {
        let key = maskingKey(for: study.hash)
        guard let round = request.masking, round.participants[configuration.name] == key.publicKeyBase64 else {
            throw FederationError("masking-key-mismatch", "the masking round of study \(study.hash.prefix(12)) does not list node "
                + "\(configuration.name) with its current masking key: announce the study again and use the key it returns")
        }
        return key
    }
}
