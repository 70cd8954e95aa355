import DecisionSupport
import Testing

/// The St Gallen 2013 surrogate subtypes against the vectors of reference §3.3, and what the tool says when a
/// missing fact leaves more than one subtype possible.
@Suite("Breast surrogate subtype")
struct BreastSubtypeTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let er: Double, pr: Double, her2: MarkerStatus, ki67: Double
        let subtype: BreastSubtype
        var testDescription: String { "ER \(er) PR \(pr) HER2 \(her2) Ki-67 \(ki67)" }
    }

    static let vectors: [Vector] = [
        Vector(er: 90, pr: 50, her2: .negative, ki67: 10, subtype: .luminalALike),
        Vector(er: 90, pr: 10, her2: .negative, ki67: 10, subtype: .luminalBLikeHER2Negative),
        Vector(er: 90, pr: 60, her2: .negative, ki67: 30, subtype: .luminalBLikeHER2Negative),
        Vector(er: 80, pr: 0, her2: .positive, ki67: 40, subtype: .luminalBLikeHER2Positive),
        Vector(er: 0, pr: 0, her2: .positive, ki67: 50, subtype: .her2PositiveNonLuminal),
        Vector(er: 0, pr: 0, her2: .negative, ki67: 60, subtype: .tripleNegative),
    ]

    static func facts(er: Double? = nil, pr: Double? = nil, her2: MarkerStatus? = nil, ki67: Double? = nil) -> PatientFacts {
        var facts = PatientFacts()
        facts.erPercent = er
        facts.prPercent = pr
        facts.her2Status = her2
        facts.ki67Percent = ki67
        return facts
    }

    @Test("the six reference vectors", arguments: vectors)
    func referenceVectors(_ vector: Vector) throws {
        let evaluation = try BreastSubtypeTool().evaluate(Self.facts(er: vector.er, pr: vector.pr, her2: vector.her2, ki67: vector.ki67))
        #expect(evaluation.status == .complete)
        #expect(evaluation.missing.isEmpty)
        let output = try #require(evaluation.output as? BreastSubtypeOutput)
        #expect(output.subtype == vector.subtype)
        #expect(output.label == vector.subtype.label)
        #expect(output.cutOffs.hormoneReceptorPositivePercent == 1)
        #expect(output.cutOffs.prHighPercent == 20)
        #expect(output.cutOffs.ki67HighPercent == 20)
        #expect(output.summary.count < 140)
    }

    @Test("the cut-offs are inclusive: PR 20 % and Ki-67 19.9 % is luminal A-like, Ki-67 20 % luminal B-like")
    func boundaries() throws {
        let tool = try BreastSubtypeTool()
        let a = tool.evaluate(Self.facts(er: 50, pr: 20, her2: .negative, ki67: 19.9)).output as? BreastSubtypeOutput
        let b = tool.evaluate(Self.facts(er: 50, pr: 20, her2: .negative, ki67: 20)).output as? BreastSubtypeOutput
        #expect(a?.subtype == .luminalALike)
        #expect(b?.subtype == .luminalBLikeHER2Negative)
        // ER 0.5 % is below the 1 % positivity cut-off: with PR 0 % the tumour is hormone-receptor negative.
        let tn = tool.evaluate(Self.facts(er: 0.5, pr: 0, her2: .negative, ki67: 5)).output as? BreastSubtypeOutput
        #expect(tn?.subtype == .tripleNegative)
    }

    @Test("without Ki-67 an ER+/HER2−/PR-high tumour is blocked between luminal A-like and B-like")
    func missingKi67() throws {
        let evaluation = try BreastSubtypeTool().evaluate(Self.facts(er: 90, pr: 50, her2: .negative))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.output == nil)
        #expect(evaluation.missing.map(\.fact) == ["ki67Percent"])
        #expect(evaluation.missing.allSatisfy { $0.effect == .blocks })
        let note = try #require(evaluation.scopeNote)
        #expect(note.contains("Luminal A-like or Luminal B-like (HER2−)"))
    }

    @Test("a fact that cannot change the answer is not asked for: PR < 20 % decides without Ki-67")
    func prDecidesWithoutKi67() throws {
        let evaluation = try BreastSubtypeTool().evaluate(Self.facts(er: 90, pr: 10, her2: .negative))
        #expect(evaluation.status == .complete)
        #expect((evaluation.output as? BreastSubtypeOutput)?.subtype == .luminalBLikeHER2Negative)
        let her2Positive = try BreastSubtypeTool().evaluate(Self.facts(er: 90, her2: .positive))
        #expect((her2Positive.output as? BreastSubtypeOutput)?.subtype == .luminalBLikeHER2Positive)
    }

    @Test("without HER2 a hormone-receptor-negative tumour is HER2-positive non-luminal or triple-negative")
    func missingHER2() throws {
        let evaluation = try BreastSubtypeTool().evaluate(Self.facts(er: 0, pr: 0, ki67: 40))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.missing.map(\.fact) == ["her2Status"])
        #expect(evaluation.scopeNote?.contains("HER2-positive (non-luminal) or Triple-negative") == true)
    }

    @Test("ER negative with PR unknown leaves the PR question open; ER status alone as positive is enough for HER2+")
    func statusOnly() throws {
        var facts = PatientFacts()
        facts.erStatus = .negative
        facts.her2Status = .positive
        let open = try BreastSubtypeTool().evaluate(facts)
        #expect(open.status == .blocked)
        #expect(open.missing.map(\.fact) == ["prPercent"])
        facts.prStatus = .negative
        let closed = try BreastSubtypeTool().evaluate(facts)
        #expect((closed.output as? BreastSubtypeOutput)?.subtype == .her2PositiveNonLuminal)
    }

    @Test("with nothing known every marker is asked for")
    func nothingKnown() throws {
        let evaluation = try BreastSubtypeTool().evaluate(PatientFacts())
        #expect(evaluation.status == .blocked)
        #expect(Set(evaluation.missing.map(\.fact)) == ["erStatus", "prPercent", "her2Status", "ki67Percent"])
    }

    @Test("another cancer is out of scope")
    func otherCancer() throws {
        var facts = Self.facts(er: 90, pr: 50, her2: .negative, ki67: 10)
        facts.cancer = .lung
        let evaluation = try BreastSubtypeTool().evaluate(facts)
        #expect(evaluation.status == .outOfScope)
        #expect(evaluation.output == nil)
    }
}
