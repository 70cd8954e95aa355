import DecisionSupport
import Foundation
import Testing

/// PREDICT Breast v2.1 as a decision tool: the layered benefits of reference §3.1 cases A, C and E through patient
/// facts, applicability, unknowns, scope and the presentation of §6.2.
@Suite("PREDICT Breast v2.1 tool")
struct BreastPredictToolTests {
    static func facts(age: Double?, size: Double?, nodes: Int?, er: MarkerStatus?, grade: Int? = nil, detection: Detection? = nil,
                      her2: MarkerStatus? = nil, ki67: MarkerStatus? = nil, generation: Int? = nil, postmenopausal: Bool? = nil) -> PatientFacts {
        var facts = PatientFacts()
        facts.cancer = .breast
        facts.sex = .female
        facts.age = age
        facts.tumourSizeMM = size
        facts.positiveNodes = nodes
        facts.erStatus = er
        facts.grade = grade
        facts.detection = detection
        facts.her2Status = her2
        facts.ki67Status = ki67
        facts.chemotherapyGeneration = generation
        facts.postmenopausal = postmenopausal
        return facts
    }

    /// Case A: ER+, HER2−, Ki-67+, 2nd-generation chemotherapy, no bisphosphonates.
    static let caseA = facts(age: 65, size: 25, nodes: 2, er: .positive, grade: 2, detection: .symptomatic, her2: .negative,
                             ki67: .positive, generation: 2, postmenopausal: false)
    /// Case C: ER+, HER2+, Ki-67+, 3rd-generation chemotherapy, bisphosphonates.
    static let caseC = facts(age: 57, size: 29, nodes: 5, er: .positive, grade: 1, detection: .symptomatic, her2: .positive,
                             ki67: .positive, generation: 3, postmenopausal: true)
    /// Case E: ER−, grade, detection, HER2 and Ki-67 unknown, chemotherapy generation not given, bisphosphonates.
    static let caseE = facts(age: 70, size: 40, nodes: 4, er: .negative, postmenopausal: true)

    /// Reference §3.1 table rows (surgery OS, h, c, t, b, h+c, h+c+t, h+c+t+b) → the layered extras
    /// (h, then c over h, t over h+c, b over h+c+t) the tool shows.
    static func layered(_ row: [Double]) -> [Double] {
        [row[1], row[5] - row[1], row[6] - row[5], row[7] - row[6]]
    }

    func check(_ facts: PatientFacts, table: [Int: [Double]], applicable: [Bool]) throws {
        let evaluation = try PredictBreastTool().evaluate(facts)
        #expect(evaluation.status == .complete)
        #expect(evaluation.sources.map(\.label) == ["PREDICT Breast v2.1 (re-implementation of Predict-v2.1-2018-04-07)"])
        let output = try #require(evaluation.output as? PredictBreastOutput)
        #expect(output.options.map(\.treatment) == [.hormone, .chemotherapy, .trastuzumab, .bisphosphonates])
        #expect(output.options.map(\.applicable) == applicable)
        #expect(output.horizons.map(\.years) == [5, 10, 15])
        for (years, row) in table {
            let horizon = try #require(output.horizon(years))
            #expect(abs(horizon.surgeryOnly - row[0]) < 5e-4, "year \(years) surgery only")
            // The layered extras come from differences of two 4-decimal table values: 1e-4 of rounding on top.
            for (benefit, expected) in zip(horizon.benefits, Self.layered(row)) {
                #expect(abs(benefit.extra - expected) < 6e-4, "year \(years) \(benefit.treatment): \(benefit.extra) vs \(expected)")
                if !benefit.applicable { #expect(benefit.extra == 0) }
            }
            #expect(abs(horizon.overallSurvival - (row[0] + row[7])) < 5e-4)
            #expect(abs(horizon.overallSurvival + horizon.breastCancerDeaths + horizon.otherDeaths - 100) < 1e-9)
        }
    }

    @Test("case A: hormone then chemotherapy; trastuzumab (HER2−) and bisphosphonates (premenopausal) not shown")
    func caseATable() throws {
        try check(Self.caseA, table: [
            5: [83.8598, 3.4947, 2.3831, 0, 0, 5.1751, 5.1751, 5.1751],
            10: [62.1716, 7.0762, 4.7739, 0, 0, 10.6489, 10.6489, 10.6489],
            15: [44.0548, 8.4685, 5.6502, 0, 0, 12.9599, 12.9599, 12.9599],
        ], applicable: [true, true, false, false])
        let output = try #require(PredictBreastTool().evaluate(Self.caseA).output as? PredictBreastOutput)
        #expect(output.options.map(\.reason) == [nil, nil, "HER2-negative", "premenopausal"])
        #expect(output.chemotherapyGeneration == 2)
    }

    @Test("case C: all four treatments in PREDICT's order")
    func caseCTable() throws {
        try check(Self.caseC, table: [
            5: [84.7390, 3.9138, 4.4129, 3.6639, 2.1750, 7.0274, 8.7340, 9.4586],
            10: [64.2411, 8.1332, 9.2139, 7.5958, 4.4455, 15.0390, 18.9911, 20.7055],
            15: [47.5054, 10.1961, 11.6081, 9.4989, 5.4782, 19.4439, 24.9727, 27.4236],
        ], applicable: [true, true, true, true])
    }

    @Test("case E: unknowns take the model's codes and widen uncertainty; chemotherapy defaults to the 3rd generation")
    func caseEUnknowns() throws {
        try check(Self.caseE, table: [
            5: [68.7183, 0, 7.7652, 0, 3.7727, 7.7652, 7.7652, 10.4274],
            10: [52.7993, 0, 8.5446, 0, 4.1056, 8.5446, 8.5446, 11.5569],
            15: [40.6345, 0, 7.4429, 0, 3.5593, 7.4429, 7.4429, 10.0980],
        ], applicable: [false, true, false, true])
        let evaluation = try PredictBreastTool().evaluate(Self.caseE)
        // ER−: detection and Ki-67 are not in the ER-negative equation, so their absence is not reported.
        #expect(evaluation.missing.map(\.fact) == ["grade", "her2Status"])
        #expect(evaluation.missing.allSatisfy { $0.effect == .widensUncertainty })
        #expect(evaluation.used.first { $0.fact == "chemotherapyGeneration" }?.value.contains("not given") == true)
        #expect(evaluation.caveats.contains { $0.contains("unknown grade as low grade") })
        let output = try #require(evaluation.output as? PredictBreastOutput)
        #expect(output.input.grade == .unknown && output.input.her2 == .unknown && output.input.detection == .unknown)
        #expect(output.chemotherapyGeneration == 3)
        #expect(output.options[2].reason == "HER2 status not known")
    }

    @Test("ER+ with unknown detection and Ki-67: both widen uncertainty; a Ki-67 percentage is read against 10 %")
    func erPositiveUnknowns() throws {
        var facts = Self.facts(age: 50, size: 15, nodes: 0, er: .positive, grade: 1, her2: .negative, postmenopausal: false)
        let evaluation = try PredictBreastTool().evaluate(facts)
        #expect(evaluation.missing.map(\.fact) == ["detection", "ki67Status"])
        facts.ki67Percent = 25
        let output = try #require(PredictBreastTool().evaluate(facts).output as? PredictBreastOutput)
        #expect(output.input.ki67 == .positive)
        facts.ki67Percent = 10
        #expect((try PredictBreastTool().evaluate(facts).output as? PredictBreastOutput)?.input.ki67 == .negative)
    }

    @Test("missing menopausal status hides bisphosphonates and says so")
    func menopauseUnknown() throws {
        var facts = Self.caseC
        facts.postmenopausal = nil
        let evaluation = try PredictBreastTool().evaluate(facts)
        #expect(evaluation.missing.map(\.fact) == ["postmenopausal"])
        #expect(evaluation.missing.first?.effect == .skipsCriterion)
        let output = try #require(evaluation.output as? PredictBreastOutput)
        #expect(output.options[3].applicable == false)
        #expect(output.horizons.allSatisfy { $0.benefits[3].extra == 0 })
        #expect(output.iconArray?.categories.contains { $0.label.contains("bisphosphonates") } == false)
    }

    @Test("age, size, nodes and ER status each block and are named")
    func blocked() throws {
        let evaluation = try PredictBreastTool().evaluate(PatientFacts())
        #expect(evaluation.status == .blocked)
        #expect(evaluation.output == nil)
        #expect(evaluation.missing.filter { $0.effect == .blocks }.map(\.fact) == ["age", "tumourSizeMM", "positiveNodes", "erStatus"])
        var erFromPercent = Self.caseA
        erFromPercent.erStatus = nil
        erFromPercent.erPercent = 0.5
        let output = try #require(PredictBreastTool().evaluate(erFromPercent).output as? PredictBreastOutput)
        #expect(output.input.erPositive == false)
    }

    @Test("metastatic disease, men, other cancers, age above 85 and size above 500 mm are out of scope")
    func outOfScope() throws {
        let tool = try PredictBreastTool()
        var cases: [PatientFacts] = []
        var facts = Self.caseA
        facts.m = TNMCategory("M1b", axis: .m)
        cases.append(facts)
        facts = Self.caseA
        facts.sex = .male
        cases.append(facts)
        facts = Self.caseA
        facts.cancer = .lung
        cases.append(facts)
        facts = Self.caseA
        facts.age = 86
        cases.append(facts)
        facts = Self.caseA
        facts.tumourSizeMM = 501
        cases.append(facts)
        for facts in cases {
            let evaluation = tool.evaluate(facts)
            #expect(evaluation.status == .outOfScope)
            #expect(evaluation.output == nil)
            #expect(evaluation.scopeNote?.isEmpty == false)
        }
        facts = Self.caseA
        facts.age = 85
        facts.tumourSizeMM = 500
        #expect(tool.evaluate(facts).status == .complete)
    }

    @Test("the patient text and the icon array tell the same 10-year numbers (§6.2)")
    func presentation() throws {
        let output = try #require(PredictBreastTool().evaluate(Self.caseC).output as? PredictBreastOutput)
        let array = try #require(output.iconArray)
        #expect(array.categories.map(\.count).reduce(0, +) == 100)
        #expect(array.categories.map(\.label) == [
            "Alive with surgery only", "Extra alive with hormone therapy", "Extra alive with chemotherapy",
            "Extra alive with trastuzumab", "Extra alive with bisphosphonates", "Died of breast cancer", "Died of other causes",
        ])
        #expect(array.categories.map(\.style) == [.filled, .filled, .filled, .filled, .filled, .open, .open])
        #expect(Set(array.categories.map(\.colour)).count == 7)
        // Case C at 10 years: surgery only 64.2411 %, so 64 women (±1 for the rounding to 100).
        let counts = array.categories.map(\.count)
        #expect(abs(Double(counts[0]) - 64.2411) < 1)
        #expect(abs(Double(counts[0] + counts[1] + counts[2] + counts[3] + counts[4]) - (64.2411 + 20.7055)) < 1.5)
        let text = try #require(output.patientExplanation)
        #expect(text.hasPrefix("\(counts[0]) out of 100 women treated with surgery only live at least 10 years from surgery."))
        #expect(text.contains("\(counts[0] + counts[1]) out of 100 women treated with surgery and hormone therapy are alive (an extra \(counts[1]))."))
        #expect(text.contains("treated with surgery, hormone therapy, chemotherapy, trastuzumab and bisphosphonates are alive (an extra \(counts[4]))."))
        #expect(text.hasSuffix("Of the women who would not survive, \(counts[6]) would die due to causes not related to breast cancer."))
        #expect(output.summary.count < 140)
        #expect(output.summary.contains("\(counts[0]) of 100 alive with surgery only"))
        #expect(output.detail.contains("| Surgery only | 84.7 % | 64.2 % | 47.5 % |"))
    }

    @Test("the evaluation encodes as JSON with its output and patient explanation")
    func encodes() throws {
        let data = try JSONEncoder().encode(PredictBreastTool().evaluate(Self.caseA))
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"patientExplanation\""))
        #expect(json.contains("\"horizons\""))
        #expect(json.contains("\"status\":\"complete\""))
    }
}
