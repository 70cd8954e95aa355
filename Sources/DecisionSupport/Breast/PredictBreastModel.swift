import Foundation

/// PREDICT Breast v2.1 (reference §3.1): breast-cancer and other-cause mortality for women with early invasive
/// breast cancer, with the benefit of adjuvant treatment. Coefficients come from `predict-breast-v2.1.json`.
///
/// Overall survival is `S_oth(t) · S_br(t | rx)`, the product the R code's annual increments reduce to. Deaths are
/// split between breast cancer and other causes year by year in the ratio of the two marginal mortality
/// increments, as the R code does.
///
/// v2.1 quirk, kept on purpose: for ER-negative tumours the grade term is set for `grade == 2 || grade == 3`
/// only, so an unknown grade (2.13) counts as low grade; v3.0 changed this to `grade >= 2`.
public struct PredictBreastModel: Sendable {
    let coefficients: PredictBreastCoefficients

    /// Loads the bundled coefficients.
    public init() throws {
        coefficients = try RuleFile.decode(PredictBreastCoefficients.self, from: "predict-breast-v2.1.json")
    }

    /// The pinned model name that every output cites.
    public var name: String { coefficients.modelName }

    /// The model's source, with its version, for an evaluation's `sources`.
    public var source: RuleSource { coefficients.source }

    /// The number of years the model predicts (15).
    public var years: Int { coefficients.years }

    /// The breast-cancer prognostic index PI, before treatment.
    public func prognosticIndex(_ input: PredictBreastInput) -> Double {
        let age = modelAge(input.age)
        let nodes = log(Double(input.nodes + 1) / 10)
        let her2 = markerTerm(input.her2, coefficients.breastCancer.her2)
        if input.erPositive {
            let er = coefficients.breastCancer.erPositive
            let inverseSquare = pow(age / 10, -2)
            return er.ageInverseSquare(inverseSquare)
                + er.ageInverseSquareLog(inverseSquare * log(age / 10))
                + er.logSize(log(input.sizeMM / 100))
                + er.logNodes(nodes)
                + er.grade * gradeValue(input.grade)
                + er.screen * screenValue(input.detection)
                + her2 + markerTerm(input.ki67, er.ki67)
        }
        let er = coefficients.breastCancer.erNegative
        let highGrade = input.grade == .two || input.grade == .three
        return er.age(age)
            + er.sqrtSize((input.sizeMM / 100).squareRoot())
            + er.logNodes(nodes)
            + (highGrade ? er.gradeTwoOrThree : 0)
            + her2
    }

    /// The other-cause (non-breast) mortality index MI at an age.
    public func otherCauseIndex(age: Double) -> Double {
        coefficients.otherCauses.ageSquared(pow(modelAge(age) / 10, 2))
    }

    /// The summed log hazard ratio of a treatment combination for this tumour: hormone therapy counts only when
    /// ER-positive, trastuzumab only when HER2-positive.
    public func treatmentLogHazardRatio(_ treatments: PredictBreastTreatments, for input: PredictBreastInput) -> Double {
        let hr = coefficients.treatmentLogHazardRatios
        var sum = 0.0
        if treatments.hormone && input.erPositive { sum += hr.hormone }
        switch treatments.chemotherapy {
        case .none: break
        case .second: sum += hr.chemotherapySecondGeneration
        case .third: sum += hr.chemotherapyThirdGeneration
        }
        if treatments.trastuzumab && input.her2 == .positive { sum += hr.trastuzumab }
        if treatments.bisphosphonates { sum += hr.bisphosphonates }
        return sum
    }

    /// Survival and deaths by cause for years 1…15 after surgery under `treatments`, in percent.
    public func survival(_ input: PredictBreastInput, treatments: PredictBreastTreatments = .surgeryOnly) -> [PredictBreastYear] {
        let breastHazardRatio = exp(prognosticIndex(input) + treatmentLogHazardRatio(treatments, for: input))
        let otherHazardRatio = exp(otherCauseIndex(age: input.age))
        var previous = (breast: 1.0, other: 1.0, all: 1.0)
        var deaths = (breast: 0.0, other: 0.0)
        return (1...years).map { year in
            let t = Double(year)
            let breast = exp(-breastHazardRatio * breastBaseline(t, erPositive: input.erPositive))
            let other = exp(-otherHazardRatio * otherBaseline(t))
            let all = breast * other
            let breastIncrement = previous.breast - breast, otherIncrement = previous.other - other
            let allIncrement = previous.all - all
            let breastShare = breastIncrement + otherIncrement > 0 ? breastIncrement / (breastIncrement + otherIncrement) : 0
            deaths.breast += breastShare * allIncrement
            deaths.other += allIncrement - breastShare * allIncrement
            previous = (breast, other, all)
            return PredictBreastYear(year: year, overallSurvival: 100 * all, breastCancerSpecificSurvival: 100 * breast,
                                     breastCancerDeaths: 100 * deaths.breast, otherDeaths: 100 * deaths.other)
        }
    }

    /// Age as the model reads it: never below its minimum (25).
    private func modelAge(_ age: Double) -> Double { max(age, coefficients.minimumAge) }

    private func gradeValue(_ grade: PredictBreastInput.GradeCode) -> Double {
        grade == .unknown ? coefficients.unknownValues.grade : Double(grade.rawValue)
    }

    private func screenValue(_ detection: PredictBreastInput.DetectionCode) -> Double {
        detection == .unknown ? coefficients.unknownValues.screen : Double(detection.rawValue)
    }

    private func markerTerm(_ marker: PredictBreastInput.MarkerCode, _ terms: PredictBreastCoefficients.MarkerTerms) -> Double {
        switch marker {
        case .positive: terms.positive
        case .negative: terms.negative
        case .unknown: coefficients.unknownValues.markerTerm
        }
    }

    /// Baseline cumulative breast-cancer hazard at `t` years, by ER status.
    private func breastBaseline(_ t: Double, erPositive: Bool) -> Double {
        if erPositive {
            let b = coefficients.breastCancer.erPositive.baselineCumulativeHazard
            return exp(b.intercept + b.inverseSqrtT / t.squareRoot() + b.logTOverSqrtT * log(t) / t.squareRoot())
        }
        let b = coefficients.breastCancer.erNegative.baselineCumulativeHazard
        return exp(b.intercept + b.inverseTSquared / (t * t) + b.inverseT / t)
    }

    /// Baseline cumulative other-cause hazard at `t` years.
    private func otherBaseline(_ t: Double) -> Double {
        let b = coefficients.otherCauses.baselineCumulativeHazard
        return exp(b.intercept + b.logT * log(t) + b.sqrtT * t.squareRoot())
    }
}
