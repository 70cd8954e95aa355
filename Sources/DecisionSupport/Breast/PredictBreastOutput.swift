/// PREDICT Breast v2.1 for one patient: overall survival with surgery only and the extra survival of each
/// applicable treatment added in PREDICT's order (hormone → chemotherapy → trastuzumab → bisphosphonates), at 5,
/// 10 and 15 years, with deaths split between breast cancer and other causes. Percentages of women.
public struct PredictBreastOutput: ToolOutput {
    /// Whether a treatment's benefit is shown, and why not when it is not.
    public struct Option: Sendable, Equatable, Encodable {
        public let treatment: PredictBreastTreatment
        public let applicable: Bool
        /// Why the treatment is not shown ("ER-negative"), nil when it is.
        public let reason: String?
    }

    /// The extra survival a treatment adds on top of the treatments before it.
    public struct Benefit: Sendable, Equatable, Encodable {
        public let treatment: PredictBreastTreatment
        public let applicable: Bool
        /// Percentage points over the previous line; exactly 0 when not applicable.
        public let extra: Double
        /// Overall survival with surgery, this treatment and the applicable ones before it, percent.
        public let overallSurvival: Double
    }

    /// The prediction at one time after surgery.
    public struct Horizon: Sendable, Equatable, Encodable {
        public let years: Int
        public let surgeryOnly: Double
        /// One entry per treatment, in PREDICT's order.
        public let benefits: [Benefit]
        /// Overall survival with every applicable treatment, percent.
        public let overallSurvival: Double
        /// Died of breast cancer with every applicable treatment, percent.
        public let breastCancerDeaths: Double
        /// Died of other causes with every applicable treatment, percent.
        public let otherDeaths: Double
    }

    /// The pinned model name.
    public let model: String
    /// The model's inputs, in v2.1 codes, after unknowns were coded.
    public let input: PredictBreastInput
    /// The chemotherapy regimen generation used (2 or 3).
    public let chemotherapyGeneration: Int
    /// Every treatment, in PREDICT's order, with whether its benefit is shown.
    public let options: [Option]
    /// 5, 10 and 15 years.
    public let horizons: [Horizon]

    /// The horizon of `years`, when predicted.
    public func horizon(_ years: Int) -> Horizon? {
        horizons.first { $0.years == years }
    }
}
