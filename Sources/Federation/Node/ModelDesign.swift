import Evidence

/// The design matrix of a federated model, fixed before any node computes: a numeric feature is one column, a
/// categorical one an indicator per agreed level after the first (the reference). Built from the study's
/// covariates and the levels agreed across nodes, so every node and the coordinator name and order the columns
/// alike (no node's data decides them alone).
public struct ModelDesign: Sendable, Equatable {
    /// One subject's value of a covariate: a number, or a category label.
    public enum Value: Sendable, Hashable {
        case number(Double)
        case label(String)
    }

    public let covariates: [Feature]
    /// The agreed levels of each categorical covariate, by feature spec, reference first.
    public let levels: [String: [String]]
    /// Design column names, intercept excluded: a number's label (or spec); "name: level" for every level of a
    /// category after the first, where name is the feature's label (or spec).
    public let names: [String]

    /// Throws when a categorical covariate has no agreed levels, or fewer than 2 (it cannot be estimated).
    public init(covariates: [Feature], levels: [String: [String]]) throws {
        var names: [String] = [], kept: [String: [String]] = [:]
        for feature in covariates {
            let name = feature.label ?? feature.description
            if feature.isNumeric { names.append(name); continue }
            guard let agreed = levels[feature.description] else {
                throw FederationError("invalid-design", "covariate \(feature): no agreed levels (the levels step gives them)")
            }
            guard agreed.count >= 2, Set(agreed).count == agreed.count else {
                throw FederationError("invalid-design", "covariate \(feature) has \(agreed.count) agreed level(s)\(agreed.count >= 2 ? " with one repeated" : ""): it needs 2 or more distinct levels to be estimated")
            }
            kept[feature.description] = agreed
            names += agreed.dropFirst().map { "\(name): \($0)" }
        }
        self.covariates = covariates
        self.levels = kept
        self.names = names
    }

    /// The column names, "(Intercept)" first when asked (logistic and Poisson models; a Cox model has none).
    public func names(intercept: Bool) -> [String] {
        intercept ? ["(Intercept)"] + names : names
    }

    /// One subject's design row (intercept excluded) from its covariate values in `covariates` order, or nil when
    /// a value is missing, of the wrong kind, or a label outside the agreed levels: complete cases only.
    public func row(_ values: [Value?]) -> [Double]? {
        guard values.count == covariates.count else { return nil }
        var row: [Double] = []
        row.reserveCapacity(names.count)
        for (feature, value) in zip(covariates, values) {
            switch value {
            case .number(let x)? where feature.isNumeric: row.append(x)
            case .label(let label)? where !feature.isNumeric:
                guard let agreed = levels[feature.description], let index = agreed.firstIndex(of: label) else { return nil }
                row += (1..<agreed.count).map { $0 == index ? 1 : 0 }
            default: return nil
            }
        }
        return row
    }

    /// The design columns of each categorical covariate's indicators, by feature spec (for the level guards).
    var indicatorColumns: [(feature: Feature, columns: Range<Int>)] {
        var column = 0, result: [(Feature, Range<Int>)] = []
        for feature in covariates {
            if feature.isNumeric { column += 1; continue }
            let count = (levels[feature.description]?.count ?? 1) - 1
            result.append((feature, column..<(column + count)))
            column += count
        }
        return result
    }
}
