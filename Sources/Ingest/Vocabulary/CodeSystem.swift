import Foundation

/// FHIR code-system URIs and the OMOP vocabularies they name. FHIR codings carry a URI; the OMOP
/// `concept` table knows codes by `vocabulary_id`, so every lookup and every export goes through here.
public enum CodeSystem {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    public static let ucum = "http://unitsofmeasure.org"
    public static let cvx = "http://hl7.org/fhir/sid/cvx"
    public static let icd10 = "http://hl7.org/fhir/sid/icd-10"
    public static let icd10cm = "http://hl7.org/fhir/sid/icd-10-cm"
    public static let icd9cm = "http://hl7.org/fhir/sid/icd-9-cm"
    public static let icdo3 = "http://terminology.hl7.org/CodeSystem/icd-o-3"
    public static let ndc = "http://hl7.org/fhir/sid/ndc"
    public static let cpt = "http://www.ama-assn.org/go/cpt"
    public static let hcpcs = "urn:oid:2.16.840.1.113883.6.285"
    /// OHDSI's code system whose codes are OMOP concept_ids: how a FHIR export writes a concept that
    /// has no FHIR code system of its own (local 2-billion concepts, Cancer Modifier, OMOP Genomic, ...).
    public static let omopConcept = "https://fhir-terminology.ohdsi.org"

    /// Canonical URI → vocabulary_id; `uri(ofVocabulary:)` reads it backwards, so keep it one-to-one.
    private static let vocabularies: [(uri: String, vocabularyID: String)] = [
        (snomed, "SNOMED"), (loinc, "LOINC"), (rxnorm, "RxNorm"), (ucum, "UCUM"), (cvx, "CVX"),
        (icd10, "ICD10"), (icd10cm, "ICD10CM"), (icd9cm, "ICD9CM"), (icdo3, "ICDO3"), (ndc, "NDC"),
        (cpt, "CPT4"), (hcpcs, "HCPCS"),
    ]

    /// Other spellings met in real data, read but never written.
    private static let aliases: [String: String] = [
        // Synthea writes `system: "LOINC"` on one breast-cancer observation (reference doc section 6, quirk 1).
        "loinc": "LOINC",
        // The HL7 OID of ICD-O-3.
        "urn:oid:2.16.840.1.113883.6.43.1": "ICDO3",
    ]

    private static let byKey: [String: String] = {
        var table = aliases
        for (uri, vocabularyID) in vocabularies { table[key(uri)] = vocabularyID }
        return table
    }()

    /// The OMOP vocabulary_id of a FHIR code-system URI; nil when unknown. Tolerates a trailing slash,
    /// http/https and letter case, which real feeds vary.
    public static func vocabularyID(of system: String) -> String? {
        // Exact spellings first: this runs for every coding of every resource, and normalising costs more than the lookup.
        if let vocabularyID = exact[system] { return vocabularyID }
        return byKey[key(system)]
    }

    private static let exact: [String: String] = Dictionary(uniqueKeysWithValues: vocabularies.map { ($0.uri, $0.vocabularyID) })

    /// The FHIR URI of an OMOP vocabulary, for writing FHIR; nil when there is none (callers then use `omopConcept`).
    public static func uri(ofVocabulary vocabularyID: String) -> String? {
        vocabularies.first { $0.vocabularyID == vocabularyID }?.uri
    }

    /// Whether a system is `omopConcept`, in any of the tolerated spellings.
    public static func isOMOPConcept(_ system: String) -> Bool {
        key(system) == key(omopConcept)
    }

    /// The comparison form of a URI: lower case, `https` as `http`, no trailing slash.
    static func key(_ system: String) -> String {
        var text = system.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("https://") { text = "http://" + text.dropFirst("https://".count) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
