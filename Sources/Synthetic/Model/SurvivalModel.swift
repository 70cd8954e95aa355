/// The known truth of one cancer's survival: time from diagnosis to death from any cause follows a
/// Weibull proportional-hazards model, h(t | x) = h0(t) · exp(β·x) for t after the landmark, and no
/// one dies before the landmark (so every first-line treatment, started within it, is on record and
/// "treated" is a baseline covariate without immortal-time bias). A Cox model fitted on the generated
/// rows, with these covariates read back from them, must recover β.
public struct SurvivalModel: Sendable, Codable {
    public struct Coefficient: Sendable, Codable {
        /// The covariate's name in `--truth` and in the model document.
        public let name: String
        public let logHazardRatio: Double
        /// How to read the covariate back from the CDM.
        public let definition: String
    }

    public let cancer: CancerType
    public let baseline: WeibullProportionalHazards
    /// Days after diagnosis before which no death is drawn.
    public let landmarkDays: Int
    public let coefficients: [Coefficient]

    /// The log hazard ratio of a person whose covariates, in `coefficients` order, are `x`.
    func linearPredictor(_ x: [Double]) -> Double {
        precondition(x.count == coefficients.count, "one value per coefficient")
        var sum = 0.0
        for index in x.indices { sum += coefficients[index].logHazardRatio * x[index] }
        return sum
    }

    /// Days from diagnosis to death: a draw from the model conditional on surviving the landmark.
    func deathDays(_ x: [Double], using random: inout SyntheticRandom) -> Int {
        Int(baseline.time(linearPredictor: linearPredictor(x), after: Double(landmarkDays), using: &random).rounded(.up))
    }
}
