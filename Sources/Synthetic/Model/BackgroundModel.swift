import OMOP

/// Demographics, routine care and chronic conditions of everyone, with or without cancer.
public struct BackgroundModel: Sendable {
    /// Race (White, Black, Asian, not recorded) and ethnicity (Hispanic, not Hispanic, not recorded).
    public var raceMix = [0.78, 0.08, 0.06, 0.08]
    public var ethnicityMix = [0.06, 0.86, 0.08]
    /// Persons without cancer: year of birth uniform in this range.
    public var birthYears = 1935...2004
    /// Routine outpatient visits per observed year (a Poisson process).
    public var visitsPerYear = 2.5
    /// Share of routine visits with weight and BMI, and with creatinine and haemoglobin.
    public var vitalsShare = 0.5
    public var labShare = 0.4
    /// Gompertz all-cause mortality of persons without cancer: yearly hazard exp(a + b · age).
    public var gompertzIntercept = -10.4
    public var gompertzSlope = 0.09

    /// A chronic condition: its prevalence at age 60, doubling every `doublingYears` of age.
    public struct Comorbidity: Sendable {
        public var concept: Int64
        public var prevalenceAt60: Double
        public var doublingYears: Double
        /// Prevalence multiplier in lung cancer patients (smoking-related disease).
        public var lungCancerFactor: Double = 1
    }

    public var comorbidities: [Comorbidity] = [
        Comorbidity(concept: ConceptID.Comorbidity.essentialHypertension, prevalenceAt60: 0.35, doublingYears: 20),
        Comorbidity(concept: ConceptID.Comorbidity.type2Diabetes, prevalenceAt60: 0.12, doublingYears: 20),
        Comorbidity(concept: ConceptID.Comorbidity.copd, prevalenceAt60: 0.06, doublingYears: 15, lungCancerFactor: 4),
        Comorbidity(concept: ConceptID.Comorbidity.chronicKidneyDiseaseStage3, prevalenceAt60: 0.05, doublingYears: 10),
        Comorbidity(concept: ConceptID.Comorbidity.coronaryArteriosclerosis, prevalenceAt60: 0.07, doublingYears: 12, lungCancerFactor: 1.5),
        Comorbidity(concept: ConceptID.Comorbidity.atrialFibrillation, prevalenceAt60: 0.03, doublingYears: 8),
        Comorbidity(concept: ConceptID.Comorbidity.obesity, prevalenceAt60: 0.20, doublingYears: 1000),
        Comorbidity(concept: ConceptID.Comorbidity.osteoarthritisOfKnee, prevalenceAt60: 0.10, doublingYears: 15),
    ]
}
