import CDMStore
import CDMTestSupport
import Foundation
import OMOP
import Statistics
import Synthetic
import Testing

/// The known truth is recoverable: on 100,000 generated persons, a Cox model fitted by an independent
/// implementation (Python lifelines) on covariates read back from the CDM rows finds every documented
/// log hazard ratio inside its 95 % confidence interval, taken jointly; Optima's own `CoxRegression` on the
/// same rows gives lifelines' estimates, and Kaplan–Meier five-year survival falls with stage.
///
/// Why jointly: 22 pointwise 95 % intervals all cover their truth only 0.95^22 = 32 % of the time, so a
/// test demanding that would fail two seeds in three whatever the generator did. The Bonferroni
/// intervals (z = 3.052 for 22) cover all 22 with probability ≥ 95 %; and the pointwise 95 % intervals
/// must cover at least 18 of 22 (fewer happens with probability 0.4 % when the truth is right).
@Suite struct SurvivalTruthRecoveryTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/cox_lifelines.py").path

    static var lifelinesAvailable: Bool {
        ExternalProgram.hasPythonModule("lifelines")
    }

    /// How each covariate of the truth is read from the CDM, for a diagnosis `d` of person `p`.
    static func reader(_ name: String) -> String? {
        let linked = { (condition: String) in
            "EXISTS (SELECT 1 FROM measurement m WHERE m.measurement_event_id = d.id AND m.meas_event_field_concept_id = \(ConceptID.Field.conditionOccurrenceID) AND \(condition))"
        }
        let took = { (drugs: [Int64]) in
            "EXISTS (SELECT 1 FROM drug_exposure x WHERE x.person_id = d.person_id AND x.drug_concept_id IN (\(drugs.map(String.init).joined(separator: ", "))))"
        }
        let stage = { (index: Int) in linked("m.measurement_concept_id = \(ConceptID.Modifier.stages[index])") }
        switch name {
        case "age_per_10_years": return "((julianday(d.date) - julianday(p.birth_datetime)) / 365.25 - 65) / 10"
        case "male": return "p.gender_concept_id = \(ConceptID.Gender.male)"
        case "stage_2": return stage(1)
        case "stage_3": return stage(2)
        case "stage_4": return stage(3)
        case "grade_group_4_or_5": return linked("m.measurement_concept_id = \(ConceptID.Marker.isupGradeGroup) AND m.value_as_number >= 4")
        case "radical_treatment":
            return """
                EXISTS (SELECT 1 FROM procedure_occurrence x JOIN concept_ancestor a ON a.descendant_concept_id = x.procedure_concept_id
                WHERE x.person_id = d.person_id AND a.ancestor_concept_id IN (\(ConceptID.Procedure.radicalProstatectomy), \(ConceptID.Procedure.teleradiotherapy)))
                """
        case "grade_3": return linked("m.measurement_concept_id = \(ConceptID.Modifier.grades[2])")
        case "er_negative": return linked("m.measurement_concept_id = \(ConceptID.Marker.estrogenReceptor) AND m.value_as_concept_id = \(ConceptID.Value.negative)")
        case "her2_positive": return linked("m.measurement_concept_id = \(ConceptID.Marker.her2) AND m.value_as_concept_id = \(ConceptID.Value.positive)")
        case "trastuzumab": return took([ConceptID.Drug.trastuzumab])
        case "small_cell": return "d.concept = \(ConceptID.Cancer.smallCellCarcinomaOfLung)"
        case "targeted_therapy": return took([ConceptID.Drug.osimertinib, ConceptID.Drug.alectinib, ConceptID.Drug.crizotinib, ConceptID.Drug.dabrafenib])
        case "pembrolizumab": return took([ConceptID.Drug.pembrolizumab])
        default: return nil
        }
    }

    @Test(.enabled(if: lifelinesAvailable, "Python lifelines is not installed (pip install lifelines); the test command installs it"))
    func coxRecoversEveryLogHazardRatio() async throws {
        let url = try await GeneratedPopulation.generate(persons: 100_000, seed: 2026)
        let folder = try TestDatabases.temporaryDirectory()
        var checked = 0, pointwiseCovered = 0
        try await GeneratedPopulation.with(url) { db in
            for model in PopulationModel.standard.survival {
                var columns: [String] = []
                for coefficient in model.coefficients {
                    guard let sql = Self.reader(coefficient.name) else {
                        Issue.record("no reader for covariate \(coefficient.name) of \(model.cancer)")
                        return
                    }
                    columns.append("CAST(\(sql) AS REAL) AS \(coefficient.name)")
                }
                let rows = try await db.query("""
                    SELECT julianday(COALESCE(x.death_date, o.observation_period_end_date)) - julianday(d.date) AS time,
                           CASE WHEN x.death_date IS NULL THEN 0 ELSE 1 END AS event, \(columns.joined(separator: ", "))
                    FROM (\(GenerationMarginalsTests.diagnoses(model.cancer))) d
                    JOIN person p ON p.person_id = d.person_id
                    JOIN observation_period o ON o.person_id = d.person_id
                    LEFT JOIN death x ON x.person_id = d.person_id
                    """)
                let csv = ([rows[0].columns.joined(separator: ",")] + rows.map { $0.values.map(\.description).joined(separator: ",") })
                    .joined(separator: "\n")
                let path = folder + "/\(model.cancer).csv"
                try csv.write(toFile: path, atomically: true, encoding: .utf8)
                let fit = try ExternalProgram.run(["python3", Self.script, path, "--precision", "1e-10"])
                try #require(fit.status == 0, "lifelines failed: \(fit.errors)")
                let result = try JSONSerialization.jsonObject(with: Data(fit.output.utf8)) as! [String: Any]
                let estimates = result["coefficients"] as! [String: [String: Double]]
                #expect((result["events"] as! Int) > 1_000, "\(model.cancer): enough deaths to estimate")
                // Optima's own Cox fit on the same rows gives lifelines' estimates.
                let ours = try CoxRegression(try CoxData(
                    times: rows.map { $0["time"].doubleValue ?? .nan }, events: rows.map { $0["event"].integerValue == 1 },
                    covariates: rows.map { row in model.coefficients.map { row[$0.name].doubleValue ?? .nan } },
                    names: model.coefficients.map(\.name)))
                for coefficient in ours.coefficients {
                    let theirs = estimates[coefficient.name]!
                    #expect(abs(coefficient.coef - theirs["coef"]!) <= 1e-6 * max(abs(theirs["coef"]!), 1e-3)
                            && abs(coefficient.se - theirs["se"]!) <= 1e-6 * theirs["se"]!,
                            "\(model.cancer) \(coefficient.name): Optima \(coefficient.coef) ± \(coefficient.se), lifelines \(theirs["coef"]!) ± \(theirs["se"]!)")
                }
                // Kaplan–Meier by stage: five-year survival falls from stage I to stage IV.
                let stages = rows.map { row in 1 + (2...4).reduce(0) { $0 + ((row["stage_\($1)"].doubleValue ?? 0) != 0 ? $1 - 1 : 0) } }
                let fiveYear = try (1...4).map { stage in
                    try KaplanMeier(rows.indices.filter { stages[$0] == stage }.map {
                        SurvivalObservation(time: rows[$0]["time"].doubleValue ?? .nan, event: rows[$0]["event"].integerValue == 1)
                    }).survival(at: 5 * 365.25)
                }
                #expect(zip(fiveYear, fiveYear.dropFirst()).allSatisfy { $0 > $1 }, "\(model.cancer): five-year survival by stage \(fiveYear)")
                for coefficient in model.coefficients {
                    let estimate = estimates[coefficient.name]!
                    let fit = estimate["coef"]!, se = estimate["se"]!, truth = coefficient.logHazardRatio
                    #expect(abs(fit - truth) <= 3.052 * se,
                            "\(model.cancer) \(coefficient.name): truth \(truth), fit \(fit) ± \(se) outside the joint 95 % interval")
                    checked += 1
                    if estimate["lower"]! <= truth && truth <= estimate["upper"]! { pointwiseCovered += 1 }
                }
            }
        }
        #expect(checked == 22)
        #expect(pointwiseCovered >= 18, "pointwise 95 % intervals cover \(pointwiseCovered) of 22")
    }
}
