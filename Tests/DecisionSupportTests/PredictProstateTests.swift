import CDMTestSupport
import DecisionSupport
import Foundation
import Testing

/// PREDICT Prostate against the verified unit checks and vectors of reference §2.4 and the 5,000 Stata cases.
@Suite("PREDICT Prostate")
struct PredictProstateTests {
    let model: PredictProstateModel
    let tool: PredictProstateTool

    init() throws {
        model = try PredictProstateModel()
        tool = try PredictProstateTool()
    }

    @Test("unit checks of §2.4 to 1e-12")
    func unitChecks() {
        let inputs = PredictProstateModel.Inputs(age: 70, psa: 10, tStage: 2, gradeGroup: 2, percentPositiveCores: 41.9415, comorbidity: false)
        #expect(abs(model.piPCSM(inputs, treatment: .conservative) - 0.3392995824130641) < 1e-12)
        #expect(abs(model.piNPCM(inputs) - 0.015422333111626427) < 1e-12)
        // Unknown biopsy data is PPC 41.9415.
        var unknown = inputs
        unknown.percentPositiveCores = nil
        #expect(abs(model.piPCSM(unknown, treatment: .conservative) - 0.3392995824130641) < 1e-12)
    }

    /// (label, inputs, treatment, [year 5, 10, 15] as (OS, PC death, other death) percent) of §2.4.
    static let multiYear: [(String, PredictProstateModel.Inputs, PredictProstateModel.Treatment, [[Double]])] = [
        ("P1", .init(age: 65, psa: 11, tStage: 2, gradeGroup: 4, comorbidity: false), .conservative,
         [[92.376, 3.430, 4.193], [78.263, 10.761, 10.977], [55.381, 22.298, 22.320]]),
        ("P2", .init(age: 65, psa: 11, tStage: 2, gradeGroup: 4, comorbidity: false), .radical,
         [[94.022, 1.759, 4.219], [83.119, 5.703, 11.177], [64.116, 12.586, 23.298]]),
        ("P3", .init(age: 70, psa: 10, tStage: 2, gradeGroup: 2, comorbidity: false), .conservative,
         [[89.852, 2.550, 7.598], [72.750, 8.050, 19.200], [46.573, 16.902, 36.525]]),
        ("P4", .init(age: 70, psa: 10, tStage: 2, gradeGroup: 2, comorbidity: false), .radical,
         [[91.034, 1.307, 7.659], [76.067, 4.265, 19.668], [51.908, 9.523, 38.569]]),
        ("P5", .init(age: 60, psa: 6, tStage: 1, gradeGroup: 1, percentPositiveCores: 25, comorbidity: false), .conservative,
         [[96.837, 0.841, 2.322], [90.857, 2.797, 6.346], [79.422, 6.485, 14.093]]),
        ("P6", .init(age: 75, psa: 25, tStage: 3, gradeGroup: 5, percentPositiveCores: 75, brcaCarrier: true, comorbidity: true), .conservative,
         [[43.009, 36.119, 20.872], [6.627, 57.707, 35.666], [0.140, 60.060, 39.800]]),
    ]

    @Test("multi-year vectors P1–P6 to 0.001 percentage points")
    func multiYearVectors() {
        for (label, inputs, treatment, expected) in Self.multiYear {
            let years = model.years(inputs, treatment: treatment, through: 15)
            #expect(years.count == 15)
            for (index, year) in [5, 10, 15].enumerated() {
                let row = years[year - 1]
                #expect(row.year == year)
                let computed = [row.overallSurvival, row.prostateCancerDeath, row.otherDeath].map { 100 * $0 }
                for (value, printed) in zip(computed, expected[index]) {
                    #expect(abs(value - printed) <= 0.0005 + 1e-9, "\(label) year \(year): \(value) vs \(printed)")
                }
            }
        }
    }

    @Test("prognostic indices of P1, P3 and P6")
    func prognosticIndices() {
        let p1 = Self.multiYear[0].1, p3 = Self.multiYear[2].1, p6 = Self.multiYear[5].1
        #expect(abs(model.piPCSM(p1, treatment: .conservative) - 0.639639) < 5e-7)
        #expect(abs(model.piNPCM(p1) - -0.597911) < 5e-7)
        #expect(abs(model.piPCSM(p3, treatment: .conservative) - 0.339300) < 5e-7)
        #expect(abs(model.piPCSM(p6, treatment: .conservative) - 3.397507) < 5e-7)
        #expect(abs(model.piNPCM(p6) - 1.266956) < 5e-7)
    }

    static let stataFile = "cds-vectors/predict_prostate_stata_test_cases.csv"

    @Test("all 5,000 Stata cases: year-1 values within 1e-6", .enabled(if: ReferenceDatasets.isPresent(stataFile), "\(ReferenceDatasets.skipReason)"))
    func stataCases() throws {
        let text = try String(contentsOfFile: ReferenceDatasets.path(Self.stataFile), encoding: .utf8)
        var lines = text.split(separator: "\n")
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        func value(_ fields: [Double], _ name: String) -> Double { fields[column[name]!] }
        var checked = 0, failures: [String] = []
        for line in lines {
            let fields = line.split(separator: ",").compactMap { Double($0) }
            try #require(fields.count == header.count, "bad row: \(line)")
            let inputs = PredictProstateModel.Inputs(
                age: value(fields, "age_years"), psa: value(fields, "psa_ng_ml"), tStage: Int(value(fields, "t_stage")),
                gradeGroup: Int(value(fields, "grade_group")),
                percentPositiveCores: 100 * value(fields, "biopsy_cores_involved") / value(fields, "biopsy_cores_taken"),
                brcaCarrier: value(fields, "brca") == 1, comorbidity: value(fields, "charlson_comorbidity") == 1)
            let treatment: PredictProstateModel.Treatment = value(fields, "primary_rx") == 1 ? .radical : .conservative
            let year = model.years(inputs, treatment: treatment, through: 1)[0]
            let pcs = 1 - model.prostateCancerMortality(pi: model.piPCSM(inputs, treatment: treatment), days: 365)
            let pairs = [(pcs, "pcs_survival_y1"), (year.prostateCancerDeath, "pred_pc_death_cum_y1"),
                         (year.otherDeath, "pred_npc_death_cum_y1"), (year.survivalWithoutProstateCancerDeath, "npc_survival_y1")]
            for (computed, name) in pairs where abs(computed - value(fields, name)) > 1e-6 {
                failures.append("case \(Int(value(fields, "case"))) \(name): \(computed) vs \(value(fields, name))")
            }
            checked += 1
        }
        #expect(checked == 5_000)
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
    }

    static func facts(_ json: String) throws -> PatientFacts {
        try PatientFacts(jsonText: json)
    }

    @Test("the tool gives 5, 10 and 15 years, both managements, benefit with its range")
    func toolOutput() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"sex": "male", "cancer": "prostate", "age": 70, "psa": 10, "t": "T2a", "gradeGroup": 2, "comorbidity": false, "brcaCarrier": false}"#))
        #expect(evaluation.status == .complete)
        let output = try #require(evaluation.output as? PredictProstateOutput)
        #expect(output.modelName == "PREDICT Prostate (release model, Thurtle et al. 2019; re-implementation)")
        #expect(output.horizons.map(\.years) == [5, 10, 15])
        let ten = try #require(output.horizon(10))
        // P3 (conservative) and P4 (radical).
        #expect(abs(ten.conservative.overallSurvival - 72.750) <= 0.0005 + 1e-9)
        #expect(abs(ten.radical.overallSurvival - 76.067) <= 0.0005 + 1e-9)
        #expect(abs(ten.conservative.otherDeaths - 19.200) <= 0.0005 + 1e-9)
        #expect(abs(ten.benefit - (76.067 - 72.750)) <= 0.001 + 1e-9)
        #expect(ten.benefitLow > 0 && ten.benefitLow < ten.benefit && ten.benefit < ten.benefitHigh)
        #expect(output.conservativeYears.count == 15)
        #expect(output.summary.count < 140)
        #expect(output.summary.hasPrefix("At 10 years 73 of 100 men are alive with conservative management and 76 with radical treatment (an extra 3; range "))
        // PPC unknown: the model's value, said as widening uncertainty.
        let ppc = try #require(evaluation.missing.first { $0.fact == "biopsyCoresTaken" })
        #expect(ppc.effect == .widensUncertainty)
        #expect(ppc.note.contains("41.9415"))
        #expect(!evaluation.missing.contains { $0.fact == "brcaCarrier" })
    }

    @Test("patient explanation and icon array follow §6.2")
    func presentation() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"age": 70, "psa": 10, "t": "T2", "gradeGroup": 2, "comorbidity": false}"#))
        let output = try #require(evaluation.output as? PredictProstateOutput)
        let text = try #require(output.patientExplanation)
        // P3/P4 at 10 years: 72.750 → 73, 76.067 → 76, other deaths 19.200 → 19 of the 27 who would not survive.
        #expect(text.contains("73 out of 100 men are alive at 10 years with initial conservative management"))
        #expect(text.contains("76 out of 100 men treated with radical treatment are alive (an extra 3"))
        #expect(text.contains("Of the 27 men out of 100 who would not survive 10 years with conservative management, 19 would die of causes not related to prostate cancer"))
        #expect(text.contains("to inform, not to persuade"))
        let icons = try #require(output.iconArray)
        #expect(icons.categories.map(\.count).reduce(0, +) == 100)
        #expect(icons.categories.map(\.style) == [.filled, .filled, .open, .open])
        #expect(icons.categories[0].count == 73)
        #expect(icons.categories[1].count == 3)
        // Radical at 10 years: 4.265 prostate cancer, 19.668 other deaths.
        #expect(icons.categories[2].count == 4)
        #expect(icons.categories[3].count == 20)
        // BRCA not given: treated as negative, and said.
        #expect(evaluation.missing.contains { $0.fact == "brcaCarrier" && $0.effect == .widensUncertainty && $0.note.contains("negative") })
    }

    @Test("no comorbidity → blocked naming comorbidity")
    func blockedWithoutComorbidity() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"age": 70, "psa": 10, "t": "T2", "gradeGroup": 2}"#))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.output == nil)
        #expect(evaluation.missing.map(\.fact) == ["comorbidity"])
        #expect(evaluation.missing.first?.effect == .blocks)
    }

    @Test("every required fact is named when missing; a T without stage number counts as missing")
    func blockedListsAll() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"t": "TX"}"#))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.missing.map(\.fact) == ["age", "psa", "t", "gradeGroup", "comorbidity"])
    }

    @Test("out of scope: age, PSA, metastases, nodes, sex, cancer", arguments: [
        #"{"age": 30, "psa": 10, "t": "T2", "gradeGroup": 2, "comorbidity": false}"#,
        #"{"age": 96, "psa": 10, "t": "T2", "gradeGroup": 2, "comorbidity": false}"#,
        #"{"age": 70, "psa": 150, "t": "T2", "gradeGroup": 2, "comorbidity": false}"#,
        #"{"age": 70, "psa": 10, "t": "T2", "gradeGroup": 2, "comorbidity": false, "m": "M1a"}"#,
        #"{"age": 70, "psa": 10, "t": "T2", "gradeGroup": 2, "comorbidity": false, "n": "N1"}"#,
        #"{"age": 70, "psa": 10, "sex": "female"}"#,
        #"{"cancer": "lung"}"#,
    ])
    func outOfScope(json: String) throws {
        let evaluation = tool.evaluate(try Self.facts(json))
        #expect(evaluation.status == .outOfScope)
        #expect(evaluation.scopeNote?.isEmpty == false)
        #expect(evaluation.output == nil)
    }

    @Test("the scope bounds themselves are in scope")
    func scopeBounds() throws {
        for json in [#"{"age": 35, "psa": 100, "t": "T4", "gradeGroup": 5, "comorbidity": true}"#,
                     #"{"age": 95, "psa": 0, "t": "T1c", "gradeGroup": 1, "comorbidity": false, "n": "N0", "m": "M0"}"#] {
            #expect(tool.evaluate(try Self.facts(json)).status == .complete)
        }
    }
}
