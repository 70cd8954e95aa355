/// How TNM 8 sets a lung cancer's T category from its size and features (`lung-tnm8-t-category.json`,
/// reference §4.1): the size band, raised by any invasion feature; the highest category wins.
struct LungTCategoryRules: Decodable, Sendable {
    struct SizeBand: Decodable, Sendable {
        let category: String
        /// Inclusive upper limit in mm; nil for the last, open band.
        let upToMM: Double?
    }

    /// A histologic finding that names the whole lesion's category instead of its size band.
    struct HistologicFeature: Decodable, Sendable {
        let category: String
        /// The largest lesion the definition allows.
        let maxSizeMM: Double
    }

    let source: LungRuleSource
    /// Categories from lowest to highest.
    let order: [String]
    let sizeBands: [SizeBand]
    let histologicFeatures: [String: HistologicFeature]
    let features: [String: String]

    static let fileName = "lung-tnm8-t-category.json"

    static func load() throws -> LungTCategoryRules {
        let rules = try RuleFile.decode(LungTCategoryRules.self, from: fileName)
        let named = rules.sizeBands.map(\.category) + rules.histologicFeatures.values.map(\.category) + rules.features.values
        if let unknown = named.first(where: { !rules.order.contains($0) }) {
            throw RuleFileError(file: fileName, reason: "category \(unknown) is not in `order`")
        }
        if let missing = LungTumourFeature.allCases.first(where: { rules.features[$0.rawValue] == nil && rules.histologicFeatures[$0.rawValue] == nil }) {
            throw RuleFileError(file: fileName, reason: "feature \(missing.rawValue) has no category")
        }
        return rules
    }

    /// The size band of a tumour of `sizeMM` (a size exactly on a limit belongs to the lower band).
    func band(sizeMM: Double) -> String? {
        sizeBands.first { band in band.upToMM.map { sizeMM <= $0 } ?? true }?.category
    }

    /// The T category from size and features, or nil when neither says anything. `sizeNeeded` is true when the
    /// answer is only a lower bound because the size is unknown and a larger tumour would raise it.
    func derive(sizeMM: Double?, features: [LungTumourFeature]) -> LungTDerivation? {
        var candidates: [(category: String, reason: String)] = []
        let histologic = features.compactMap { feature in histologicFeatures[feature.rawValue].map { (feature: feature, rule: $0) } }
        let fitting = histologic.filter { item in sizeMM.map { $0 <= item.rule.maxSizeMM } ?? true }
        if let best = fitting.max(by: { rank($0.rule.category) < rank($1.rule.category) }) {
            candidates.append((best.rule.category, best.feature.rawValue))
        } else if let sizeMM, let band = band(sizeMM: sizeMM) {
            candidates.append((band, "tumourSizeMM \(sizeMM.factText) mm"))
        }
        for feature in features {
            if let category = self.features[feature.rawValue] { candidates.append((category, feature.rawValue)) }
        }
        guard let highest = candidates.max(by: { rank($0.category) < rank($1.category) }) else { return nil }
        let baseKnown = sizeMM != nil || !fitting.isEmpty
        return LungTDerivation(category: highest.category,
                               from: candidates.filter { $0.category == highest.category }.map(\.reason),
                               sizeNeeded: !baseKnown && highest.category != order.last,
                               contradicted: histologic.filter { item in !fitting.contains { $0.feature == item.feature } }.map(\.feature.rawValue))
    }

    func rank(_ category: String) -> Int {
        order.firstIndex(of: category) ?? -1
    }
}

/// A T category derived from size and features, with what it came from.
struct LungTDerivation: Sendable, Equatable {
    let category: String
    /// The facts that set it: `tumourSizeMM 25 mm`, `visceral-pleura`.
    let from: [String]
    /// The size is unknown and could raise the category.
    let sizeNeeded: Bool
    /// Histologic features ignored because the tumour is larger than their definition allows.
    let contradicted: [String]
}
