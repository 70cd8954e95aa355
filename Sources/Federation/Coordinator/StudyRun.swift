import Foundation

/// One run of a `StudyRunner`: the nodes' states, the analyses done and the state file, changed only here.
actor StudyRun {
    struct Node {
        let connection: any NodeConnection
        var status: NodeStatus
        /// The X25519 public key the node announced for this study's masking rounds.
        var maskingKey: String?
    }

    let runner: StudyRunner
    var study: StudySpecification { runner.study }
    var policy: RetryPolicy { runner.policy }
    /// In the order of the connections.
    var order: [String]
    var nodes: [String: Node]
    var state: StudyState
    /// Noise reports of the gathers of the running analysis.
    var gatherNoise: [NoiseEntry] = []

    init(runner: StudyRunner, state: StudyState?) {
        self.runner = runner
        order = runner.connections.map(\.name)
        nodes = Dictionary(uniqueKeysWithValues: runner.connections.map {
            ($0.name, Node(connection: $0, status: NodeStatus(name: $0.name, state: .refused, reason: "not announced yet")))
        })
        self.state = state ?? StudyState(hash: runner.study.hash, started: Date(), finished: [], running: nil)
        if let state { runner.log?("resuming study \(runner.study.hash.prefix(12)): \(state.finished.count) analyses done") }
    }

    /// The nodes still taking part, in connection order.
    var active: [String] { order.filter { nodes[$0]?.status.state == .approved } }

    func execute() async throws -> StudyResult {
        try await announce()
        for analysis in study.analyses {
            if state.finished.contains(where: { $0.id == analysis.id }) {
                runner.log?("\(analysis.id): done in an earlier run")
                continue
            }
            runner.log?("\(analysis.id): \(analysis.type.rawValue) on \(active.count) nodes")
            let result = try await perform(analysis)
            state.finished.append(result)
            state.running = nil
            try saveState()
        }
        for name in order where nodes[name]?.status.state == .approved { nodes[name]?.status.state = .done }
        let analyses = study.analyses.compactMap { analysis in state.finished.first { $0.id == analysis.id } }
        return StudyResult(study: study.name, hash: study.hash, started: state.started, finished: Date(),
                           nodes: statuses(), analyses: analyses)
    }

    private func perform(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        switch analysis.type {
        case .counts: try await counts(analysis)
        case .characterization: try await characterization(analysis)
        case .incidence: try await incidence(analysis)
        case .kaplanMeier: try await kaplanMeier(analysis)
        case .cox, .logistic, .poisson: try await regression(analysis)
        case .lassoLogistic: try await learning(analysis)
        }
    }

    /// Each node's status with its traffic so far, then the study's nodes the network has no connection to.
    func statuses() -> [NodeStatus] {
        order.compactMap { name in
            guard var status = nodes[name]?.status, let connection = nodes[name]?.connection else { return nil }
            status.bytesSent = connection.traffic.sent
            status.bytesReceived = connection.traffic.received
            return status
        } + study.nodes.filter { nodes[$0] == nil }.map { NodeStatus(name: $0, state: .refused, reason: "not in the network") }
    }

    func saveState() throws {
        guard let url = runner.stateFile else { return }
        try state.save(to: url)
    }

    /// Fails with "too-few-nodes", naming every node's status, when fewer than the study needs are still active.
    func requireEnoughNodes(_ context: String) throws {
        guard active.count >= study.requiredNodes else {
            throw FederationError("too-few-nodes", "\(context): the study needs \(study.requiredNodes) answering node(s), "
                + "\(active.count) remain — " + statuses().map(\.summary).joined(separator: "; "))
        }
    }

    func markFailed(_ name: String, reason: String) {
        guard nodes[name]?.status.state == .approved else { return }
        nodes[name]?.status.state = .failed
        nodes[name]?.status.reason = reason
        runner.log?("\(name): dropped (\(reason))")
    }
}
