import Foundation
import OMOP

/// What a similar patient must share with the patient: the cancer always; the stage group, and the key markers
/// of the cancer, when the patient's facts give them. Each criterion the facts cannot give is dropped and said so.
struct SimilarPatientsMatch: Sendable {
    let cancer: CancerSite
    /// Stage group 1–4 (I–IV).
    let stage: Int?
    let gradeGroupBand: ClosedRange<Int>?
    /// Marker measurement concept → the status a match must have (ER, HER2, EGFR, ALK).
    let markers: [(concept: Int64, status: MarkerStatus)]
    let criteria: [SimilarityCriterion]

    init(_ facts: PatientFacts, rules: SimilarPatientsRules) throws {
        guard let cancer = facts.cancer else {
            throw SimilarPatientsError("similar patients need the cancer (prostate, breast or lung) among the facts")
        }
        self.cancer = cancer
        var criteria = [
            SimilarityCriterion(
                name: "cancer",
                description: "\(cancer.rawValue) cancer: first diagnosis of a condition concept descending from \"malignant tumour of "
                    + "\(cancer.rawValue)\"; follow-up from that date to death or the end of the person's observation",
                applied: true),
            SimilarityCriterion(
                name: "follow-up", description: "followed after diagnosis: an observation period ending on or after the diagnosis date",
                applied: true),
        ]
        let (stage, stageWords) = Self.stage(facts)
        self.stage = stage
        if let stage, let stageWords {
            criteria.append(SimilarityCriterion(
                name: "stage group",
                description: "stage group \(OMOPFactConcepts.stageGroups[stage - 1]) (\(stageWords)), as the Cancer Modifier "
                    + "stage measurement linked to the diagnosis",
                applied: true))
        } else {
            criteria.append(SimilarityCriterion(
                name: "stage group", description: "stage group not matched: the patient's stage group is not known", applied: false))
        }
        var band: ClosedRange<Int>?
        var markers: [(Int64, MarkerStatus)] = []
        switch cancer {
        case .prostate:
            if let gradeGroup = facts.effectiveGradeGroup, let found = rules.band(of: gradeGroup) {
                band = found
                let words = found.count == 1 ? "\(found.lowerBound)" : "\(found.lowerBound)–\(found.upperBound)"
                criteria.append(SimilarityCriterion(
                    name: "ISUP grade group",
                    description: "ISUP grade group \(words) (the patient's is \(gradeGroup)), as measured on the diagnosis", applied: true))
            } else {
                criteria.append(SimilarityCriterion(
                    name: "ISUP grade group", description: "ISUP grade group not matched: the patient's is not known", applied: false))
            }
        case .breast:
            Self.marker("ER status", facts.effectiveERStatus, concept: ConceptID.Marker.estrogenReceptor, &markers, &criteria)
            Self.marker("HER2 status", facts.her2Status, concept: ConceptID.Marker.her2, &markers, &criteria)
        case .lung:
            Self.marker("EGFR status", Self.geneStatus(facts, .egfr), concept: ConceptID.Marker.egfr, &markers, &criteria)
            Self.marker("ALK status", Self.geneStatus(facts, .alk), concept: ConceptID.Marker.alk, &markers, &criteria)
        }
        criteria.append(SimilarityCriterion(
            name: "treatment group",
            description: "grouped by the first-line treatment recorded within \(rules.windowDays) days of diagnosis",
            applied: true))
        gradeGroupBand = band
        self.markers = markers
        self.criteria = criteria
    }

    /// The stage group from the recorded group's Roman numeral ("IIIA" → 3), else IV from M1; nil otherwise,
    /// since deriving I–III from T and N differs by cancer.
    static func stage(_ facts: PatientFacts) -> (Int?, String?) {
        if let recorded = facts.stageGroup {
            var text = recorded.trimmingCharacters(in: .whitespaces).uppercased()
            if text.hasPrefix("STAGE") { text = String(text.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
            if let index = OMOPFactConcepts.stageGroups.indices.reversed().first(where: { text.hasPrefix(OMOPFactConcepts.stageGroups[$0]) }) {
                return (index + 1, "from the recorded stage \(recorded)")
            }
        }
        if let m = facts.m, m.number == 1 { return (4, "from \(m.code): distant metastasis is stage IV") }
        return (nil, nil)
    }

    /// A lung gene's result as a status: "negative" is negative, any variant or "positive" is positive.
    static func geneStatus(_ facts: PatientFacts, _ gene: LungGene) -> MarkerStatus? {
        facts.lungBiomarkers?[gene].map { $0.lowercased() == "negative" ? .negative : .positive }
    }

    private static func marker(_ name: String, _ status: MarkerStatus?, concept: Int64,
                               _ markers: inout [(Int64, MarkerStatus)], _ criteria: inout [SimilarityCriterion]) {
        if let status {
            markers.append((concept, status))
            criteria.append(SimilarityCriterion(
                name: name, description: "\(name) \(status.rawValue), as measured on the diagnosis", applied: true))
        } else {
            criteria.append(SimilarityCriterion(
                name: name, description: "\(name) not matched: the patient's is not known", applied: false))
        }
    }
}
