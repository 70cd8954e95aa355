/// One subject's predicted risk from a registered model, with the card a reader needs to judge it: what
/// `POST /api/models/{name}/predict` and `optima model predict --json` answer.
public struct ModelPrediction: Sendable, Codable, Equatable {
    public var model: String
    public var version: Int
    /// The predicted probability of the card's outcome within its horizon.
    public var risk: Double
    public var card: ModelCard

    public init(model: String, version: Int, risk: Double, card: ModelCard) {
        self.model = model
        self.version = version
        self.risk = risk
        self.card = card
    }
}
