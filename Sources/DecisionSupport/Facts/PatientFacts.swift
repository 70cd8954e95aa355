import Foundation
import OMOP

/// The facts about one patient that the decision-support tools read. Every fact is optional: a missing fact is
/// `nil`, never a default, and each tool says which missing fact blocks it or widens its uncertainty
/// (`MissingFact`). Built from JSON (`init(json:)`, which checks every value), from an OMOP person in the store,
/// or from FHIR resources in a CDS Hooks prefetch.
public struct PatientFacts: Sendable, Equatable, Encodable {
    /// Age at diagnosis, years.
    public var age: Double?
    public var sex: Sex?
    public var cancer: CancerSite?
    public var histology: Histology?
    public var diagnosisDate: CDMDate?

    // Staging (TNM 8th edition).
    public var t: TNMCategory?
    public var n: TNMCategory?
    public var m: TNMCategory?
    /// The stage group as recorded (`IIIA`), when the record has one.
    public var stageGroup: String?
    /// Largest invasive tumour dimension, mm.
    public var tumourSizeMM: Double?
    public var lungTumourFeatures: [LungTumourFeature]?

    // Pathology.
    /// Histological (Nottingham) grade 1–3.
    public var grade: Int?
    public var gleasonPrimary: Int?
    public var gleasonSecondary: Int?
    /// ISUP grade group 1–5.
    public var gradeGroup: Int?
    public var biopsyCoresTaken: Int?
    public var biopsyCoresPositive: Int?
    /// The highest share of cancer in any one positive core, percent.
    public var maxCoreInvolvementPercent: Double?
    /// Cores with grade group 4 or 5.
    public var coresGradeGroup4OrMore: Int?
    public var positiveNodes: Int?

    // Markers.
    /// PSA at diagnosis, ng/mL.
    public var psa: Double?
    /// PSA density, ng/mL/g.
    public var psaDensity: Double?
    public var erStatus: MarkerStatus?
    public var erPercent: Double?
    public var prStatus: MarkerStatus?
    public var prPercent: Double?
    public var her2Status: MarkerStatus?
    public var ki67Percent: Double?
    public var ki67Status: MarkerStatus?
    public var brcaCarrier: Bool?
    /// Lung cancer molecular results: gene → `negative`, `positive` or a variant (`LungGene.acceptedResults`).
    public var lungBiomarkers: [LungGene: String]?
    /// PD-L1 tumour proportion score, percent.
    public var pdl1TPS: Double?

    // Patient.
    public var detection: Detection?
    public var postmenopausal: Bool?
    /// Any serious comorbidity (PREDICT Prostate's Charlson item).
    public var comorbidity: Bool?
    /// ECOG performance status 0–4.
    public var performanceStatus: Int?
    public var priorTreatments: [TreatmentClass]?
    /// The chemotherapy regimen under consideration for PREDICT Breast: generation 2 or 3.
    public var chemotherapyGeneration: Int?

    public init() {}
}

extension PatientFacts {
    /// The ISUP grade group, given or from the Gleason patterns (Epstein 2016: ≤6 → 1, 3+4 → 2, 4+3 → 3, 8 → 4, 9–10 → 5).
    public var effectiveGradeGroup: Int? {
        if let gradeGroup { return gradeGroup }
        guard let primary = gleasonPrimary, let secondary = gleasonSecondary else { return nil }
        switch primary + secondary {
        case ...6: return 1
        case 7: return primary == 3 ? 2 : 3
        case 8: return 4
        default: return 5
        }
    }

    /// ER status, given or from the percentage of stained nuclei (ASCO/CAP: ≥ 1 % is positive).
    public var effectiveERStatus: MarkerStatus? {
        erStatus ?? erPercent.map { $0 >= 1 ? .positive : .negative }
    }

    /// PR status, given or from the percentage (≥ 1 % is positive).
    public var effectivePRStatus: MarkerStatus? {
        prStatus ?? prPercent.map { $0 >= 1 ? .positive : .negative }
    }

    /// Percent positive biopsy cores, when both counts are known.
    public var percentPositiveCores: Double? {
        guard let taken = biopsyCoresTaken, let positive = biopsyCoresPositive, taken > 0 else { return nil }
        return 100 * Double(positive) / Double(taken)
    }
}
