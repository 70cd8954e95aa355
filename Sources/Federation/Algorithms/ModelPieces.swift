import Statistics

/// The pieces of a likelihood at one β, summed over nodes: what each node returns for a model step and what a
/// federated Newton step solves with (federated-algorithms.md §1, §2.2). Sums of exact per-node pieces are the
/// pooled pieces, so the federated fit is the pooled fit.
public struct ModelPieces: Sendable, Codable, Equatable {
    public var logLikelihood: Double
    public var score: [Double]
    public var information: Matrix
    public var rows: Int
    public var events: Int

    public init(logLikelihood: Double, score: [Double], information: Matrix, rows: Int, events: Int) {
        self.logLikelihood = logLikelihood
        self.score = score
        self.information = information
        self.rows = rows
        self.events = events
    }

    /// Nothing yet, for `p` parameters: the start of a sum over nodes.
    public static func zero(parameters p: Int) -> ModelPieces {
        ModelPieces(logLikelihood: 0, score: [Double](repeating: 0, count: p), information: Matrix(rows: p, columns: p), rows: 0, events: 0)
    }

    /// The number of parameters, when the score and the information agree on it.
    public var parameters: Int? {
        information.rows == score.count && information.columns == score.count ? score.count : nil
    }

    /// Both must have the same number of parameters (`FederatedNewton` checks every gathered sum).
    public static func + (a: ModelPieces, b: ModelPieces) -> ModelPieces {
        precondition(a.score.count == b.score.count && a.information.rows == b.information.rows && a.information.columns == b.information.columns,
                     "model pieces of \(a.score.count) and \(b.score.count) parameters cannot be added")
        return ModelPieces(logLikelihood: a.logLikelihood + b.logLikelihood, score: zip(a.score, b.score).map { $0 + $1 },
                           information: a.information + b.information, rows: a.rows + b.rows, events: a.events + b.events)
    }
}
