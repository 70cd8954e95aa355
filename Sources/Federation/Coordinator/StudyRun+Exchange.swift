import Foundation

extension StudyRun {
    /// What came of asking one node one step, retries included.
    enum Answer: Sendable {
        case replied(StepReply, retries: Int)
        /// `sawReply`: some attempt's reply arrived but was unusable, so the coordinator holds a masked vector of this node.
        case failed(String, retries: Int, sawReply: Bool = false)
        case cancelled(retries: Int)
    }

    /// Sends one step to every active node at once and pools the replies. A node that fails (after its retries) is
    /// dropped. Under secure aggregation each request carries the round's masking participants; when a node drops
    /// after the others masked with it, each survivor is asked for its correction so the survivors' sum unmasks;
    /// when that fails too, the round starts again with fresh masks.
    func exchange(_ analysis: StudyAnalysis, _ step: StepKind, round: Int, expect: [StepExpectation], fractionalBits: Int = 24,
                  configure: (inout StepRequest) -> Void = { _ in }) async throws -> GatheredStep {
        let masked = study.privacy.secureAggregation && step != .levels
        var attempt = 0
        while true {
            try requireEnoughNodes("analysis \(analysis.id), \(step.rawValue) step")
            let participants = active
            var request = StepRequest(studyHash: study.hash, analysis: analysis.id, step: step, round: round)
            configure(&request)
            if masked {
                request.masking = MaskingRound(id: "\(analysis.id)/\(step.rawValue)/\(round)/\(attempt)", fractionalBits: fractionalBits,
                                               participants: Dictionary(uniqueKeysWithValues: participants.map { ($0, nodes[$0]!.maskingKey ?? "") }))
            }
            let answers = await ask(request, of: participants) { reply in
                try StudyRun.check(reply, against: expect, masked: masked)
            }
            var replies: [String: StepReply] = [:], failed: [String] = [], heldFromFailed = false
            for name in participants {
                switch answers[name]! {
                case .replied(let reply, _): replies[name] = reply
                case .failed(let reason, _, let sawReply):
                    markFailed(name, reason: reason)
                    failed.append(name)
                    heldFromFailed = heldFromFailed || sawReply
                case .cancelled: throw CancellationError()
                }
            }
            let noise = participants.compactMap { name in
                replies[name]?.noise.map { NoiseEntry(node: name, step: step, round: round, report: $0) }
            }
            if !masked {
                try requireEnoughNodes("analysis \(analysis.id), \(step.rawValue) step")
                let answered = participants.filter { replies[$0] != nil }
                return GatheredStep(nodes: answered, sums: GatheredStep.sum(answered.map { replies[$0]! }, expected: expect),
                                    replies: replies, noise: noise)
            }
            // Masked replies must line up: a node whose layout differs from the most common one sent garbage.
            let layouts = Dictionary(grouping: replies.keys.sorted()) { StudyRun.maskedParts(replies[$0]!)!.layout.map(\.name) }
            let common = layouts.max { ($0.value.count, $1.key.count) < ($1.value.count, $0.key.count) }?.key ?? []
            for (layout, names) in layouts where layout != common {
                for name in names { markFailed(name, reason: "its masked reply is laid out unlike the other nodes'"); failed.append(name); replies[name] = nil }
                heldFromFailed = true
            }
            try requireEnoughNodes("analysis \(analysis.id), \(step.rawValue) step")
            // Corrections reveal the survivors' masks with a dropped node: with a reply of that node in hand, the
            // coordinator could unmask it. So then the round starts again with fresh masks instead.
            if heldFromFailed {
                runner.log?("\(analysis.id) \(step.rawValue) round \(round): a dropped node's reply arrived unusable; new masking round")
                attempt += 1
                continue
            }
            let survivors = participants.filter { replies[$0] != nil }
            guard let first = survivors.first.flatMap({ StudyRun.maskedParts(replies[$0]!) }) else { continue }
            var corrections: [[UInt64]] = []
            if !failed.isEmpty {
                var correction = StepRequest(studyHash: study.hash, analysis: analysis.id, step: .maskCorrection, round: round)
                correction.masking = request.masking
                correction.dropped = failed.sorted()
                let length = first.values.count
                let answers = await ask(correction, of: survivors) { reply in
                    guard case .masked(let values, _)? = reply["correction"], values.count == length else {
                        throw FederationError("bad-reply", "the mask correction is not \(length) masked values")
                    }
                }
                var complete = true
                for name in survivors {
                    switch answers[name]! {
                    case .replied(let reply, _):
                        if case .masked(let values, _)? = reply["correction"] { corrections.append(values) }
                    case .failed(let reason, _, _): markFailed(name, reason: reason); complete = false
                    case .cancelled: throw CancellationError()
                    }
                }
                guard complete else {
                    runner.log?("\(analysis.id) \(step.rawValue) round \(round): a node failed during mask correction; new masking round")
                    attempt += 1
                    continue
                }
            }
            let unmasked = try SecureAggregation.unmask(masked: survivors.map { StudyRun.maskedParts(replies[$0]!)!.values },
                                                        corrections: corrections, layout: first.layout, fractionalBits: fractionalBits)
            return GatheredStep(nodes: survivors, sums: GatheredStep.sums(of: unmasked), replies: [:], noise: noise)
        }
    }

    /// Asks each named node at once, each with its retries; counts answered steps and retries in the statuses.
    func ask(_ request: StepRequest, of names: [String], check: @escaping @Sendable (StepReply) throws -> Void) async -> [String: Answer] {
        let policy = self.policy, inspector = runner.inspector, log = runner.log
        let answers = await withTaskGroup(of: (String, Answer).self) { group in
            for name in names {
                let connection = nodes[name]!.connection
                group.addTask {
                    (name, await StudyRun.ask(connection, request, policy: policy, inspector: inspector, log: log, check: check))
                }
            }
            var answers: [String: Answer] = [:]
            for await (name, answer) in group { answers[name] = answer }
            return answers
        }
        for (name, answer) in answers {
            switch answer {
            case .replied(_, let retries):
                nodes[name]?.status.stepsAnswered += 1
                nodes[name]?.status.retries += retries
            case .failed(_, let retries, _), .cancelled(let retries):
                nodes[name]?.status.retries += retries
            }
        }
        return answers
    }

    /// One node, one step: each attempt raced against the timeout; failures retried after a doubling backoff, except
    /// refusals; a cancellation ends at once.
    private static func ask(_ connection: any NodeConnection, _ request: StepRequest, policy: RetryPolicy,
                            inspector: (@Sendable (String, StepReply) -> Void)?, log: (@Sendable (String) -> Void)?,
                            check: @Sendable (StepReply) throws -> Void) async -> Answer {
        let name = connection.name
        var reason = "", sawReply = false
        for attempt in 0...policy.retries {
            if attempt > 0 {
                log?("\(name): \(reason); retry \(attempt) of \(policy.retries)")
                do { try await Task.sleep(for: policy.delay(beforeRetry: attempt)) } catch { return .cancelled(retries: attempt) }
            }
            do {
                let reply = try await withDeadline(policy.timeout, what: "\(name): \(request.analysis) \(request.step.rawValue) round \(request.round)") {
                    try await connection.step(request)
                }
                inspector?(name, reply)
                sawReply = true
                guard reply.node == name, reply.studyHash == request.studyHash, reply.analysis == request.analysis,
                      reply.step == request.step, reply.round == request.round else {
                    throw FederationError("bad-reply", "the reply is for \(reply.node) \(reply.analysis) \(reply.step.rawValue) round \(reply.round)")
                }
                try check(reply)
                return .replied(reply, retries: attempt)
            } catch is CancellationError {
                return .cancelled(retries: attempt)
            } catch {
                if Task.isCancelled { return .cancelled(retries: attempt) }
                if let refusal = error as? FederationError, RetryPolicy.refusals.contains(refusal.code) {
                    return .failed("refused: \(refusal.message)", retries: attempt, sawReply: sawReply)
                }
                reason = describe(error)
            }
        }
        return .failed("\(reason) (after \(policy.retries) \(policy.retries == 1 ? "retry" : "retries"))", retries: policy.retries, sawReply: sawReply)
    }

    /// The reply holds what the step's contract says: each expected aggregate (or, masked, one masked vector whose
    /// layout lists them), else it is garbage.
    static func check(_ reply: StepReply, against expected: [StepExpectation], masked: Bool) throws {
        if masked {
            guard let parts = maskedParts(reply) else { throw FederationError("bad-reply", "a masked reply must be one masked aggregate") }
            let total = parts.layout.reduce(0) { $0 + $1.length }
            guard total == parts.values.count else {
                throw FederationError("bad-reply", "the masked layout lists \(total) values, the reply holds \(parts.values.count)")
            }
            for expectation in expected where expectation.kind != .labels {
                if let problem = expectation.mismatch(parts.layout.first { $0.name == expectation.name }) {
                    throw FederationError("bad-reply", problem)
                }
            }
        } else {
            for expectation in expected {
                if let problem = expectation.mismatch(reply[expectation.name]) { throw FederationError("bad-reply", problem) }
            }
        }
    }

    static func maskedParts(_ reply: StepReply) -> (values: [UInt64], layout: [MaskedLayout])? {
        guard reply.aggregates.count == 1, case .masked(let values, let layout) = reply.aggregates[0].value else { return nil }
        return (values, layout)
    }

    /// An error as one line for a status: the code and message of ours, the description of others.
    static func describe(_ error: any Error) -> String {
        if let error = error as? FederationError { return "\(error.code): \(error.message)" }
        return "\(error)"
    }
}
