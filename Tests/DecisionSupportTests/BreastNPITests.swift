import DecisionSupport
import Testing

/// The Nottingham Prognostic Index against the vectors of reference §3.4.
@Suite("Nottingham Prognostic Index")
struct BreastNPITests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let sizeCM: Double, nodes: Int, grade: Int
        let npi: Double, band: NPIBand, survival: Double
        var testDescription: String { "\(sizeCM) cm, \(nodes) nodes, grade \(grade)" }
    }

    static let vectors: [Vector] = [
        Vector(sizeCM: 1.5, nodes: 0, grade: 1, npi: 2.3, band: .excellent, survival: 93),
        Vector(sizeCM: 2.2, nodes: 2, grade: 2, npi: 4.44, band: .moderate, survival: 70),
        Vector(sizeCM: 3.0, nodes: 5, grade: 3, npi: 6.6, band: .poor, survival: 50),
        Vector(sizeCM: 1.0, nodes: 0, grade: 2, npi: 3.2, band: .good, survival: 85),
        Vector(sizeCM: 2.0, nodes: 0, grade: 2, npi: 3.4, band: .good, survival: 85),
    ]

    static func facts(sizeMM: Double?, nodes: Int?, grade: Int?) -> PatientFacts {
        var facts = PatientFacts()
        facts.tumourSizeMM = sizeMM
        facts.positiveNodes = nodes
        facts.grade = grade
        return facts
    }

    @Test("the five reference vectors, 3.4 inclusive in good", arguments: vectors)
    func referenceVectors(_ vector: Vector) throws {
        let evaluation = try NPITool().evaluate(Self.facts(sizeMM: vector.sizeCM * 10, nodes: vector.nodes, grade: vector.grade))
        #expect(evaluation.status == .complete)
        let output = try #require(evaluation.output as? NPIOutput)
        #expect(output.npi == vector.npi)
        #expect(output.band == vector.band)
        #expect(output.fiveYearSurvivalPercent == vector.survival)
        #expect(output.summary.count < 140)
    }

    @Test("node scores: 0 → 1, 1–3 → 2, 4 or more → 3; just above 3.4 is moderate")
    func nodeScoresAndBoundary() throws {
        let tool = try NPITool()
        let scores = [0, 1, 3, 4, 30].map { (tool.evaluate(Self.facts(sizeMM: 10, nodes: $0, grade: 1)).output as? NPIOutput)?.nodeScore }
        #expect(scores == [1, 2, 2, 3, 3])
        let parts = tool.evaluate(Self.facts(sizeMM: 22, nodes: 2, grade: 2)).output as? NPIOutput
        #expect(parts?.sizeCM == 2.2)
        #expect(parts?.sizePoints == 0.44)
        #expect(parts?.detail.contains("| Tumour size | 2.2 cm | 0.44 |") == true)
        // 0.2 × 2.05 cm + 1 + 2 = 3.41.
        let above = tool.evaluate(Self.facts(sizeMM: 20.5, nodes: 0, grade: 2)).output as? NPIOutput
        #expect(above?.band == .moderate)
        // 0.2 × 2 cm + 1 + 1 = 2.4, the excellent band's inclusive bound.
        let excellent = tool.evaluate(Self.facts(sizeMM: 20, nodes: 0, grade: 1)).output as? NPIOutput
        #expect(excellent?.band == .excellent)
    }

    @Test("each missing fact blocks and is named")
    func missingFacts() throws {
        let evaluation = try NPITool().evaluate(PatientFacts())
        #expect(evaluation.status == .blocked)
        #expect(evaluation.output == nil)
        #expect(evaluation.missing.map(\.fact) == ["tumourSizeMM", "positiveNodes", "grade"])
        #expect(evaluation.missing.allSatisfy { $0.effect == .blocks })
        let gradeOnly = try NPITool().evaluate(Self.facts(sizeMM: 15, nodes: 1, grade: nil))
        #expect(gradeOnly.missing.map(\.fact) == ["grade"])
    }

    @Test("metastatic disease and other cancers are out of scope")
    func scope() throws {
        var facts = Self.facts(sizeMM: 15, nodes: 0, grade: 1)
        facts.m = TNMCategory("M1", axis: .m)
        #expect(try NPITool().evaluate(facts).status == .outOfScope)
        facts.m = TNMCategory("M0", axis: .m)
        #expect(try NPITool().evaluate(facts).status == .complete)
        facts.cancer = .prostate
        #expect(try NPITool().evaluate(facts).status == .outOfScope)
    }
}
