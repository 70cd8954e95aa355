import CDMStore
import Cohorts
import OMOP

extension QualityTable {
    /// The table's checks as one pass over its rows `t`, each joined to its person's facts `f` (`QualityPass`);
    /// rows of persons who object are left out, rows of persons who do not exist are kept (`isForeignKey`).
    func pass() -> QualityPass {
        let date = "t.\(dateField)"
        var measures = [
            QualityPass.Measure(check: check("isForeignKey", .conformance, field: "person_id", threshold: 0, "person_id that is not in person"),
                                violating: "f.person_id IS NULL", denominator: nil),
            QualityPass.Measure(check: check("plausibleTemporalAfter", .plausibility, field: dateField, threshold: 1,
                                             "\(dateField) before the person's birth"),
                                violating: "\(date) < f.born", denominator: "f.person_id IS NOT NULL"),
        ]
        if isClinicalEvent {
            measures.append(QualityPass.Measure(
                check: check("plausibleDuringLife", .plausibility, field: dateField, threshold: 1,
                             "\(dateField) more than \(Self.daysAfterDeath) days after the person's death"),
                violating: "\(date) > f.late", denominator: "f.died IS NOT NULL"))
            // Inside the hull of a person's only period is inside it; only persons with several periods need a look.
            measures.append(QualityPass.Measure(
                check: check("withinObservationPeriod", .plausibility, field: dateField, threshold: 5,
                             "\(dateField) outside every observation period of the person"),
                violating: """
                (f.periods IS NULL OR \(date) < f.first_start OR \(date) > f.last_end OR (f.periods > 1 AND NOT EXISTS (\
                SELECT 1 FROM observation_period o WHERE o.person_id = t.person_id \
                AND \(date) >= o.observation_period_start_date AND \(date) <= o.observation_period_end_date)))
                """, denominator: nil))
        }
        if let conceptField {
            measures.append(QualityPass.Measure(
                check: check("standardConceptRecordCompleteness", .completeness, field: conceptField, threshold: 5,
                             "\(conceptField) 0: no standard concept"),
                violating: "t.\(conceptField) = \(ConceptID.noMatchingConcept)", denominator: nil))
            if !maleConcepts.isEmpty {
                let list = maleConcepts.map(String.init).joined(separator: ", ")
                let male = """
                    (t.\(conceptField) IN (\(list)) OR t.\(conceptField) IN \
                    (SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id IN (\(list))))
                    """
                measures.append(QualityPass.Measure(
                    check: check("plausibleGender", .plausibility, field: conceptField, threshold: 5,
                                 "a prostate concept (\(list) or a descendant) on a person recorded as female"),
                    violating: "\(male) AND f.gender = \(ConceptID.Gender.female)", denominator: male))
            }
        }
        return QualityPass(label: table, from: "\(table) t LEFT JOIN f ON f.person_id = t.person_id WHERE f.objecting IS NULL OR f.objecting = 0",
                           measures: measures)
    }

    private func check(_ name: String, _ category: DataQualityCategory, field: String, threshold: Double, _ description: String) -> DataQualityCheck {
        DataQualityCheck(name: name, category: category, table: table, field: field, thresholdPercent: threshold,
                         description: "\(table) records with \(description)")
    }
}
