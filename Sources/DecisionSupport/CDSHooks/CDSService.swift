/// One entry of the CDS Hooks 2.0 discovery document (`GET /cds-services`, reference §1.2).
public struct CDSService: Sendable, Encodable, Equatable {
    public let hook: String
    public let id: String
    public let title: String
    public let description: String
    /// Prefetch key → FHIR query template with `{{context.patientId}}` tokens.
    public let prefetch: [String: String]
    public let usageRequirements: String?

    /// Optima's services: oncology cards when a chart opens, and a check of systemic therapy for advanced NSCLC
    /// when one is selected.
    public static let catalog: [CDSService] = [
        CDSService(
            hook: "patient-view", id: "optima-oncology",
            title: "Oncology decision support (prostate, breast, lung)",
            description: "Guideline risk group, stage and PREDICT-style prognosis for the patient's prostate, breast or lung cancer, with real-world outcomes of similar patients",
            prefetch: PrefetchTemplate.oncology,
            usageRequirements: "Needs the patient's cancer Condition and its staging and marker Observations (mCODE or Synthea codes)"),
        CDSService(
            hook: "order-select", id: "optima-nsclc-therapy",
            title: "First-line systemic therapy check for advanced NSCLC",
            description: "Checks a selected systemic therapy against the biomarker-directed first-line table (ESMO/ASCO/NCCN) for advanced non-small-cell lung cancer",
            prefetch: PrefetchTemplate.oncology,
            usageRequirements: "Needs the patient's lung cancer Condition, stage, driver-gene and PD-L1 Observations"),
    ]

    /// The service with this id.
    public static func named(_ id: String) throws(CDSHooksError) -> CDSService {
        guard let service = catalog.first(where: { $0.id == id }) else { throw .unknownService(id) }
        return service
    }
}

/// The prefetch templates: the FHIR searches a client runs before calling, so the service needs no callback.
enum PrefetchTemplate {
    /// Condition without a category filter, since Synthea writes `encounter-diagnosis` (reference §1.8).
    static let oncology: [String: String] = [
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}",
        "observations": "Observation?patient={{context.patientId}}&code=" + observationCodes.joined(separator: ","),
        "medications": "MedicationRequest?patient={{context.patientId}}",
        "procedures": "Procedure?patient={{context.patientId}}",
    ]

    /// Staging (SNOMED and LOINC, clinical and pathological), PSA, receptors, HER2 (mCODE and Synthea codes),
    /// tumour size and the lung driver and PD-L1 results (reference §5.1).
    static let observationCodes: [String] = [
        "http://snomed.info/sct|399537006", "http://snomed.info/sct|399588009", "http://snomed.info/sct|399504009",
        "http://snomed.info/sct|399534004", "http://snomed.info/sct|399387003", "http://snomed.info/sct|384625004",
        "http://snomed.info/sct|371494008", "http://snomed.info/sct|371497001",
        "http://loinc.org|21908-9", "http://loinc.org|21902-2", "http://loinc.org|21905-5", "http://loinc.org|21906-3",
        "http://loinc.org|21907-1", "http://loinc.org|21899-0", "http://loinc.org|21900-6", "http://loinc.org|21901-4",
        "http://loinc.org|2857-1", "http://loinc.org|85337-4", "http://loinc.org|85339-0", "http://loinc.org|48676-1",
        "http://loinc.org|85319-2", "http://loinc.org|85318-4", "http://loinc.org|33728-7", "http://loinc.org|44648-4",
    ]
}

extension CDSService {
    private enum CodingKeys: String, CodingKey {
        case hook, id, title, description, prefetch, usageRequirements
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hook, forKey: .hook)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        if !prefetch.isEmpty { try container.encode(prefetch, forKey: .prefetch) }
        try container.encodeIfPresent(usageRequirements, forKey: .usageRequirements)
    }
}
