extension KaplanMeier {
    /// The log–log ("exponential Greenwood") interval of a survival estimate S with Greenwood sum G, as every row
    /// of a Kaplan–Meier table has it: so that an estimate built elsewhere (a federated one from summed
    /// histograms) gets exactly the same interval.
    public static func logLogInterval(survival: Double, greenwood: Double, confidenceLevel: Double) -> (lower: Double, upper: Double) {
        interval(survival: survival, greenwood: greenwood, z: Normal.quantile(1 - (1 - confidenceLevel) / 2))
    }
}
