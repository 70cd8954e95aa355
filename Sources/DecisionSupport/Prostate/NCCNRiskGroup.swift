/// The NCCN initial risk group of a prostate cancer (reference §2.2). Only the criteria are encoded; NCCN's text
/// is copyrighted.
public enum NCCNRiskGroup: String, Sendable, Codable, CaseIterable {
    case veryLow = "very-low"
    case low
    /// Intermediate risk that could not be split because the share of positive cores is unknown.
    case intermediate
    case favourableIntermediate = "favourable-intermediate"
    case unfavourableIntermediate = "unfavourable-intermediate"
    case high
    case veryHigh = "very-high"
    case regional
    case metastatic

    /// The group in words, for a card or a table.
    public var label: String {
        switch self {
        case .veryLow: "very low"
        case .low: "low"
        case .intermediate: "intermediate"
        case .favourableIntermediate: "favourable intermediate"
        case .unfavourableIntermediate: "unfavourable intermediate"
        case .high: "high"
        case .veryHigh: "very high"
        case .regional: "regional"
        case .metastatic: "metastatic"
        }
    }

    /// What the classification reads. The optional facts refine a group; when one is nil its criterion is skipped.
    public struct Inputs: Sendable, Equatable {
        /// PSA at diagnosis, ng/mL.
        public var psa: Double
        /// ISUP grade group 1–5.
        public var gradeGroup: Int
        /// Clinical T code as `TNMCategory.prostateCode` spells it (`T1c`, `T2b`, `T4`).
        public var t: String
        public var nodePositive: Bool = false
        public var metastatic: Bool = false
        public var gleasonPrimary: Int?
        public var positiveCores: Int?
        public var coresTaken: Int?
        /// The highest share of cancer in one core, percent.
        public var maxCoreInvolvementPercent: Double?
        /// ng/mL/g.
        public var psaDensity: Double?
        public var coresGradeGroup4OrMore: Int?

        public init(psa: Double, gradeGroup: Int, t: String) {
            self.psa = psa
            self.gradeGroup = gradeGroup
            self.t = t
        }
    }

    /// A group and the optional facts whose absence could have changed it (the group may be less specific).
    public struct Result: Sendable, Equatable {
        public let group: NCCNRiskGroup
        /// `PatientFacts` names of the optional facts that were needed and absent.
        public let skipped: [FactName]
    }

    /// Classifies in the order metastatic → regional → very high → high → intermediate (unfavourable before
    /// favourable) → very low → low.
    public static func classify(_ inputs: Inputs, criteria: NCCNCriteria) -> Result {
        if inputs.metastatic { return Result(group: .metastatic, skipped: []) }
        if inputs.nodePositive { return Result(group: .regional, skipped: []) }
        var skipped: [FactName] = []

        let highCriteria = criteria.highRiskFeatures
        let highFeatures = [highCriteria.t.contains(inputs.t), inputs.gradeGroup >= highCriteria.minGradeGroup,
                            inputs.psa > highCriteria.psaAbove].filter { $0 }.count
        let veryHigh = criteria.veryHigh
        if veryHigh.t.contains(inputs.t) || highFeatures >= veryHigh.minHighRiskFeatures { return Result(group: .veryHigh, skipped: []) }
        if let primary = inputs.gleasonPrimary {
            if primary >= veryHigh.primaryGleason { return Result(group: .veryHigh, skipped: []) }
        } else if inputs.gradeGroup >= 4 {
            // Grade groups 4 and 5 include patterns with primary 5 (5+3, 5+4, 5+5).
            skipped.append("gleasonPrimary")
        }
        if let cores = inputs.coresGradeGroup4OrMore {
            if cores > veryHigh.coresGradeGroup4OrMoreAbove { return Result(group: .veryHigh, skipped: []) }
        } else if inputs.gradeGroup >= 4 {
            skipped.append("coresGradeGroup4OrMore")
        }
        if highFeatures > 0 { return Result(group: .high, skipped: skipped) }

        let factors = criteria.intermediateRiskFactors
        let riskFactors = [factors.t.contains(inputs.t), factors.gradeGroups.contains(inputs.gradeGroup),
                           inputs.psa >= factors.psaFrom && inputs.psa <= factors.psaTo].filter { $0 }.count
        if riskFactors > 0 {
            let favourable = criteria.favourableIntermediate
            if riskFactors > favourable.maxRiskFactors || inputs.gradeGroup > favourable.maxGradeGroup {
                return Result(group: .unfavourableIntermediate, skipped: skipped)
            }
            guard let percent = percentPositiveCores(inputs) else {
                return Result(group: .intermediate, skipped: skipped + coreCountFacts(inputs))
            }
            return Result(group: percent < favourable.percentPositiveCoresBelow ? .favourableIntermediate : .unfavourableIntermediate,
                          skipped: skipped)
        }

        let veryLow = criteria.veryLow
        guard veryLow.t.contains(inputs.t), inputs.gradeGroup <= veryLow.maxGradeGroup, inputs.psa < veryLow.psaBelow else {
            return Result(group: .low, skipped: skipped)
        }
        var unknown: [FactName] = []
        var qualifies = true
        if let positive = inputs.positiveCores { qualifies = qualifies && positive < veryLow.positiveCoresBelow } else { unknown.append("biopsyCoresPositive") }
        if let involvement = inputs.maxCoreInvolvementPercent {
            qualifies = qualifies && involvement <= veryLow.maxCoreInvolvementAtMost
        } else {
            unknown.append("maxCoreInvolvementPercent")
        }
        if let density = inputs.psaDensity { qualifies = qualifies && density < veryLow.psaDensityBelow } else { unknown.append("psaDensity") }
        if !qualifies { return Result(group: .low, skipped: skipped) }
        return Result(group: unknown.isEmpty ? .veryLow : .low, skipped: skipped + unknown)
    }

    private static func percentPositiveCores(_ inputs: Inputs) -> Double? {
        guard let positive = inputs.positiveCores, let taken = inputs.coresTaken, taken > 0 else { return nil }
        return 100 * Double(positive) / Double(taken)
    }

    private static func coreCountFacts(_ inputs: Inputs) -> [FactName] {
        (inputs.positiveCores == nil ? ["biopsyCoresPositive"] : []) + (inputs.coresTaken == nil ? ["biopsyCoresTaken"] : [])
    }
}
