import Foundation

/// What a study run produced: every analysis's pooled numbers, and each node's part. Written out by `write(to:)`
/// as `result.json`, a readable `result.md` and SVG pictures.
public struct StudyResult: Sendable, Codable {
    public var study: String
    public var hash: String
    public var started: Date
    public var finished: Date
    public var nodes: [NodeStatus]
    public var analyses: [AnalysisResult]

    public init(study: String, hash: String, started: Date, finished: Date, nodes: [NodeStatus], analyses: [AnalysisResult]) {
        self.study = study
        self.hash = hash
        self.started = started
        self.finished = finished
        self.nodes = nodes
        self.analyses = analyses
    }

    public func analysis(_ id: String) -> AnalysisResult? { analyses.first { $0.id == id } }
}
