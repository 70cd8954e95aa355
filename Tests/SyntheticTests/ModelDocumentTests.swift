import Foundation
import Synthetic
import Testing

/// `docs/synthetic-model.md` states the same truth the generator draws from: every log hazard ratio,
/// by cancer and covariate, and nothing else.
@Suite struct ModelDocumentTests {
    @Test func coefficientTableMatchesTheModel() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/synthetic-model.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var documented: [String: Double] = [:]
        let cancers = Set(CancerType.allCases.map(\.rawValue))
        for line in text.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // Coefficient rows: cancer | covariate name | log hazard ratio | definition (other tables have numbers in column 2).
            guard cells.count >= 4, cancers.contains(cells[0]), cells[1].first?.isLetter == true,
                  let value = Double(cells[2]) else { continue }
            documented["\(cells[0]) \(cells[1])"] = value
        }
        var modelled: [String: Double] = [:]
        for model in PopulationModel.standard.survival {
            for coefficient in model.coefficients { modelled["\(model.cancer.rawValue) \(coefficient.name)"] = coefficient.logHazardRatio }
        }
        #expect(modelled.count == 22)
        #expect(documented == modelled)
    }
}
