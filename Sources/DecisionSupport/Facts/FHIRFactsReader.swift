import Foundation
import Ingest
import OMOP

/// Reads one patient's FHIR resources into facts; collects every impossible value before throwing.
struct FHIRFactsReader {
    typealias Codes = FHIRFactsCodes
    let asOf: CDMDate?
    private var issues: [PatientFactsError.Issue] = []

    init(asOf: CDMDate?) {
        self.asOf = asOf
    }

    private struct Diagnosis {
        let id: String?
        let site: CancerSite
        var histology: Histology?
        let date: CDMDate?
    }

    mutating func read(_ resources: [JSONValue]) throws(PatientFactsError) -> PatientFacts {
        var facts = PatientFacts()
        let patient = resources.first { $0["resourceType"]?.string == "Patient" }
        let own = resources.filter { isAbout(patient?["id"]?.string, $0) }
        let byType = Dictionary(grouping: own) { $0["resourceType"]?.string ?? "" }

        switch patient?["gender"]?.string {
        case "male": facts.sex = .male
        case "female": facts.sex = .female
        default: break
        }
        let birth = patient.flatMap { birthDate($0) }
        let diagnosis = firstDiagnosis(byType["Condition"] ?? [])
        facts.cancer = diagnosis?.site
        facts.histology = diagnosis?.histology
        facts.diagnosisDate = diagnosis?.date
        if let birth, let reference = diagnosis?.date ?? asOf {
            facts.age = PatientFacts.age(year: birth.year, month: birth.month, day: birth.day, on: reference)
        }
        let findings = (byType["Observation"] ?? []).flatMap { observation($0, diagnosis: diagnosis?.id) }
        if let day = diagnosis?.date, hasComorbidity(byType["Condition"] ?? [], before: day) { facts.comorbidity = true }
        let treatments = priorTreatments(byType)
        facts.priorTreatments = treatments.isEmpty ? nil : treatments
        guard issues.isEmpty else { throw PatientFactsError(issues) }
        try facts.apply(findings)
        return facts
    }

    // MARK: References and dates

    /// Whether a resource is about the patient (true when either side does not say).
    private func isAbout(_ patientID: String?, _ resource: JSONValue) -> Bool {
        guard let patientID, resource["resourceType"]?.string != "Patient" else { return true }
        guard let reference = (resource["subject"] ?? resource["patient"])?["reference"]?.string else { return true }
        let id = reference.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init)
        return id == patientID
    }

    private static func referenceID(_ reference: JSONValue) -> String? {
        reference["reference"]?.string?.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init)
    }

    private func name(_ resource: JSONValue) -> String {
        "\(resource["resourceType"]?.string ?? "resource")/\(resource["id"]?.string ?? "?")"
    }

    /// A FHIR date or dateTime as a calendar date (the date part as written); an unreadable one is an issue.
    private mutating func date(_ resource: JSONValue, _ elements: [String]) -> CDMDate? {
        for element in elements {
            let parts = element.split(separator: ".").map(String.init)
            var value: JSONValue? = resource
            for part in parts { value = value?[part] }
            guard let text = value?.string else { continue }
            if let date = CDMDate(String(text.prefix(10))) { return date }
            if let year = Int(text.prefix(4)), text.count >= 4, let date = CDMDate(year: year, month: Int(text.dropFirst(5).prefix(2)) ?? 1, day: 1) {
                return date  // a partial date (YYYY or YYYY-MM): its first day
            }
            issues.append(.init(field: "\(name(resource)).\(element)", message: "\"\(text)\" is not a FHIR date"))
            return nil
        }
        return nil
    }

    private func isKnown(_ date: CDMDate?) -> Bool {
        guard let date, let asOf else { return true }
        return date <= asOf
    }

    private mutating func birthDate(_ patient: JSONValue) -> (year: Int, month: Int?, day: Int?)? {
        guard let text = patient["birthDate"]?.string else { return nil }
        let parts = text.split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first, parts.allSatisfy({ $0 != nil }), parts.count <= 3,
              CDMDate(year: year, month: parts.count > 1 ? parts[1]! : 1, day: parts.count > 2 ? parts[2]! : 1) != nil
        else {
            issues.append(.init(field: "\(name(patient)).birthDate", message: "\"\(text)\" is not a FHIR date"))
            return nil
        }
        return (year, parts.count > 1 ? parts[1] : nil, parts.count > 2 ? parts[2] : nil)
    }

    private static func codings(_ concept: JSONValue?) -> [(system: String?, code: String, display: String?)] {
        (concept?["coding"]?.elements ?? []).compactMap { coding in
            coding["code"]?.string.map { (coding["system"]?.string, $0, coding["display"]?.string) }
        }
    }

    // MARK: Conditions

    /// The earliest prostate, breast or lung cancer Condition (undated ones last), with the histology its code or
    /// its mCODE histology-morphology-behavior extension names.
    private mutating func firstDiagnosis(_ conditions: [JSONValue]) -> Diagnosis? {
        var found: [Diagnosis] = []
        for condition in conditions {
            if let status = Self.codings(condition["verificationStatus"]).first?.code, ["refuted", "entered-in-error"].contains(status) { continue }
            guard let match = Self.codings(condition["code"]).lazy.compactMap({ Codes.cancers[$0.code] }).first else { continue }
            let day = date(condition, ["onsetDateTime", "onsetPeriod.start", "recordedDate"])
            guard isKnown(day) else { continue }
            let morphology = (condition["extension"]?.elements ?? [])
                .filter { $0["url"]?.string == Codes.histologyExtension }
                .flatMap { Self.codings($0["valueCodeableConcept"]) }
                .lazy.compactMap { Codes.morphologies[$0.code] }.first
            let possible: Set<Histology> = match.site == .lung ? [.adenocarcinoma, .squamous, .largeCell, .smallCell, .nonSmallCell]
                : match.site == .breast ? [.ductal, .lobular] : []
            let histology = [morphology, match.histology].compactMap { $0 }.first { possible.contains($0) }
            found.append(Diagnosis(id: condition["id"]?.string, site: match.site, histology: histology, date: day))
        }
        return found.min { a, b in
            switch (a.date, b.date) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            default: false
            }
        }
    }

    /// Charlson-type chronic conditions (SNOMED codes of `OMOPFactConcepts.comorbidities`) recorded before the diagnosis.
    private mutating func hasComorbidity(_ conditions: [JSONValue], before day: CDMDate) -> Bool {
        let codes: Set<String> = ["44054006", "13645005", "433144002", "53741008"]
        for condition in conditions where Self.codings(condition["code"]).contains(where: { codes.contains($0.code) }) {
            if let onset = date(condition, ["onsetDateTime", "onsetPeriod.start", "recordedDate"]), onset < day { return true }
        }
        return false
    }

    // MARK: Observations

    /// What one Observation states (nothing for codes the facts do not hold).
    private mutating func observation(_ resource: JSONValue, diagnosis: String?) -> [RecordedFinding] {
        if let status = resource["status"]?.string, ["entered-in-error", "cancelled"].contains(status) { return [] }
        let codings = Self.codings(resource["code"])
        let listed = codings.lazy.compactMap { Codes.observations[$0.code] }.first
        let text = ([resource["code"]?["text"]?.string] + codings.map(\.display)).compactMap { $0 }.joined(separator: " ")
        guard let (kind, rank) = listed ?? Self.kind(namedIn: text) else { return [] }
        guard let day = date(resource, ["effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued"]), isKnown(day) else { return [] }
        let linked = diagnosis != nil && (resource["focus"]?.elements ?? []).contains { Self.referenceID($0) == diagnosis }
        let source = name(resource)
        guard let (value, element) = Self.value(of: resource, kind: kind) else { return [] }
        var finalKind = kind, finalRank = rank * 2
        switch (kind, value) {
        case (.er, .number): finalKind = .erPercent
        case (.pr, .number): finalKind = .prPercent
        case (.stageGroup, .text(let group)): finalRank += group.count > 1 && group.last.map { "ABC123".contains($0) } == true ? 1 : 0
        default: break
        }
        return [RecordedFinding(finalKind, value, date: day, linked: linked, rank: finalRank, source: "\(source) \(element)")]
    }

    /// Markers without a listed code, recognised by the name in the code's text or display.
    private static func kind(namedIn text: String) -> (RecordedFinding.Kind, Int)? {
        let upper = text.uppercased()
        if upper.contains("KI-67") || upper.contains("KI67") { return (.ki67, 0) }
        if upper.contains("PD-L1") { return (.pdl1, 0) }
        return Codes.gene(namedIn: text).map { (.gene($0), 0) }
    }

    /// The value of an Observation as the kind of finding reads it, with the element it came from.
    private static func value(of resource: JSONValue, kind: RecordedFinding.Kind) -> (RecordedFinding.Value, String)? {
        let concept = resource["valueCodeableConcept"]
        let valueCodings = codings(concept)
        let words = ([concept?["text"]?.string] + valueCodings.flatMap { [$0.code, $0.display] }).compactMap { $0 }
        let quantity = resource["valueQuantity"]
        let number = quantity?["value"]?.number ?? resource["valueInteger"]?.number
        let element = quantity != nil ? "valueQuantity" : resource["valueInteger"] != nil ? "valueInteger" : "valueCodeableConcept"
        switch kind {
        case .stageGroup:
            if let group = valueCodings.lazy.compactMap({ Codes.stageGroups[$0.code] }).first ?? words.lazy.compactMap(stageGroup).first {
                return (.text(group), "valueCodeableConcept")
            }
        case .t, .n, .m:
            let axis: TNMCategory.Axis = kind == .t ? .t : kind == .n ? .n : .m
            let listed = valueCodings.lazy.compactMap { Codes.categories[$0.code] }.compactMap { TNMCategory($0, axis: axis) }.first
            let named = words.lazy.flatMap { $0.split(separator: " ") }.compactMap { TNMCategory(String($0), axis: axis) }.first
            if let category = listed ?? named { return (.category(category), "valueCodeableConcept") }
        case .gene(let gene):
            let texts = ([resource["valueString"]?.string] + words).compactMap { $0 }
            if let variant = texts.lazy.compactMap({ Codes.variant(of: gene, namedIn: $0) }).first { return (.text(variant), "value") }
            if let status = valueCodings.lazy.compactMap({ Codes.answers[$0.code] }).first { return (.status(status), "valueCodeableConcept") }
            if let status = texts.lazy.compactMap(Codes.geneStatus).first { return (.status(status), "value") }
        case .er, .pr, .her2:
            if let status = valueCodings.lazy.compactMap({ Codes.answers[$0.code] }).first { return (.status(status), "valueCodeableConcept") }
            if let text = resource["valueString"]?.string ?? concept?["text"]?.string, let status = Codes.her2FISH(text) {
                return (.status(status), resource["valueString"] != nil ? "valueString" : "valueCodeableConcept.text")
            }
            if kind == .er || kind == .pr, let number, isPercent(quantity) { return (.number(number), element) }
        case .tumourSizeMM:
            guard let number else { return nil }
            switch (quantity?["code"]?.string ?? quantity?["unit"]?.string)?.lowercased() {
            case "cm": return (.number(number * 10), element)
            case "mm": return (.number(number), element)
            default: return nil
            }
        case .gradeGroup, .grade:
            if let number { return (.number(number), element) }
            // "Grade group 3", "Nottingham grade 2": the number ends the words; codes (LA27824-4) are not read for it.
            let named = [concept?["text"]?.string] + valueCodings.map(\.display)
            let digits = named.compactMap { $0?.last?.wholeNumberValue }.first
            if let digits { return (.number(Double(digits)), "valueCodeableConcept") }
        default:
            if let number { return (.number(number), element) }
        }
        return nil
    }

    private static func isPercent(_ quantity: JSONValue?) -> Bool {
        (quantity?["code"]?.string ?? quantity?["unit"]?.string) == "%"
    }

    /// A stage group written out ("Stage IIA", "IIIB"), in the spelling of `PatientFacts`.
    private static func stageGroup(_ text: String) -> String? {
        var body = text.uppercased().replacingOccurrences(of: "STAGE", with: "").trimmingCharacters(in: .whitespaces)
        body = String(body.prefix { !$0.isWhitespace && $0 != "(" })
        let groups = ["0", "IV", "III", "II", "I"]
        guard let group = groups.first(where: { body.hasPrefix($0) }) else { return nil }
        let rest = body.dropFirst(group.count)
        guard rest.isEmpty || (rest.count <= 2 && "ABC".contains(rest.first!) && rest.dropFirst().allSatisfy { "123".contains($0) }) else { return nil }
        return body
    }

    // MARK: Treatments

    /// Treatment classes of medications and procedures dated before `asOf` (all, without one).
    private mutating func priorTreatments(_ byType: [String: [JSONValue]]) -> [TreatmentClass] {
        var found: Set<TreatmentClass> = []
        let sources: [(type: String, code: String, dates: [String], stopped: Set<String>)] = [
            ("MedicationRequest", "medicationCodeableConcept", ["authoredOn"], ["cancelled", "entered-in-error", "draft"]),
            ("MedicationAdministration", "medicationCodeableConcept", ["effectiveDateTime", "effectivePeriod.start"], ["not-done", "entered-in-error"]),
            ("Procedure", "code", ["performedDateTime", "performedPeriod.start"], ["not-done", "entered-in-error", "preparation"]),
        ]
        for source in sources {
            for resource in byType[source.type] ?? [] {
                if let status = resource["status"]?.string, source.stopped.contains(status) { continue }
                let concept = resource[source.code]
                var classes = Self.codings(concept).flatMap { Codes.treatments[$0.code] ?? [] }
                if classes.isEmpty {
                    let names = ([concept?["text"]?.string] + Self.codings(concept).map(\.display)).compactMap { $0 }.joined(separator: " ")
                    classes = Codes.treatments(namedIn: names)
                }
                guard !classes.isEmpty else { continue }
                if let asOf {
                    guard let day = date(resource, source.dates), day < asOf else { continue }
                }
                found.formUnion(classes)
            }
        }
        return TreatmentClass.allCases.filter(found.contains)
    }
}
