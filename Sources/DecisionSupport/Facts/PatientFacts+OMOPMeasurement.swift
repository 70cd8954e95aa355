import CDMStore
import OMOP

extension RecordedFinding {
    typealias Concepts = OMOPFactConcepts

    /// What one measurement row states, or nil when it states nothing the facts hold.
    static func measurement(_ row: SQLRow, concept: Int64, date: CDMDate, linked: Bool) -> RecordedFinding? {
        let source = "measurement \(row["id"].integerValue ?? 0)"
        func make(_ kind: RecordedFinding.Kind, _ value: RecordedFinding.Value?) -> RecordedFinding? {
            value.map { RecordedFinding(kind, $0, date: date, linked: linked, source: source) }
        }
        let number = row["number"].doubleValue.map(RecordedFinding.Value.number)
        let answer = Concepts.status(row["answer"].integerValue)
            ?? row["answer_text"].textValue.flatMap { FHIRFactsCodes.answers[$0] ?? FHIRFactsCodes.her2FISH($0) }
        let status = answer.map(RecordedFinding.Value.status)
        if concept == ConceptID.noMatchingConcept {
            // A FHIR code the vocabulary lacks, imported with its LOINC code as the source value.
            guard let kind = row["code"].textValue.flatMap({ Concepts.unmappedKinds[$0] }) else { return nil }
            switch kind {
            case .er, .pr, .her2, .gene: return make(kind, status)
            default: return make(kind, number)
            }
        }
        if let category = Concepts.tnm[concept] {
            let kind: RecordedFinding.Kind = switch category.axis { case .t: .t; case .n: .n; case .m: .m }
            return make(kind, .category(category))
        }
        if let index = ConceptID.Modifier.stages.firstIndex(of: concept) { return make(.stageGroup, .text(Concepts.stageGroups[index])) }
        if let index = ConceptID.Modifier.grades.firstIndex(of: concept) { return make(.grade, .number(Double(index + 1))) }
        if let gene = Concepts.genes[concept] { return make(.gene(gene), status) }
        switch concept {
        case ConceptID.Marker.psa: return make(.psa, number)
        case ConceptID.Marker.gleasonScore: return make(.gleasonScore, number)
        case ConceptID.Marker.isupGradeGroup: return make(.gradeGroup, number)
        case ConceptID.Marker.biopsyCoresPositive: return make(.coresPositive, number)
        case ConceptID.Marker.biopsyCoresTaken: return make(.coresTaken, number)
        case ConceptID.Marker.estrogenReceptor:
            return status == nil && isPercent(row) ? make(.erPercent, number) : make(.er, status)
        case ConceptID.Marker.progesteroneReceptor:
            return status == nil && isPercent(row) ? make(.prPercent, number) : make(.pr, status)
        case ConceptID.Marker.her2, Concepts.her2FISH: return make(.her2, status)
        case ConceptID.Marker.ki67: return make(.ki67, number)
        case ConceptID.Marker.tumorSize, Concepts.tumourMaximumDimension:
            return make(.tumourSizeMM, row["number"].doubleValue.flatMap { millimetres($0, row) }.map(RecordedFinding.Value.number))
        case ConceptID.Marker.lymphNodesPositive: return make(.positiveNodes, number)
        case ConceptID.Marker.pdl1TumorProportionScore: return make(.pdl1, number)
        default: return nil
        }
    }

    private static func isPercent(_ row: SQLRow) -> Bool {
        row["unit"].integerValue == ConceptID.Unit.percent || row["unit_text"].textValue == "%"
    }

    /// A tumour size in mm: Optima's own rows are in mm; the importer keeps the unit of the FHIR quantity (Synthea: cm).
    private static func millimetres(_ value: Double, _ row: SQLRow) -> Double? {
        let unit = row["unit_text"].textValue?.lowercased()
        if row["unit"].integerValue == Concepts.centimetre || unit == "cm" { return value * 10 }
        if row["unit"].integerValue == ConceptID.Unit.millimetre || unit == "mm" || unit == nil { return value }
        return nil
    }
}
