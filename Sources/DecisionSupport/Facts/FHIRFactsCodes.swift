import Foundation

/// The FHIR codes patient facts are read from: the mCODE STU4 codes (decision-support reference §5.1), the codes
/// Synthea emits (`fhir-synthea-oncology` README) and the FHIR-to-OMOP reference §4.3. SNOMED CT unless marked.
enum FHIRFactsCodes {
    static let snomed = "http://snomed.info/sct"
    static let loinc = "http://loinc.org"
    static let histologyExtension = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior"

    /// Condition codes of the three cancers, with the histology the code itself names.
    static let cancers: [String: (site: CancerSite, histology: Histology?)] = [
        "399068003": (.prostate, nil), "93974005": (.prostate, nil), "254900004": (.prostate, nil),
        "254837009": (.breast, nil), "353431000119107": (.breast, nil),
        "363358000": (.lung, nil), "254637007": (.lung, .nonSmallCell), "254626006": (.lung, .adenocarcinoma),
        "254634000": (.lung, .squamous), "254629004": (.lung, .largeCell), "254632001": (.lung, .smallCell),
        "424132000": (.lung, .nonSmallCell), "425048006": (.lung, .nonSmallCell), "422968005": (.lung, .nonSmallCell),
        "423121009": (.lung, .nonSmallCell),
        "67811000119102": (.lung, .smallCell), "67821000119109": (.lung, .smallCell), "67831000119107": (.lung, .smallCell),
        "67841000119103": (.lung, .smallCell),
    ]

    /// Morphology codes of the mCODE histology extension: SNOMED morphologies and ICD-O-3 codes.
    static let morphologies: [String: Histology] = [
        "1187332001": .adenocarcinoma, "35917007": .adenocarcinoma, "8140/3": .adenocarcinoma,
        "28899001": .squamous, "8070/3": .squamous, "22687000": .largeCell, "8012/3": .largeCell,
        "74364000": .smallCell, "8041/3": .smallCell, "8046/3": .nonSmallCell,
        "82711006": .ductal, "8500/3": .ductal, "8520/3": .lobular,
    ]

    /// Observation codes (LOINC and SNOMED) → what they measure; the rank prefers pathological staging.
    static let observations: [String: (kind: RecordedFinding.Kind, rank: Int)] = [
        "21908-9": (.stageGroup, 0), "399537006": (.stageGroup, 0), "21902-2": (.stageGroup, 1), "399588009": (.stageGroup, 1),
        "21905-5": (.t, 0), "399504009": (.t, 0), "21899-0": (.t, 1), "384625004": (.t, 1),
        "21906-3": (.n, 0), "399534004": (.n, 0), "21900-6": (.n, 1), "371494008": (.n, 1),
        "21907-1": (.m, 0), "399387003": (.m, 0), "21901-4": (.m, 1), "371497001": (.m, 1),
        "2857-1": (.psa, 0),
        "85337-4": (.er, 0), "16112-5": (.er, 0), "85339-0": (.pr, 0), "16113-3": (.pr, 0),
        "48676-1": (.her2, 0), "85319-2": (.her2, 0), "85318-4": (.her2, 0),
        "33728-7": (.tumourSizeMM, 0), "21889-1": (.tumourSizeMM, 0),
        "35266-6": (.gleasonScore, 0), "385377005": (.gradeGroup, 0), "44648-4": (.grade, 0),
        "21665-5": (.gene(.egfr), 0),
        "83052-1": (.pdl1, 0), "85147-7": (.pdl1, 0),
        "92832-5": (.positiveNodes, 0),
    ]

    /// Stage-group value codes → the group (AJCC sub-stages rank above the plain "Stage N").
    static let stageGroups: [String: String] = [
        "258215001": "I", "258219007": "II", "258224005": "III", "258228008": "IV",
        "1222724007": "IA", "1222766008": "IIA", "1222769001": "IIB", "1222802001": "IIIA", "1222806003": "IIIC",
    ]

    /// AJCC T, N and M value codes (fhir-concept-map.tsv, §5.1).
    static let categories: [String: String] = [
        "1228889001": "T1", "1228929004": "T2", "1228938002": "T3", "1228944003": "T4",
        "1229967007": "N0", "1229973008": "N1", "1229978004": "N2", "1229984001": "N3",
        "1229901006": "M0", "1229903009": "M1",
    ]

    /// Answer codes: SNOMED positive / negative / detected / not detected, LOINC answers LA6576-8 / LA6577-6 and
    /// detected / not detected LA11882-0 / LA11883-8.
    static let answers: [String: MarkerStatus] = [
        "10828004": .positive, "LA6576-8": .positive, "260373001": .positive, "LA11882-0": .positive,
        "260385009": .negative, "LA6577-6": .negative, "260415000": .negative, "LA11883-8": .negative,
    ]

    /// The variant a result names for a gene ("EGFR L858R", "Exon 19 deletion", "KRAS G12C"), in the spelling of
    /// `LungGene.acceptedResults`; nil when it names none. Spaces, hyphens and case are ignored.
    static func variant(of gene: LungGene, namedIn text: String) -> String? {
        let squeeze = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
        let written = squeeze(text)
        // "EGFR L858R not detected" names the variant it did not find.
        guard !["notdetected", "negative", "absent", "nomutation", "wildtype"].contains(where: written.contains) else { return nil }
        return gene.acceptedResults.first { !["positive", "other"].contains($0) && written.contains(squeeze($0)) }
    }

    /// A driver-gene result written in words: "not detected", "negative", "wild type" / "detected", "positive".
    static func geneStatus(_ text: String) -> MarkerStatus? {
        let written = text.lowercased().filter { $0.isLetter }
        if ["notdetected", "negative", "absent", "wildtype", "nomutation"].contains(where: written.contains) { return .negative }
        if ["detected", "positive", "present"].contains(where: written.contains) { return .positive }
        return nil
    }

    /// Text results: HER2 by FISH as Synthea writes it ("greater than 2.2" amplified, "less than 1.8" not), and
    /// plain words.
    static func her2FISH(_ text: String) -> MarkerStatus? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "greater than 2.2", "positive", "detected", "amplified": .positive
        case "less than 1.8", "negative", "not detected", "not amplified": .negative
        default: nil
        }
    }

    /// Genes named in an Observation's code text (when no listed code matches), for molecular results.
    static func gene(namedIn text: String) -> LungGene? {
        let words = Set(text.uppercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return [LungGene.egfr, .alk, .ros1, .kras, .braf].first { words.contains($0.rawValue) }
    }

    /// RxNorm and SNOMED treatment codes of the Synthea sample and mCODE examples → treatment classes.
    static let treatments: [String: [TreatmentClass]] = [
        // Procedures (SNOMED).
        "703423002": [.chemotherapy, .radiotherapy], "33195004": [.radiotherapy], "385798007": [.radiotherapy],
        "367336001": [.chemotherapy], "392021009": [.surgery], "392023007": [.surgery],
        "447759004": [.radiotherapy], "113120007": [.radiotherapy],
        // Drugs (RxNorm clinical drugs Synthea writes).
        "1736854": [.chemotherapy], "583214": [.chemotherapy], "226719": [.chemotherapy], "1734919": [.chemotherapy],
        "1790099": [.chemotherapy], "198240": [.endocrineTherapy], "310261": [.endocrineTherapy], "727762": [.endocrineTherapy],
        "199224": [.endocrineTherapy], "200064": [.endocrineTherapy], "752899": [.androgenDeprivation],
        "199123": [.androgenDeprivation], "2119714": [.trastuzumab],
        "1946840": [.targetedTherapy], "1601380": [.targetedTherapy], "1873983": [.targetedTherapy],
    ]

    /// Drug names (ingredients, brands) → treatment classes, for medications coded in another system or
    /// only as text.
    static let treatmentNames: [String: TreatmentClass] = [
        "CISPLATIN": .chemotherapy, "CARBOPLATIN": .chemotherapy, "PACLITAXEL": .chemotherapy, "DOCETAXEL": .chemotherapy,
        "DOXORUBICIN": .chemotherapy, "CYCLOPHOSPHAMIDE": .chemotherapy, "CAPECITABINE": .chemotherapy, "PEMETREXED": .chemotherapy,
        "ETOPOSIDE": .chemotherapy, "VINORELBINE": .chemotherapy, "EPIRUBICIN": .chemotherapy, "FLUOROURACIL": .chemotherapy,
        "TAMOXIFEN": .endocrineTherapy, "LETROZOLE": .endocrineTherapy, "ANASTROZOLE": .endocrineTherapy,
        "EXEMESTANE": .endocrineTherapy, "FULVESTRANT": .endocrineTherapy,
        "LEUPROLIDE": .androgenDeprivation, "GOSERELIN": .androgenDeprivation, "DEGARELIX": .androgenDeprivation,
        "BICALUTAMIDE": .androgenDeprivation, "ABIRATERONE": .androgenDeprivation, "ENZALUTAMIDE": .androgenDeprivation,
        "APALUTAMIDE": .androgenDeprivation, "DAROLUTAMIDE": .androgenDeprivation,
        "TRASTUZUMAB": .trastuzumab, "PERTUZUMAB": .targetedTherapy,
        "ZOLEDRONIC": .bisphosphonate, "ALENDRONATE": .bisphosphonate, "IBANDRONATE": .bisphosphonate,
        "PEMBROLIZUMAB": .immunotherapy, "NIVOLUMAB": .immunotherapy, "ATEZOLIZUMAB": .immunotherapy,
        "DURVALUMAB": .immunotherapy, "CEMIPLIMAB": .immunotherapy, "IPILIMUMAB": .immunotherapy,
        "OSIMERTINIB": .targetedTherapy, "GEFITINIB": .targetedTherapy, "ERLOTINIB": .targetedTherapy, "AFATINIB": .targetedTherapy,
        "ALECTINIB": .targetedTherapy, "CRIZOTINIB": .targetedTherapy, "LORLATINIB": .targetedTherapy, "BRIGATINIB": .targetedTherapy,
        "DABRAFENIB": .targetedTherapy, "TRAMETINIB": .targetedTherapy, "SOTORASIB": .targetedTherapy, "ADAGRASIB": .targetedTherapy,
        "PALBOCICLIB": .targetedTherapy, "RIBOCICLIB": .targetedTherapy, "ABEMACICLIB": .targetedTherapy, "VERZENIO": .targetedTherapy,
    ]

    /// The treatment classes of the drug names a text contains.
    static func treatments(namedIn text: String) -> [TreatmentClass] {
        text.uppercased().split { !$0.isLetter }.compactMap { treatmentNames[String($0)] }
    }
}
