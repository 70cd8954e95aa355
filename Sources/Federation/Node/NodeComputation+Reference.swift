import Statistics

extension NodeComputation {
    /// A model's subjects at this node, exactly as the model-pieces step reads them: for the pooled fit that a
    /// federated fit must equal (tests, `optima bench federation`). Row-level, so it never leaves the process:
    /// no step returns it.
    public struct ReferenceData: Sendable {
        public let names: [String]
        /// Follow-up days, outcome, and design row per subject.
        public let days: [Int]
        public let events: [Bool]
        public let rows: [[Double]]
    }

    /// The complete-case subjects of model `analysisID` under the agreed `levels`.
    public func referenceData(analysis analysisID: String, levels: [String: [String]]) async throws -> ReferenceData {
        guard let analysis = study.analysis(analysisID) else {
            throw FederationError("unknown-analysis", "study \(study.hash.prefix(12)) has no analysis \"\(analysisID)\"")
        }
        let request = StepRequest(studyHash: study.hash, analysis: analysisID, step: .modelPieces, levels: levels)
        let context = try await Context(computation: self, analysis: analysis, request: request)
        let design = try context.design()
        let frame = try await modelFrame(context, design: design)
        return ReferenceData(names: design.names, days: frame.days, events: frame.events, rows: frame.rows)
    }
}
