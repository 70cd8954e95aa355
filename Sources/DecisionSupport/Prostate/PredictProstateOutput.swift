import Foundation

/// PREDICT Prostate's prognosis at 5, 10 and 15 years with conservative management and with radical treatment,
/// and the yearly tables behind it for curves. Percentages are 0–100.
public struct PredictProstateOutput: ToolOutput, Equatable {
    /// Out of 100 men at one time point.
    public struct Outcome: Sendable, Equatable, Encodable {
        public let overallSurvival: Double
        public let prostateCancerDeaths: Double
        public let otherDeaths: Double

        init(_ year: PredictProstateModel.Year) {
            overallSurvival = 100 * year.overallSurvival
            prostateCancerDeaths = 100 * year.prostateCancerDeath
            otherDeaths = 100 * year.otherDeath
        }
    }

    /// One time horizon: both managements, and the benefit of radical treatment in percentage points with its
    /// range over the plausible treatment effect (hazard ratio 0.67 to 0.35).
    public struct Horizon: Sendable, Equatable, Encodable {
        public let years: Int
        public let conservative: Outcome
        public let radical: Outcome
        /// Overall survival with radical treatment minus with conservative management, percentage points.
        public let benefit: Double
        /// The benefit at the weakest plausible effect (HR 0.67), percentage points.
        public let benefitLow: Double
        /// The benefit at the strongest plausible effect (HR 0.35), percentage points.
        public let benefitHigh: Double
    }

    public let modelName: String
    public let horizons: [Horizon]
    /// Years 1–15 with conservative management.
    public let conservativeYears: [PredictProstateModel.Year]
    /// Years 1–15 with radical treatment.
    public let radicalYears: [PredictProstateModel.Year]

    public init(modelName: String, horizons: [Horizon], conservativeYears: [PredictProstateModel.Year],
                radicalYears: [PredictProstateModel.Year]) {
        self.modelName = modelName
        self.horizons = horizons
        self.conservativeYears = conservativeYears
        self.radicalYears = radicalYears
    }

    /// The horizon of `years`, when computed.
    public func horizon(_ years: Int) -> Horizon? {
        horizons.first { $0.years == years }
    }

    /// The 10-year horizon the summary, explanation and icon array show (the last one if 10 is absent).
    private var shown: Horizon? { horizon(10) ?? horizons.last }

    public var summary: String {
        guard let h = shown else { return "PREDICT Prostate gave no prognosis" }
        let cs = whole(h.conservative.overallSurvival), rs = whole(h.radical.overallSurvival)
        return "At \(h.years) years \(cs) of 100 men are alive with conservative management and \(rs) with radical treatment "
            + "(an extra \(rs - cs); range \(whole(h.benefitLow))–\(whole(h.benefitHigh)))"
    }

    public var detail: String {
        var lines = ["\(modelName). Out of 100 men with the same characteristics:", "",
                     "| Years | Management | Alive | Died of prostate cancer | Died of other causes |", "|---|---|---|---|---|"]
        for h in horizons {
            for (name, o) in [("conservative", h.conservative), ("radical", h.radical)] {
                lines.append("| \(h.years) | \(name) | \(tenth(o.overallSurvival)) | \(tenth(o.prostateCancerDeaths)) | \(tenth(o.otherDeaths)) |")
            }
        }
        lines.append("")
        lines.append("| Years | Extra alive with radical treatment | Range (HR 0.67–0.35) |")
        lines.append("|---|---|---|")
        for h in horizons {
            lines.append("| \(h.years) | \(tenth(h.benefit)) | \(tenth(h.benefitLow))–\(tenth(h.benefitHigh)) |")
        }
        return lines.joined(separator: "\n")
    }

    public var patientExplanation: String? {
        guard let h = shown else { return nil }
        let cs = whole(h.conservative.overallSurvival), rs = whole(h.radical.overallSurvival)
        let dying = 100 - cs, other = whole(h.conservative.otherDeaths)
        return """
            \(cs) out of 100 men are alive at \(h.years) years with initial conservative management; \
            \(rs) out of 100 men treated with radical treatment are alive (an extra \(rs - cs) because of radical treatment). \
            Of the \(dying) men out of 100 who would not survive \(h.years) years with conservative management, \
            \(other) would die of causes not related to prostate cancer. \
            How much radical treatment helps is not known exactly: the extra number could be between \
            \(whole(h.benefitLow)) and \(whole(h.benefitHigh)) out of 100. \
            These are estimates for groups of men with the same details as you, not a prediction for one man, \
            and they do not show the side effects of treatment. They are here to inform, not to persuade: \
            talk them over with your care team.
            """
    }

    public var iconArray: IconArray? {
        guard let h = shown else { return nil }
        return IconArray(caption: "Out of 100 men like you, \(h.years) years after diagnosis", shares: [
            ("alive with conservative management", h.conservative.overallSurvival, .filled, "#2b6cb0"),
            ("extra alive with radical treatment", max(0, h.benefit), .filled, "#68d391"),
            ("died of prostate cancer", h.radical.prostateCancerDeaths, .open, "#d53f8c"),
            ("died of other causes", h.radical.otherDeaths, .open, "#a0aec0"),
        ])
    }

    private func whole(_ percent: Double) -> Int { Int(percent.rounded()) }
    private func tenth(_ percent: Double) -> String { String(format: "%.1f", percent) }
}
