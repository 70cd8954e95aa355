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
    /// (`designValues` says which are needed); standardised here with the model's own centers and scales.
    public func risk(for values: [String: Double]) throws -> Double {
        guard coefficients.count == designNames.count + 1, centers.count == designNames.count, scales.count == designNames.count else {
            throw ModelRegistryError("model-shape", "model \(name) v\(version): \(coefficients.count) coefficients for \(designNames.count) design columns")
        }
        let row = try designValues(values)
        var eta = coefficients[0]
        for j in designNames.indices {
            let scale = scales[j] > 0 ? scales[j] : 1
            eta += coefficients[j + 1] * ((row[j] - centers[j]) / scale)
        }
        return 1 / (1 + exp(-eta))
    }

    /// One subject's design row, in `designNames` order, from values by design name. A number is needed for every
    /// numeric column; a categorical covariate's indicators are 0 or 1, at most one of them 1, and once one of them
    /// is given the others default to 0 (a patient at "Stage 3" needs only `"stage: Stage 3": 1`; one at the
    /// reference level gives any of them as 0). Throws naming every unknown, missing or impossible value.
    public func designValues(_ values: [String: Double]) throws -> [Double] {
        let known = Set(designNames)
        let unknown = values.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw ModelRegistryError("unknown-value", "model \(name) v\(version) has no value " + Self.quoted(unknown)
                + " (its values: " + Self.quoted(designNames) + ")")
        }
        if let bad = values.filter({ !$0.value.isFinite }).keys.sorted().first {
            throw ModelRegistryError("invalid-value", "model \(name) v\(version): \"\(bad)\" is not a finite number")
        }
        var filled = values, missing: [String] = []
        for group in indicatorGroups {
            let given = group.filter { values[$0] != nil }
            if given.isEmpty { missing += group; continue }
            if let bad = given.first(where: { values[$0] != 0 && values[$0] != 1 }) {
                throw ModelRegistryError("invalid-value", "model \(name) v\(version): \"\(bad)\" is an indicator, 0 or 1 (got \(values[bad]!))")
            }
            guard given.count { values[$0] == 1 } <= 1 else {
                throw ModelRegistryError("invalid-value", "model \(name) v\(version): at most one of " + Self.quoted(group) + " may be 1")
            }
            for column in group where values[column] == nil { filled[column] = 0 }
        }
        missing += designNames.filter { filled[$0] == nil && !missing.contains($0) }
        guard missing.isEmpty else {
            throw ModelRegistryError("missing-value", "model \(name) v\(version) needs a value for " + Self.quoted(designNames.filter(missing.contains)))
        }
        return designNames.map { filled[$0]! }
    }

    /// The indicator columns of each categorical covariate, named as the federated design names them
    /// ("label: level" for every level after the reference).
    var indicatorGroups: [[String]] {
        covariates.filter { !$0.isNumeric }.compactMap { feature in
            let name = feature.label ?? feature.description
            return levels[feature.description].map { $0.dropFirst().map { "\(name): \($0)" } }
        }
    }

    private static func quoted(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey {
        case name, version, created, covariates, levels, centers, scales, coefficients, card
        case designNames = "design_names"
    }
}
