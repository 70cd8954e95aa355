/// The EAU, NCCN and CAPRA criteria of `prostate-risk-groups.json` (reference §2.1–2.3): thresholds as data, each
/// table with its source and edition, so that a new guideline edition is a change of the file, not of the code.
public struct ProstateRiskRules: Sendable, Decodable {
    public let eau: EAUCriteria
    public let nccn: NCCNCriteria
    public let capra: CAPRATable

    /// Loads the bundled rule file.
    public init() throws {
        self = try RuleFile.decode(ProstateRiskRules.self, from: "prostate-risk-groups.json")
    }
}

/// The EAU risk groups for biochemical recurrence; low risk is what none of the other groups claims.
public struct EAUCriteria: Sendable, Decodable {
    public struct Intermediate: Sendable, Decodable {
        public let psaFrom: Double
        public let psaTo: Double
        public let gradeGroups: [Int]
        public let t: [String]
    }

    public struct High: Sendable, Decodable {
        public let psaAbove: Double
        public let minGradeGroup: Int
        public let t: [String]
    }

    public struct LocallyAdvanced: Sendable, Decodable {
        public let t: [String]
        public let nodePositive: Bool
    }

    public let source: RuleSource
    public let date: String
    public let intermediate: Intermediate
    public let high: High
    public let locallyAdvanced: LocallyAdvanced
}

/// The NCCN initial risk groups; low risk is what none of the other groups claims.
public struct NCCNCriteria: Sendable, Decodable {
    public struct VeryLow: Sendable, Decodable {
        public let t: [String]
        public let maxGradeGroup: Int
        public let psaBelow: Double
        public let positiveCoresBelow: Int
        public let maxCoreInvolvementAtMost: Double
        public let psaDensityBelow: Double
    }

    public struct RiskFactors: Sendable, Decodable {
        public let t: [String]
        public let gradeGroups: [Int]
        public let psaFrom: Double
        public let psaTo: Double
    }

    public struct FavourableIntermediate: Sendable, Decodable {
        public let maxRiskFactors: Int
        public let maxGradeGroup: Int
        public let percentPositiveCoresBelow: Double
    }

    public struct HighFeatures: Sendable, Decodable {
        public let t: [String]
        public let minGradeGroup: Int
        public let psaAbove: Double
    }

    public struct VeryHigh: Sendable, Decodable {
        public let t: [String]
        public let primaryGleason: Int
        public let minHighRiskFeatures: Int
        public let coresGradeGroup4OrMoreAbove: Int
    }

    public let source: RuleSource
    public let date: String
    public let veryLow: VeryLow
    public let intermediateRiskFactors: RiskFactors
    public let favourableIntermediate: FavourableIntermediate
    public let highRiskFeatures: HighFeatures
    public let veryHigh: VeryHigh
}

/// The UCSF-CAPRA point table (Cooperberg 2005).
public struct CAPRATable: Sendable, Decodable {
    public struct PSABand: Sendable, Decodable {
        /// Upper bound of the band, inclusive; nil for the open top band.
        public let atMost: Double?
        public let points: Int
    }

    public struct GleasonPoints: Sendable, Decodable {
        public let primary4or5: Int
        public let secondary4or5Only: Int
        public let no4or5: Int
    }

    public struct Threshold: Sendable, Decodable {
        public let atLeast: Double
        public let points: Int
    }

    public struct GroupBand: Sendable, Decodable {
        public let group: CAPRAScore.Group
        public let maxScore: Int
    }

    public let source: RuleSource
    public let date: String
    public let psa: [PSABand]
    public let gleason: GleasonPoints
    /// Points by clinical T code; a code not listed is outside the score's population (CAPRA was built on cT1–cT3a).
    public let t: [String: Int]
    public let percentPositiveCores: Threshold
    public let age: Threshold
    public let groups: [GroupBand]
}
