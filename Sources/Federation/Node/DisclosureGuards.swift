/// The node's disclosure rules: the study's minimum cell count never below the node's own, and the DataSHIELD /
/// vantage6 guards (federated-algorithms.md §7.4).
public struct DisclosureGuards: Sendable, Codable, Equatable {
    /// Released counts are 0 or at least this.
    public var minimumCellCount: Int
    /// Subjects a node must hold to take part in an analysis (v6 GLM_MINIMUM_ROWS).
    public var minimumRows: Int
    /// Model parameters at most this share of the subjects (DataSHIELD nfilter.glm).
    public var maximumParameterRatio: Double
    /// Each level of a binary outcome or indicator held by at least this many subjects (nfilter.tab).
    public var minimumLevelCount: Int
    /// Factor levels at most this many (nfilter.levels.max) and this share of subjects (nfilter.levels.density).
    public var maximumLevels: Int
    public var maximumLevelDensity: Double
    /// A subset (cohort) must keep at least this many persons and leave out at least as many (nfilter.subset).
    public var minimumSubset: Int
    /// Newton iterations or learning rounds answered per analysis at most.
    public var maximumRounds: Int

    public init(minimumCellCount: Int = 5, minimumRows: Int = 10, maximumParameterRatio: Double = 0.33, minimumLevelCount: Int = 3,
                maximumLevels: Int = 40, maximumLevelDensity: Double = 0.33, minimumSubset: Int = 3, maximumRounds: Int = 1000) {
        self.minimumCellCount = minimumCellCount
        self.minimumRows = minimumRows
        self.maximumParameterRatio = maximumParameterRatio
        self.minimumLevelCount = minimumLevelCount
        self.maximumLevels = maximumLevels
        self.maximumLevelDensity = maximumLevelDensity
        self.minimumSubset = minimumSubset
        self.maximumRounds = maximumRounds
    }

    /// These guards with the study's minimum cell count, when it is stricter.
    public func applying(_ privacy: StudyPrivacy) -> DisclosureGuards {
        var guards = self
        guards.minimumCellCount = max(minimumCellCount, privacy.minimumCellCount)
        return guards
    }

    enum CodingKeys: String, CodingKey {
        case minimumCellCount = "minimum_cell_count", minimumRows = "minimum_rows"
        case maximumParameterRatio = "maximum_parameter_ratio", minimumLevelCount = "minimum_level_count"
        case maximumLevels = "maximum_levels", maximumLevelDensity = "maximum_level_density"
        case minimumSubset = "minimum_subset", maximumRounds = "maximum_rounds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DisclosureGuards()
        self.init(minimumCellCount: try c.decodeIfPresent(Int.self, forKey: .minimumCellCount) ?? d.minimumCellCount,
                  minimumRows: try c.decodeIfPresent(Int.self, forKey: .minimumRows) ?? d.minimumRows,
                  maximumParameterRatio: try c.decodeIfPresent(Double.self, forKey: .maximumParameterRatio) ?? d.maximumParameterRatio,
                  minimumLevelCount: try c.decodeIfPresent(Int.self, forKey: .minimumLevelCount) ?? d.minimumLevelCount,
                  maximumLevels: try c.decodeIfPresent(Int.self, forKey: .maximumLevels) ?? d.maximumLevels,
                  maximumLevelDensity: try c.decodeIfPresent(Double.self, forKey: .maximumLevelDensity) ?? d.maximumLevelDensity,
                  minimumSubset: try c.decodeIfPresent(Int.self, forKey: .minimumSubset) ?? d.minimumSubset,
                  maximumRounds: try c.decodeIfPresent(Int.self, forKey: .maximumRounds) ?? d.maximumRounds)
    }
}
