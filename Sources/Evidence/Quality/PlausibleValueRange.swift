import OMOP

/// The range a measurement's `value_as_number` can take in a unit (`plausibleValueLow`/`High`): outside it a value
/// is an entry or unit error rather than a patient. Bounds are physical (a percentage lies in 0–100, a
/// concentration is not negative) or far beyond any recorded patient.
struct PlausibleValueRange: Sendable {
    let conceptID: Int64
    let unitConceptID: Int64
    /// What is measured, in the unit, for the check's description.
    let label: String
    let low: Double
    let high: Double

    /// Up to 5 % of the values may lie outside, the threshold of DataQualityDashboard's concept-level checks.
    static let thresholdPercent = 5.0

    /// A bound as people write it: 0 rather than 0.0.
    static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static let all = [
        // PSA reaches thousands of ng/mL in metastatic disease; beyond 10,000 it is a unit error.
        PlausibleValueRange(conceptID: ConceptID.Marker.psa, unitConceptID: ConceptID.Unit.nanogramPerMillilitre,
                            label: "PSA (ng/mL)", low: 0, high: 10_000),
        PlausibleValueRange(conceptID: ConceptID.Vital.hemoglobin, unitConceptID: ConceptID.Unit.gramPerDecilitre,
                            label: "haemoglobin (g/dL)", low: 1, high: 25),
        PlausibleValueRange(conceptID: ConceptID.Vital.creatinine, unitConceptID: ConceptID.Unit.milligramPerDecilitre,
                            label: "creatinine (mg/dL)", low: 0.05, high: 30),
        PlausibleValueRange(conceptID: ConceptID.Vital.bodyWeight, unitConceptID: ConceptID.Unit.kilogram,
                            label: "body weight (kg)", low: 1, high: 500),
        PlausibleValueRange(conceptID: ConceptID.Vital.bodyMassIndex, unitConceptID: ConceptID.Unit.kilogramPerSquareMetre,
                            label: "body mass index (kg/m²)", low: 8, high: 120),
        PlausibleValueRange(conceptID: ConceptID.Marker.ki67, unitConceptID: ConceptID.Unit.percent,
                            label: "Ki-67 (%)", low: 0, high: 100),
        PlausibleValueRange(conceptID: ConceptID.Marker.pdl1TumorProportionScore, unitConceptID: ConceptID.Unit.percent,
                            label: "PD-L1 tumour proportion score (%)", low: 0, high: 100),
    ]
}
