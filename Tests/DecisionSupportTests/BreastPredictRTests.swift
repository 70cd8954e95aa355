import DecisionSupport
import Foundation
import Testing

/// PREDICT Breast v2.1 against the authors' R code: `Fixtures/predict-breast-v21-r.csv` holds `benefits21()`
/// (WintonCentre/predict-v30-r) run on 300 random inputs from the property-test domain, 100 of them with common
/// sizes and node counts; its header names the commit, the R version and the command.
@Suite("PREDICT Breast v2.1 against the authors' R code")
struct BreastPredictRTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/predict-breast-v21-r.csv")

    struct Row {
        let input: PredictBreastInput
        let generation: PredictBreastTreatments.ChemotherapyGeneration
        let hormone: Bool, trastuzumab: Bool, bisphosphonates: Bool
        let year: Int
        /// surgery OS, then the benefits h, c, t, b, hc, hct, hctb.
        let values: [Double]
    }

    static func rows() throws -> [Row] {
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
        return try lines.dropFirst().map { line in
            let cells = line.split(separator: ",").map(String.init)
            var field: [String: Double] = [:]
            for (name, cell) in zip(header, cells) { field[name] = Double(cell) }
            func code(_ name: String) throws -> Int { Int(try #require(field[name], "column \(name)")) }
            let input = PredictBreastInput(
                age: try #require(field["age"]), sizeMM: try #require(field["size"]), nodes: try code("nodes"),
                erPositive: try code("er") == 1,
                grade: try #require(PredictBreastInput.GradeCode(rawValue: code("grade"))),
                detection: try #require(PredictBreastInput.DetectionCode(rawValue: code("screen"))),
                her2: try #require(PredictBreastInput.MarkerCode(rawValue: code("her2"))),
                ki67: try #require(PredictBreastInput.MarkerCode(rawValue: code("ki67"))))
            let values = try ["surgery_os", "h", "c", "t", "b", "hc", "hct", "hctb"].map { try #require(field[$0], "column \($0)") }
            return Row(input: input, generation: try #require(.init(rawValue: code("generation"))),
                       hormone: try code("horm") == 1, trastuzumab: try code("traz") == 1, bisphosphonates: try code("bis") == 1,
                       year: try code("year"), values: values)
        }
    }

    @Test("900 rows: surgery OS and the seven benefit columns within 5e-4 percentage points")
    func everyRow() throws {
        let model = try PredictBreastModel()
        let rows = try Self.rows()
        #expect(rows.count == 900)
        for row in rows {
            let h = row.hormone, c = row.generation, t = row.trastuzumab, b = row.bisphosphonates
            let combinations: [PredictBreastTreatments] = [
                .init(hormone: h), .init(chemotherapy: c), .init(trastuzumab: t), .init(bisphosphonates: b),
                .init(hormone: h, chemotherapy: c), .init(hormone: h, chemotherapy: c, trastuzumab: t),
                .init(hormone: h, chemotherapy: c, trastuzumab: t, bisphosphonates: b),
            ]
            let surgery = model.survival(row.input)[row.year - 1].overallSurvival
            #expect(abs(surgery - row.values[0]) < 5e-4, "\(row.input) year \(row.year): surgery OS \(surgery)")
            for (index, treatments) in combinations.enumerated() {
                let benefit = model.survival(row.input, treatments: treatments)[row.year - 1].overallSurvival - surgery
                #expect(abs(benefit - row.values[index + 1]) < 5e-4, "\(row.input) year \(row.year) column \(index + 1): \(benefit)")
            }
        }
    }
}
