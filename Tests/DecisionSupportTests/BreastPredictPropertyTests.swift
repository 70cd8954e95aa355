import CDMTestSupport
import DecisionSupport
import Foundation
import Testing

/// Properties of PREDICT Breast v2.1 over the input domain the Winton Centre's R-versus-ClojureScript comparison
/// samples (`cds-vectors/predict_breast_v21_property_test_domain.csv`): a deterministic pseudo-random sample of
/// inputs, each checked through the model and through the tool.
@Suite("PREDICT Breast v2.1 properties")
struct BreastPredictPropertyTests {
    static let domainFile = "cds-vectors/predict_breast_v21_property_test_domain.csv"
    static let sampleSize = 300

    /// The allowed values of each parameter: `25..85 (integer)` as a range, `1, 2, 3, 9` as a list.
    static func domain() throws -> [String: [Int]] {
        let text = try String(contentsOfFile: ReferenceDatasets.path(domainFile), encoding: .utf8)
        var domain: [String: [Int]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = BreastCSV.fields(String(line))
            guard fields.count > 1 else { continue }
            let allowed = fields[1].replacingOccurrences(of: "(integer)", with: "").trimmingCharacters(in: .whitespaces)
            if let range = allowed.range(of: "..") {
                guard let low = Int(allowed[..<range.lowerBound]), let high = Int(allowed[range.upperBound...]) else { continue }
                domain[fields[0]] = Array(low...high)
            } else {
                domain[fields[0]] = allowed.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
        }
        return domain
    }

    /// SplitMix64: the same sample on every run and platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Sample {
        let input: PredictBreastInput
        let treatments: PredictBreastTreatments
    }

    static func sample() throws -> [Sample] {
        let domain = try domain()
        var random = Generator(state: 20_180_407)
        func pick(_ name: String) throws -> Int {
            try #require(domain[name]?.randomElement(using: &random), "\(name) is not in \(domainFile)")
        }
        return try (0..<sampleSize).map { _ in
            let input = PredictBreastInput(
                age: Double(try pick("age")), sizeMM: Double(try pick("size")), nodes: try pick("nodes"),
                erPositive: try pick("erstat") == 1,
                grade: try #require(PredictBreastInput.GradeCode(rawValue: pick("grade"))),
                detection: try #require(PredictBreastInput.DetectionCode(rawValue: pick("detection"))),
                her2: try #require(PredictBreastInput.MarkerCode(rawValue: pick("her2"))),
                ki67: try #require(PredictBreastInput.MarkerCode(rawValue: pick("ki67"))))
            let treatments = PredictBreastTreatments(
                hormone: try pick("horm") == 1,
                chemotherapy: try #require(PredictBreastTreatments.ChemotherapyGeneration(rawValue: pick("chemoGen"))),
                trastuzumab: try pick("tra") == 1, bisphosphonates: try pick("bis") == 1)
            return Sample(input: input, treatments: treatments)
        }
    }

    @Test("the domain file gives every parameter the sample draws", .enabled(if: ReferenceDatasets.isPresent(domainFile), "\(ReferenceDatasets.skipReason)"))
    func domainRead() throws {
        let domain = try Self.domain()
        #expect(domain["age"]?.first == 25 && domain["age"]?.last == 85)
        #expect(domain["size"]?.count == 501)
        #expect(domain["grade"] == [1, 2, 3, 9])
        #expect(domain["chemoGen"] == [0, 2, 3])
    }

    @Test("model: OS within 0–100 and non-increasing, benefits ≥ 0, inapplicable treatments exactly 0, causes sum to 100",
          .enabled(if: ReferenceDatasets.isPresent(domainFile), "\(ReferenceDatasets.skipReason)"))
    func modelProperties() throws {
        let model = try PredictBreastModel()
        for sample in try Self.sample() {
            let input = sample.input
            let surgery = model.survival(input)
            let treated = model.survival(input, treatments: sample.treatments)
            #expect(surgery.count == 15)
            for line in [surgery, treated] {
                for (index, year) in line.enumerated() {
                    #expect((0...100).contains(year.overallSurvival), "\(input)")
                    #expect(abs(year.overallSurvival + year.breastCancerDeaths + year.otherDeaths - 100) < 1e-9, "\(input)")
                    #expect(year.breastCancerDeaths >= 0 && year.otherDeaths >= 0, "\(input)")
                    if index > 0 { #expect(year.overallSurvival <= line[index - 1].overallSurvival, "\(input) year \(year.year)") }
                }
            }
            for (a, b) in zip(surgery, treated) { #expect(b.overallSurvival >= a.overallSurvival, "\(input)") }
            // Hormone therapy acts only on ER+, trastuzumab only on HER2+: otherwise the survival is unchanged, exactly.
            let hormone = model.survival(input, treatments: .init(hormone: true))
            let trastuzumab = model.survival(input, treatments: .init(trastuzumab: true))
            if !input.erPositive { #expect(hormone == surgery, "\(input)") }
            if input.her2 != .positive { #expect(trastuzumab == surgery, "\(input)") }
        }
    }

    @Test("tool: applicable benefits ≥ 0, inapplicable exactly 0, OS + breast + other deaths = 100 at 5, 10, 15 years",
          .enabled(if: ReferenceDatasets.isPresent(domainFile), "\(ReferenceDatasets.skipReason)"))
    func toolProperties() throws {
        let tool = try PredictBreastTool()
        for (index, sample) in try Self.sample().enumerated() {
            let input = sample.input
            var facts = PatientFacts()
            facts.age = input.age
            facts.tumourSizeMM = input.sizeMM
            facts.positiveNodes = input.nodes
            facts.erStatus = input.erPositive ? .positive : .negative
            facts.grade = input.grade == .unknown ? nil : input.grade.rawValue
            facts.detection = [.clinical: .symptomatic, .screen: .screen][input.detection]
            facts.her2Status = [.positive: .positive, .negative: .negative][input.her2]
            facts.ki67Status = [.positive: .positive, .negative: .negative][input.ki67]
            facts.postmenopausal = [0: false, 1: true, 2: nil][index % 3] ?? nil
            facts.chemotherapyGeneration = sample.treatments.chemotherapy == .none ? nil : sample.treatments.chemotherapy.rawValue
            let evaluation = tool.evaluate(facts)
            #expect(evaluation.status == .complete)
            let output = try #require(evaluation.output as? PredictBreastOutput)
            // Ki-67 enters the ER-positive equation only: the tool codes it unknown for ER-negative tumours.
            var expected = input
            if !input.erPositive { expected.ki67 = .unknown }
            #expect(output.input == expected)
            #expect(output.options.map(\.applicable) == [input.erPositive, true, input.her2 == .positive, facts.postmenopausal == true])
            var previous = 100.0
            for horizon in output.horizons {
                #expect((0...100).contains(horizon.surgeryOnly))
                #expect(horizon.surgeryOnly <= previous)
                previous = horizon.surgeryOnly
                for benefit in horizon.benefits {
                    if benefit.applicable { #expect(benefit.extra >= 0, "\(input)") } else { #expect(benefit.extra == 0) }
                }
                let extras = horizon.benefits.map(\.extra).reduce(0, +)
                #expect(abs(horizon.surgeryOnly + extras - horizon.overallSurvival) < 1e-9)
                #expect(abs(horizon.overallSurvival + horizon.breastCancerDeaths + horizon.otherDeaths - 100) < 1e-9)
            }
            #expect(output.iconArray?.categories.map(\.count).reduce(0, +) == 100)
        }
    }
}
