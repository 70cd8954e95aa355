import Foundation

/// PREDICT Prostate, release model (Thurtle et al. 2019; reference §2.4): a competing-risks Cox model of
/// prostate-cancer and other-cause death with fractional-polynomial baselines, time in days (year × 365).
public struct PredictProstateModel: Sendable {
    /// The primary treatment the prognosis is for. The two bounds give the range of the effect of radical
    /// treatment (hazard ratio 0.35–0.67; the model's codes 0.9 and 1.1).
    public enum Treatment: String, Sendable, Codable, CaseIterable {
        case conservative
        case radical
        /// Radical treatment at the strongest plausible effect, HR 0.35.
        case radicalStrongestEffect = "radical-strongest-effect"
        /// Radical treatment at the weakest plausible effect, HR 0.67.
        case radicalWeakestEffect = "radical-weakest-effect"
    }

    /// One man's inputs, in the model's terms.
    public struct Inputs: Sendable, Equatable {
        /// Years at diagnosis.
        public var age: Double
        /// ng/mL.
        public var psa: Double
        /// Clinical T stage 1–4.
        public var tStage: Int
        /// ISUP grade group 1–5.
        public var gradeGroup: Int
        /// Percent positive biopsy cores; nil uses the model's value for unknown (41.9415).
        public var percentPositiveCores: Double?
        public var brcaCarrier: Bool
        public var comorbidity: Bool

        public init(age: Double, psa: Double, tStage: Int, gradeGroup: Int, percentPositiveCores: Double? = nil,
                    brcaCarrier: Bool = false, comorbidity: Bool) {
            self.age = age
            self.psa = psa
            self.tStage = tStage
            self.gradeGroup = gradeGroup
            self.percentPositiveCores = percentPositiveCores
            self.brcaCarrier = brcaCarrier
            self.comorbidity = comorbidity
        }
    }

    /// The prognosis at the end of one year after diagnosis; probabilities are fractions 0–1.
    public struct Year: Sendable, Equatable, Encodable {
        public let year: Int
        public let overallSurvival: Double
        /// Cumulative probability of death from prostate cancer, competing-risk adjusted.
        public let prostateCancerDeath: Double
        /// Cumulative probability of death from other causes, competing-risk adjusted.
        public let otherDeath: Double
        /// Survival if the man does not die of prostate cancer, 1 − NPCM (PREDICT's dotted reference curve).
        public let survivalWithoutProstateCancerDeath: Double
    }

    public let coefficients: PredictProstateCoefficients

    /// Loads the coefficients of `predict-prostate.json`.
    public init() throws {
        coefficients = try RuleFile.decode(PredictProstateCoefficients.self, from: "predict-prostate.json")
    }

    /// The prostate-cancer-specific mortality prognostic index. T stage and grade group are clamped to 1–4 and 1–5.
    public func piPCSM(_ inputs: Inputs, treatment: Treatment) -> Double {
        let c = coefficients.prostateCancer
        let ppc = inputs.percentPositiveCores ?? coefficients.unknownPPC
        let age = c.ageCubedOver1000.coefficient * (pow(inputs.age / 10, 3) - c.ageCubedOver1000.centre)
        let psa = c.logPSA.coefficient * (log((inputs.psa + 1) / 100) - c.logPSA.centre)
        let t = c.tStage[min(max(inputs.tStage, 1), c.tStage.count) - 1]
        let grade = c.gradeGroup[min(max(inputs.gradeGroup, 1), c.gradeGroup.count) - 1]
        let brca = inputs.brcaCarrier ? c.brcaCarrier : 0
        let cores = c.sqrtPPC.coefficient * ((((ppc + c.sqrtPPC.offset) / 100).squareRoot()) - c.sqrtPPC.centre)
        return age + psa + t + grade + treatmentTerm(treatment) + brca + cores
    }

    /// The non-prostate-cancer mortality prognostic index.
    public func piNPCM(_ inputs: Inputs) -> Double {
        let c = coefficients.otherCauses
        return c.age.coefficient * (inputs.age - c.age.centre) + (inputs.comorbidity ? c.comorbidity : 0)
    }

    /// Cumulative incidence of prostate-cancer death at `days`, ignoring competing risks (PCSM).
    public func prostateCancerMortality(pi: Double, days: Double) -> Double {
        cumulativeIncidence(pi: pi, days: days, baseline: coefficients.prostateCancer.baseline)
    }

    /// Cumulative incidence of other-cause death at `days`, ignoring competing risks (NPCM).
    public func otherMortality(pi: Double, days: Double) -> Double {
        cumulativeIncidence(pi: pi, days: days, baseline: coefficients.otherCauses.baseline)
    }

    /// Years 1…`years` (t = 365 × year days), allocating each year's all-cause deaths between the two causes in
    /// proportion to their increments (§2.4 steps 1–5).
    public func years(_ inputs: Inputs, treatment: Treatment, through years: Int = 15) -> [Year] {
        let pcPI = piPCSM(inputs, treatment: treatment), otherPI = piNPCM(inputs)
        var table: [Year] = []
        var previous = (pc: 0.0, other: 0.0, all: 0.0)
        var cumulative = (pc: 0.0, other: 0.0)
        for year in 1...max(years, 1) {
            let days = Double(365 * year)
            let pc = prostateCancerMortality(pi: pcPI, days: days), other = otherMortality(pi: otherPI, days: days)
            let all = 1 - (1 - pc) * (1 - other)
            let dPC = pc - previous.pc, dOther = other - previous.other, dAll = all - previous.all
            let share = dPC + dOther > 0 ? dPC / (dPC + dOther) : 0
            cumulative.pc += share * dAll
            cumulative.other += (1 - share) * dAll
            table.append(Year(year: year, overallSurvival: 1 - cumulative.pc - cumulative.other,
                              prostateCancerDeath: cumulative.pc, otherDeath: cumulative.other,
                              survivalWithoutProstateCancerDeath: 1 - other))
            previous = (pc, other, all)
        }
        return table
    }

    private func treatmentTerm(_ treatment: Treatment) -> Double {
        let c = coefficients.prostateCancer
        switch treatment {
        case .conservative: return 0
        case .radical: return c.radicalTreatment
        case .radicalStrongestEffect: return log(c.radicalHazardRatioRange[0])
        case .radicalWeakestEffect: return log(c.radicalHazardRatioRange[1])
        }
    }

    private func cumulativeIncidence(pi: Double, days: Double, baseline: PredictProstateCoefficients.Baseline) -> Double {
        let logHazard = baseline.intercept + baseline.logDays * log(days) + baseline.daysCubed * pow(days, 3)
        return 1 - exp(-exp(pi) * exp(logHazard))
    }
}
