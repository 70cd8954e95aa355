import Evidence
import Foundation

/// A prediction model trained across the network and kept for decision support: what it reads (covariates, their
/// levels and the design columns they make), how it standardises them, its coefficients, and its model card. The
/// coefficients are on the standardised scale with the intercept first, exactly as the federated training left them,
/// so `risk` reproduces the training's predictions.
public struct RegisteredModel: Sendable, Codable, Equatable {
    public var name: String
    /// Set by the registry when the model is stored (1 for the first model of a name).
    public var version: Int
    public var created: Date
    public var covariates: [Feature]
    /// Levels of each categorical covariate (by feature spec), reference first.
    public var levels: [String: [String]]
    /// Design column names, intercept excluded, in coefficient order.
    public var designNames: [String]
    /// Pooled mean and standard deviation of each design column.
    public var centers: [Double]
    public var scales: [Double]
    /// Intercept first, then one per design column.
    public var coefficients: [Double]
    public var card: ModelCard

    public init(name: String, version: Int = 0, created: Date = Date(), covariates: [Feature], levels: [String: [String]],
                designNames: [String], centers: [Double], scales: [Double], coefficients: [Double], card: ModelCard) {
        self.name = name
        self.version = version
        self.created = created
        self.covariates = covariates
        self.levels = levels
        self.designNames = designNames
        self.centers = centers
        self.scales = scales
        self.coefficients = coefficients
        self.card = card
    }

    /// The predicted probability of the outcome for one subject, from its design values keyed by design name
    /// (an indicator is 1 or 0); standardised here with the model's own centers and scales.
    public func risk(for values: [String: Double]) throws -> Double {
        guard coefficients.count == designNames.count + 1, centers.count == designNames.count, scales.count == designNames.count else {
            throw ModelRegistryError("model-shape", "model \(name) v\(version): \(coefficients.count) coefficients for \(designNames.count) design columns")
        }
        let missing = designNames.filter { values[$0] == nil }
        guard missing.isEmpty else {
            throw ModelRegistryError("missing-value", "model \(name) v\(version) needs a value for " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        var eta = coefficients[0]
        for (j, column) in designNames.enumerated() {
            let scale = scales[j] > 0 ? scales[j] : 1
            eta += coefficients[j + 1] * ((values[column]! - centers[j]) / scale)
        }
        return 1 / (1 + exp(-eta))
    }

    enum CodingKeys: String, CodingKey {
        case name, version, created, covariates, levels, centers, scales, coefficients, card
        case designNames = "design_names"
    }
}
