/// PREDICT Breast's prediction for one year after surgery under one treatment combination, in percent of women.
/// `overallSurvival + breastCancerDeaths + otherDeaths` is 100.
public struct PredictBreastYear: Sendable, Equatable, Encodable {
    /// Years after surgery, 1–15.
    public let year: Int
    /// Alive, of all causes.
    public let overallSurvival: Double
    /// Alive if breast cancer were the only cause of death.
    public let breastCancerSpecificSurvival: Double
    /// Died of breast cancer by this year, competing risks accounted for.
    public let breastCancerDeaths: Double
    /// Died of other causes by this year, competing risks accounted for.
    public let otherDeaths: Double
}
