import Foundation

/// The coefficients of `predict-breast-v2.1.json` (reference §3.1), decoded as they stand in the file so that the
/// model code holds only the shape of the equations.
struct PredictBreastCoefficients: Sendable, Decodable {
    /// `coefficient × (value − centre)`: every fractional-polynomial term of the model has this form.
    struct Term: Sendable, Decodable {
        let coefficient: Double
        let centre: Double

        func callAsFunction(_ value: Double) -> Double { coefficient * (value - centre) }
    }

    /// The log hazard of a positive or negative marker; unknown adds nothing.
    struct MarkerTerms: Sendable, Decodable {
        let positive: Double
        let negative: Double
    }

    struct ERPositive: Sendable, Decodable {
        struct Baseline: Sendable, Decodable {
            let intercept, inverseSqrtT, logTOverSqrtT: Double
        }

        let ageInverseSquare, ageInverseSquareLog, logSize, logNodes: Term
        let grade, screen: Double
        let ki67: MarkerTerms
        let baselineCumulativeHazard: Baseline
    }

    struct ERNegative: Sendable, Decodable {
        struct Baseline: Sendable, Decodable {
            let intercept, inverseTSquared, inverseT: Double
        }

        let age, sqrtSize, logNodes: Term
        let gradeTwoOrThree: Double
        let baselineCumulativeHazard: Baseline
    }

    struct BreastCancer: Sendable, Decodable {
        let erPositive: ERPositive
        let erNegative: ERNegative
        let her2: MarkerTerms
    }

    struct OtherCauses: Sendable, Decodable {
        struct Baseline: Sendable, Decodable {
            let intercept, logT, sqrtT: Double
        }

        let ageSquared: Term
        let baselineCumulativeHazard: Baseline
    }

    struct UnknownValues: Sendable, Decodable {
        let grade, screen, markerTerm: Double
    }

    struct Scope: Sendable, Decodable {
        let maxAge, maxSizeMM: Double
    }

    struct Treatments: Sendable, Decodable {
        let hormone, chemotherapySecondGeneration, chemotherapyThirdGeneration, trastuzumab, bisphosphonates: Double
    }

    let source: RuleSource
    let modelName: String
    let date: String
    let years: Int
    let minimumAge: Double
    let scope: Scope
    let unknownValues: UnknownValues
    let ki67PositiveAbovePercent: Double
    let breastCancer: BreastCancer
    let otherCauses: OtherCauses
    let treatmentLogHazardRatios: Treatments
}
