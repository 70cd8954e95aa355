import DecisionSupport
import Testing

/// PREDICT Breast v2.1 against the verified vectors of reference §3.1 (R `benefits21`, cases A–E).
@Suite("PREDICT Breast v2.1 model")
struct BreastPredictModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: PredictBreastInput
        let chemotherapy: PredictBreastTreatments.ChemotherapyGeneration
        let bisphosphonates: Bool
        let pi: Double
        let mi: Double
        /// Year → surgery OS, then the benefits h, c, t, b, h+c, h+c+t, h+c+t+b (percentage points).
        let table: [Int: [Double]]

        var testDescription: String { "case \(name)" }
    }

    static let cases: [Case] = [
        Case(name: "A", input: .init(age: 65, sizeMM: 25, nodes: 2, erPositive: true, grade: .two, detection: .clinical, her2: .negative, ki67: .positive),
             chemotherapy: .second, bisphosphonates: false, pi: 1.869631, mi: 0.559724, table: [
                5: [83.8598, 3.4947, 2.3831, 0, 0, 5.1751, 5.1751, 5.1751],
                10: [62.1716, 7.0762, 4.7739, 0, 0, 10.6489, 10.6489, 10.6489],
                15: [44.0548, 8.4685, 5.6502, 0, 0, 12.9599, 12.9599, 12.9599],
             ]),
        Case(name: "B", input: .init(age: 45, sizeMM: 30, nodes: 0, erPositive: false, grade: .three, detection: .clinical, her2: .positive, ki67: .unknown),
             chemotherapy: .third, bisphosphonates: false, pi: 0.588551, mi: -0.976430, table: [
                5: [74.3386, 0, 8.0608, 6.6630, 0, 8.0608, 12.7157, 12.7157],
                10: [65.0081, 0, 10.0866, 8.3079, 0, 10.0866, 16.0967, 16.0967],
                15: [60.1894, 0, 10.5662, 8.6897, 0, 10.5662, 16.9462, 16.9462],
             ]),
        Case(name: "C", input: .init(age: 57, sizeMM: 29, nodes: 5, erPositive: true, grade: .one, detection: .clinical, her2: .positive, ki67: .positive),
             chemotherapy: .third, bisphosphonates: true, pi: 1.970277, mi: -0.121770, table: [
                5: [84.7390, 3.9138, 4.4129, 3.6639, 2.1750, 7.0274, 8.7340, 9.4586],
                10: [64.2411, 8.1332, 9.2139, 7.5958, 4.4455, 15.0390, 18.9911, 20.7055],
                15: [47.5054, 10.1961, 11.6081, 9.4989, 5.4782, 19.4439, 24.9727, 27.4236],
             ]),
        Case(name: "D", input: .init(age: 50, sizeMM: 15, nodes: 0, erPositive: true, grade: .one, detection: .screen, her2: .negative, ki67: .negative),
             chemotherapy: .third, bisphosphonates: false, pi: -0.650007, mi: -0.644760, table: [
                5: [97.5510, 0.3211, 0.3611, 0, 0, 0.5673, 0.5673, 0.5673],
                10: [93.3679, 0.8136, 0.9153, 0, 0, 1.4404, 1.4404, 1.4404],
                15: [88.2250, 1.2574, 1.4150, 0, 0, 2.2308, 2.2308, 2.2308],
             ]),
        Case(name: "E", input: .init(age: 70, sizeMM: 40, nodes: 4, erPositive: false, grade: .unknown, detection: .unknown, her2: .unknown, ki67: .unknown),
             chemotherapy: .third, bisphosphonates: true, pi: 0.627707, mi: 1.031045, table: [
                5: [68.7183, 0, 7.7652, 0, 3.7727, 7.7652, 7.7652, 10.4274],
                10: [52.7993, 0, 8.5446, 0, 4.1056, 8.5446, 8.5446, 11.5569],
                15: [40.6345, 0, 7.4429, 0, 3.5593, 7.4429, 7.4429, 10.0980],
             ]),
    ]

    @Test("PI and MI of cases A–E", arguments: cases)
    func indices(_ vector: Case) throws {
        let model = try PredictBreastModel()
        #expect(abs(model.prognosticIndex(vector.input) - vector.pi) < 1e-6)
        #expect(abs(model.otherCauseIndex(age: vector.input.age) - vector.mi) < 1e-6)
    }

    @Test("surgery OS and every benefit column of cases A–E at 5, 10 and 15 years", arguments: cases)
    func table(_ vector: Case) throws {
        let model = try PredictBreastModel()
        let chemo = vector.chemotherapy, bis = vector.bisphosphonates
        // Hormone and trastuzumab were requested in every case; the model applies them only to ER+ and HER2+.
        let columns: [PredictBreastTreatments] = [
            .init(hormone: true),
            .init(chemotherapy: chemo),
            .init(trastuzumab: true),
            .init(bisphosphonates: bis),
            .init(hormone: true, chemotherapy: chemo),
            .init(hormone: true, chemotherapy: chemo, trastuzumab: true),
            .init(hormone: true, chemotherapy: chemo, trastuzumab: true, bisphosphonates: bis),
        ]
        let surgery = model.survival(vector.input)
        for (year, expected) in vector.table {
            let surgeryOS = surgery[year - 1].overallSurvival
            #expect(abs(surgeryOS - expected[0]) < 5e-4, "case \(vector.name) year \(year) surgery OS \(surgeryOS)")
            for (index, treatments) in columns.enumerated() {
                let benefit = model.survival(vector.input, treatments: treatments)[year - 1].overallSurvival - surgeryOS
                #expect(abs(benefit - expected[index + 1]) < 5e-4, "case \(vector.name) year \(year) column \(index + 1): \(benefit)")
            }
        }
    }

    @Test("the other-cause index matches the ClojureScript unit check, and ages below 25 read as 25")
    func otherCauseUnitChecks() throws {
        let model = try PredictBreastModel()
        // m-oth-prognostic-index(65, no radiotherapy) = 0.5597244192408362 (predict.cljs source comment).
        #expect(abs(model.otherCauseIndex(age: 65) - 0.5597244192408362) < 1e-12)
        // With radiotherapy the cljs value is 0.5127244192408361: v2.1 without radiotherapy differs by the
        // radiotherapy other-cause term 0.047 exactly.
        #expect(abs(model.otherCauseIndex(age: 65) - 0.047 - 0.5127244192408361) < 1e-12)
        #expect(model.otherCauseIndex(age: 20) == model.otherCauseIndex(age: 25))
        let young = PredictBreastInput(age: 21, sizeMM: 20, nodes: 1, erPositive: true)
        var clamped = young
        clamped.age = 25
        #expect(model.prognosticIndex(young) == model.prognosticIndex(clamped))
    }

    @Test("the hand check of case A at 5 years: H_br, S_br and the split of deaths")
    func handCheck() throws {
        let model = try PredictBreastModel()
        let year5 = model.survival(Self.cases[0].input)[4]
        // S_br = exp(−6.4863 × 0.019668) = 0.88022 (reference §3.1 hand check).
        #expect(abs(year5.breastCancerSpecificSurvival - 88.022) < 5e-3)
        #expect(abs(year5.overallSurvival + year5.breastCancerDeaths + year5.otherDeaths - 100) < 1e-9)
        #expect(year5.breastCancerDeaths > year5.otherDeaths)
    }
}
