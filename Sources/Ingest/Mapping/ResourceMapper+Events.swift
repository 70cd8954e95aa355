import CDMStore
import OMOP

/// What a coded clinical event carries besides its code: the shared input of every clinical row.
struct ClinicalEvent {
    var person: Int64
    var visit: (visit: Int64, detail: Int64)?
    var start: FHIRDate
    var end: FHIRDate?
    var type: Int64
    var value: EventValue?
    /// The diagnosis or procedure this event describes: a cancer modifier's `measurement_event_id` and its field concept.
    var describes: (id: Int64, field: Int64)?
    /// Extra fields of a drug or device row (quantity, days supply, device id).
    var extra: [(String, SQLValue)] = []
}

/// An observation's value.
struct EventValue {
    var number: Double?
    var unit: Coding?
    var unitText: String?
    var concept: Coding?
    var text: String?

    /// The `value[x]` of an Observation or a component; nil when it has none.
    init?(_ element: JSONValue, prefix: String = "value") {
        if let quantity = element["\(prefix)Quantity"] {
            number = quantity["value"]?.number
            unitText = quantity["code"]?.string ?? quantity["unit"]?.string
            if let system = quantity["system"]?.string, let code = quantity["code"]?.string {
                unit = Coding(system: system, code: code, display: quantity["unit"]?.string)
            }
        } else if let concept = element["\(prefix)CodeableConcept"] {
            let codings = Coding.codings(of: concept)
            self.concept = codings.first
            text = codings.isEmpty ? concept["text"]?.string : nil
        } else if let string = element["\(prefix)String"]?.string {
            text = string
        } else if let integer = element["\(prefix)Integer"]?.number {
            number = integer
        } else if let bool = element["\(prefix)Boolean"]?.bool {
            text = bool ? "true" : "false"
        } else {
            return nil
        }
    }
}

extension ResourceMapper {
    /// The person a reference names; erased persons' resources are skipped, unknown ones rejected.
    func person(_ element: JSONValue?, field: String) throws -> Int64 {
        guard let reference = Reference(element), reference.names("Patient") else {
            throw Rejection("no \(field) reference to a Patient")
        }
        if index.erasedPatients.contains(reference.id) { throw Skip(Self.erased) }
        guard let id = index.persons[reference.id] else {
            throw Rejection("its \(field) Patient is neither in this import nor in an earlier one")
        }
        mapEntry.person = id
        return id
    }

    /// The visit an `encounter` (or `context`) reference names, when it was imported, and the encounter's own
    /// `visit_detail_id` (its key from before visits merged).
    func visit(_ element: JSONValue?) -> (visit: Int64, detail: Int64)? {
        guard let reference = Reference(element), reference.names("Encounter") else { return nil }
        return index.visits[reference.id]
    }

    /// A FHIR date element; a present but invalid date rejects the resource.
    func date(_ element: JSONValue?, _ field: String) throws -> FHIRDate? {
        guard let element else { return nil }
        guard let text = element.string, let date = FHIRDate(text) else { throw Rejection("invalid date in \(field)") }
        return date
    }

    /// The first of several date elements that is present (`onsetDateTime`, else `onsetPeriod.start`, …).
    func firstDate(_ candidates: [(JSONValue?, String)], required: String?) throws -> FHIRDate? {
        for (element, field) in candidates where element != nil {
            if let date = try date(element, field) { return date }
        }
        if let required { throw Rejection("no \(required)") }
        return nil
    }

    /// The coding that decides a row (rule 5 of the FHIR-to-OMOP IG): the first with a standard concept,
    /// else the first of a known vocabulary, else the first; nil when there is no coding.
    func choose(_ codings: [Coding]) -> (coding: Coding, mapping: ConceptMapping)? {
        var fallback: (Coding, ConceptMapping)?
        for coding in codings {
            let mapping = lookup.mapping(coding.sourceCode)
            if mapping.isMapped { return (coding, mapping) }
            if fallback == nil || (fallback!.1.vocabularyID == nil && mapping.vocabularyID != nil) { fallback = (coding, mapping) }
        }
        if let fallback { pendingUnmapped.append(fallback.0) }
        return fallback
    }

    /// The concept of a value or unit coding: its first standard target, else 0 (counted as unmapped).
    func valueConcept(_ coding: Coding?) -> Int64? {
        guard let coding else { return nil }
        let mapping = lookup.mapping(coding.sourceCode)
        guard let target = mapping.targets.first else {
            pendingUnmapped.append(coding)
            return ConceptID.noMatchingConcept
        }
        return target.conceptID
    }

    /// Writes the rows of one coded event: one per standard target, each in the table its domain names
    /// (`defaultDomain` when the code is unmapped or its domain has no clinical table). Returns the first row.
    @discardableResult
    func emit(_ codings: [Coding], text: String?, defaultDomain: String, forceDomain: Bool = false, _ event: ClinicalEvent) throws -> (table: String, id: Int64) {
        guard let chosen = choose(codings) else {
            guard let text, !text.isEmpty else { throw Rejection("no code") }
            return writeEvent(domain: defaultDomain, concept: ConceptID.noMatchingConcept, sourceValue: text, sourceConcept: 0, event)
        }
        let targets = chosen.mapping.targets
        guard !targets.isEmpty else {
            return writeEvent(domain: defaultDomain, concept: ConceptID.noMatchingConcept, sourceValue: chosen.coding.code,
                              sourceConcept: chosen.mapping.sourceConceptID, event)
        }
        let source = sourceCoding(codings, besides: chosen.coding, mappingTo: targets[0].conceptID) ?? (chosen.coding, chosen.mapping)
        var first: (String, Int64)?
        for target in targets {
            let domain = forceDomain || !Self.clinicalDomains.contains(target.domainID) ? defaultDomain : target.domainID
            let row = writeEvent(domain: domain, concept: target.conceptID, sourceValue: source.0.code, sourceConcept: source.1.sourceConceptID, event)
            first = first ?? row
        }
        return first!
    }

    /// A non-standard coding beside the chosen one that maps to the same concept: the source code the
    /// record was made from (an ICD-10 or local code next to its SNOMED translation), kept as `*_source_*`.
    private func sourceCoding(_ codings: [Coding], besides chosen: Coding, mappingTo target: Int64) -> (Coding, ConceptMapping)? {
        guard codings.count > 1 else { return nil }
        for coding in codings where coding != chosen {
            let mapping = lookup.mapping(coding.sourceCode)
            let isStandard = mapping.targets.contains { $0.conceptID == mapping.sourceConceptID }
            if mapping.sourceConceptID != 0, !isStandard, mapping.targets.contains(where: { $0.conceptID == target }) { return (coding, mapping) }
        }
        return nil
    }

    static let clinicalDomains: Set<String> = ["Condition", "Observation", "Measurement", "Procedure", "Drug", "Device"]
}
