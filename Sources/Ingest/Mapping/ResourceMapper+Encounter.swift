import CDMStore
import OMOP

extension ResourceMapper {
    /// Encounter → visit_occurrence, one per encounter; the visit derivation after the load merges them
    /// as ETL-Synthea does (`VisitMerge`) and keeps each encounter as a visit_detail.
    func mapEncounter(id: String, _ resource: JSONValue) throws {
        if let status = resource["status"]?.string, ["entered-in-error", "cancelled"].contains(status) {
            throw Skip("status \(status)")
        }
        let personID = try person(resource["subject"], field: "subject")
        guard let start = try firstDate([(resource["period"]?["start"], "period.start")], required: "period.start") else { return }
        let end = try date(resource["period"]?["end"], "period.end") ?? start
        guard end.date >= start.date else { throw Rejection("period.end is before period.start") }
        let classCode = resource["class"]?["code"]?.string
        let visitConcept = classCode.flatMap { fixed.concept(.visit, SourceCode(system: Self.actCodeSystem, code: $0)) }
        if visitConcept == nil, let classCode {
            pendingUnmapped.append(Coding(system: Self.actCodeSystem, code: classCode, display: resource["class"]?["display"]?.string))
        }
        let type = Coding.codings(of: resource["type"]?.elements.first).first
        let visitID = ids.take("visit_occurrence")
        pending.append(("visit_occurrence", [
            ("visit_occurrence_id", .integer(visitID)), ("person_id", .integer(personID)),
            ("visit_concept_id", .integer(visitConcept ?? ConceptID.noMatchingConcept)),
            ("visit_start_date", .date(start.date)), ("visit_start_datetime", datetime(start)),
            ("visit_end_date", .date(end.date)), ("visit_end_datetime", datetime(end)),
            ("visit_type_concept_id", .integer(ConceptID.TypeConcept.ehrEncounterRecord)),
            ("visit_source_value", .text(classCode.map { c in type.map { "\(c) \($0.code)" } ?? c } ?? type?.code ?? "")),
        ]))
        index.visits[id] = (visitID, visitID)
        mapEntry = ("visit_detail", visitID, personID, nil)
    }

    static let actCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
}
