/// The coefficients of `predict-prostate.json`: the PREDICT Prostate release model (reference §2.4), with its
/// source and the input domain the model was built on.
public struct PredictProstateCoefficients: Sendable, Decodable {
    /// `coefficient × (x − centre)`.
    public struct CentredTerm: Sendable, Decodable {
        public let coefficient: Double
        public let centre: Double
    }

    /// `coefficient × (sqrt((PPC + offset) / 100) − centre)`.
    public struct PPCTerm: Sendable, Decodable {
        public let coefficient: Double
        public let offset: Double
        public let centre: Double
    }

    /// Log cumulative baseline hazard `intercept + logDays × ln t + daysCubed × t³`, t in days.
    public struct Baseline: Sendable, Decodable {
        public let intercept: Double
        public let logDays: Double
        public let daysCubed: Double
    }

    public struct ProstateCancer: Sendable, Decodable {
        /// Applied to (age/10)³.
        public let ageCubedOver1000: CentredTerm
        /// Applied to ln((PSA + 1)/100).
        public let logPSA: CentredTerm
        /// cT1…cT4.
        public let tStage: [Double]
        /// Grade groups 1…5.
        public let gradeGroup: [Double]
        public let radicalTreatment: Double
        /// The hazard ratios bounding the effect of radical treatment (the model's codes 0.9 and 1.1).
        public let radicalHazardRatioRange: [Double]
        public let brcaCarrier: Double
        public let sqrtPPC: PPCTerm
        public let baseline: Baseline
    }

    public struct OtherCauses: Sendable, Decodable {
        public let age: CentredTerm
        public let comorbidity: Double
        public let baseline: Baseline
    }

    public struct Scope: Sendable, Decodable {
        public let minAge: Double
        public let maxAge: Double
        public let maxPSA: Double
    }

    public let source: RuleSource
    /// The pinned model name shown with every result.
    public let modelName: String
    public let date: String
    public let prostateCancer: ProstateCancer
    public let otherCauses: OtherCauses
    /// Percent positive cores used when biopsy core counts are unknown.
    public let unknownPPC: Double
    public let scope: Scope
}
