import DecisionSupport
import Foundation
import Testing

/// The TNM 8 lung stage groups, transcribed from reference §4.1 independently of `lung-tnm8-stage.tsv`.
@Suite("Lung TNM 8 stage group")
struct LungStageTests {
    static let allT = ["TX", "Tis", "T1mi", "T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4"]
    static let allN = ["N0", "N1", "N2", "N3"]
    static let allM = ["M0", "M1a", "M1b", "M1c"]

    /// §4.1 "Stage groups", row by row: stage → list of (T, N, M) alternatives.
    static let stageGroups: [(stage: String, cells: [(t: [String], n: [String], m: [String])])] = [
        ("occult carcinoma", [(["TX"], ["N0"], ["M0"])]),
        ("0", [(["Tis"], ["N0"], ["M0"])]),
        ("IA1", [(["T1mi"], ["N0"], ["M0"]), (["T1a"], ["N0"], ["M0"])]),
        ("IA2", [(["T1b"], ["N0"], ["M0"])]),
        ("IA3", [(["T1c"], ["N0"], ["M0"])]),
        ("IB", [(["T2a"], ["N0"], ["M0"])]),
        ("IIA", [(["T2b"], ["N0"], ["M0"])]),
        ("IIB", [(["T1a", "T1b", "T1c"], ["N1"], ["M0"]), (["T2a"], ["N1"], ["M0"]), (["T2b"], ["N1"], ["M0"]), (["T3"], ["N0"], ["M0"])]),
        ("IIIA", [(["T1a", "T1b", "T1c"], ["N2"], ["M0"]), (["T2a", "T2b"], ["N2"], ["M0"]), (["T3"], ["N1"], ["M0"]),
                  (["T4"], ["N0"], ["M0"]), (["T4"], ["N1"], ["M0"])]),
        ("IIIB", [(["T1a", "T1b", "T1c"], ["N3"], ["M0"]), (["T2a", "T2b"], ["N3"], ["M0"]), (["T3"], ["N2"], ["M0"]), (["T4"], ["N2"], ["M0"])]),
        ("IIIC", [(["T3"], ["N3"], ["M0"]), (["T4"], ["N3"], ["M0"])]),
        ("IVA", [(allT, allN, ["M1a", "M1b"])]),
        ("IVB", [(allT, allN, ["M1c"])]),
    ]

    /// §4.1 test vectors.
    static let vectors: [(t: String, n: String, m: String, stage: String)] = [
        ("T1mi", "N0", "M0", "IA1"), ("T1c", "N0", "M0", "IA3"), ("T2b", "N0", "M0", "IIA"), ("T1b", "N1", "M0", "IIB"),
        ("T3", "N0", "M0", "IIB"), ("T4", "N0", "M0", "IIIA"), ("T3", "N1", "M0", "IIIA"), ("T2b", "N2", "M0", "IIIA"),
        ("T4", "N2", "M0", "IIIB"), ("T1a", "N3", "M0", "IIIB"), ("T3", "N3", "M0", "IIIC"), ("T1a", "N0", "M1b", "IVA"),
        ("T2a", "N2", "M1c", "IVB"), ("Tis", "N0", "M0", "0"), ("TX", "N0", "M0", "occult carcinoma"),
    ]

    static func facts(t: String?, n: String?, m: String?, sizeMM: Double? = nil, features: [LungTumourFeature]? = nil) -> PatientFacts {
        var facts = PatientFacts()
        facts.cancer = .lung
        facts.t = t.flatMap { TNMCategory($0, axis: .t) }
        facts.n = n.flatMap { TNMCategory($0, axis: .n) }
        facts.m = m.flatMap { TNMCategory($0, axis: .m) }
        facts.tumourSizeMM = sizeMM
        facts.lungTumourFeatures = features
        return facts
    }

    static func output(_ evaluation: Evaluation) -> LungStageOutput? {
        evaluation.output as? LungStageOutput
    }

    @Test("every cell of the §4.1 stage-group table")
    func stageGroupTable() throws {
        let tool = try LungStageTool()
        var checked = 0
        var seen: Set<String> = []
        for (stage, cells) in Self.stageGroups {
            for cell in cells {
                for t in cell.t { for n in cell.n { for m in cell.m {
                    let evaluation = tool.evaluate(Self.facts(t: t, n: n, m: m))
                    #expect(evaluation.status == .complete, "\(t) \(n) \(m)")
                    #expect(Self.output(evaluation)?.stageGroup == stage, "\(t) \(n) \(m)")
                    checked += 1
                    #expect(seen.insert("\(t) \(n) \(m)").inserted, "\(t) \(n) \(m) is in two rows")
                } } }
            }
        }
        #expect(checked == 1 + 1 + 2 + 1 + 1 + 1 + 1 + 6 + 8 + 7 + 2 + 80 + 40)
    }

    @Test("the 15 reference vectors", arguments: vectors.indices)
    func vector(_ index: Int) throws {
        let vector = Self.vectors[index]
        let output = Self.output(try LungStageTool().evaluate(Self.facts(t: vector.t, n: vector.n, m: vector.m)))
        #expect(output?.stageGroup == vector.stage)
        #expect(output?.t == vector.t && output?.n == vector.n && output?.m == vector.m)
        #expect(output?.tDerivedFrom == nil)
        #expect(output?.edition == "8th edition (2017)")
        #expect((output?.summary.count ?? 999) < 140)
    }

    @Test("the TSV holds every T × N × M combination exactly once, with a dated source header")
    func tsvCoverage() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/DecisionSupport/Resources/lung-tnm8-stage.tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines.filter { $0.hasPrefix("#") }.joined(separator: "\n")
        #expect(header.contains("8th"))
        #expect(header.contains("AJCC") && header.contains("UICC") && header.contains("IASLC") && header.contains("2017"))
        #expect(header.contains("NCCN") && header.contains("ejrnm"))
        let rows = lines.filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t").map(String.init) }
        let keys = rows.map { $0.prefix(3).joined(separator: " ") }
        let expected = Self.allT.flatMap { t in Self.allN.flatMap { n in Self.allM.map { m in "\(t) \(n) \(m)" } } }
        #expect(keys.count == 160)
        #expect(keys.sorted() == expected.sorted())
        #expect(rows.allSatisfy { $0.count == 4 })
    }

    @Test("TX or Tis with nodal disease and M0 cannot be staged: blocked naming t", arguments: ["TX", "Tis"])
    func unassignable(_ t: String) throws {
        for n in ["N1", "N2", "N3"] {
            let evaluation = try LungStageTool().evaluate(Self.facts(t: t, n: n, m: "M0"))
            #expect(evaluation.status == .blocked)
            #expect(evaluation.missing.map(\.fact) == ["t"])
        }
    }

    /// Size boundaries of §4.1: a size exactly on the limit stays in the lower band.
    static let sizes: [(mm: Double, t: String, stage: String)] = [
        (10, "T1a", "IA1"), (10.1, "T1b", "IA2"), (20, "T1b", "IA2"), (20.1, "T1c", "IA3"), (30, "T1c", "IA3"), (30.1, "T2a", "IB"),
        (40, "T2a", "IB"), (40.1, "T2b", "IIA"), (50, "T2b", "IIA"), (50.1, "T3", "IIB"), (70, "T3", "IIB"), (70.1, "T4", "IIIA"),
    ]

    @Test("T from size at 1, 2, 3, 4, 5 and 7 cm exactly and just above", arguments: sizes.indices)
    func sizeBoundary(_ index: Int) throws {
        let size = Self.sizes[index]
        let evaluation = try LungStageTool().evaluate(Self.facts(t: nil, n: "N0", m: "M0", sizeMM: size.mm))
        #expect(evaluation.status == .complete)
        #expect(Self.output(evaluation)?.t == size.t)
        #expect(Self.output(evaluation)?.stageGroup == size.stage)
        #expect(Self.output(evaluation)?.tDerivedFrom?.first?.hasPrefix("tumourSizeMM") == true)
    }

    @Test("features raise the T category; the highest wins")
    func features() throws {
        let tool = try LungStageTool()
        let cases: [(Double?, [LungTumourFeature], String)] = [
            (nil, [.inSitu], "Tis"), (8, [.minimallyInvasive], "T1mi"), (25, [.visceralPleura], "T2a"),
            (45, [.visceralPleura], "T2b"), (45, [.chestWall], "T3"), (20, [.mainBronchus, .mediastinum], "T4"),
            (80, [.chestWall], "T4"), (15, [.noduleSameLobe], "T3"), (15, [.noduleOtherIpsilateralLobe], "T4"),
            (nil, [.carina], "T4"),
        ]
        for (size, features, t) in cases {
            let evaluation = tool.evaluate(Self.facts(t: nil, n: "N0", m: "M0", sizeMM: size, features: features))
            #expect(evaluation.status == .complete, "\(features)")
            #expect(Self.output(evaluation)?.t == t, "\(features) \(size ?? -1)")
            #expect(evaluation.missing.isEmpty, "\(features)")
        }
        let inSitu = tool.evaluate(Self.facts(t: nil, n: "N0", m: "M0", features: [.inSitu]))
        #expect(Self.output(inSitu)?.stageGroup == "0")
        #expect(Self.output(inSitu)?.tDerivedFrom == ["in-situ"])
    }

    @Test("a feature without a size is a lower bound: the missing size widens the answer")
    func featureWithoutSize() throws {
        let evaluation = try LungStageTool().evaluate(Self.facts(t: nil, n: "N0", m: "M0", features: [.chestWall]))
        #expect(evaluation.status == .complete)
        #expect(Self.output(evaluation)?.stageGroup == "IIB")
        #expect(evaluation.missing.map(\.fact) == ["tumourSizeMM"])
        #expect(evaluation.missing.first?.effect == .widensUncertainty)
        #expect(Self.output(evaluation)?.note != nil)
    }

    @Test("an in-situ lesion above 30 mm is staged by its size, with a caveat")
    func inSituTooLarge() throws {
        let evaluation = try LungStageTool().evaluate(Self.facts(t: nil, n: "N0", m: "M0", sizeMM: 35, features: [.inSitu]))
        #expect(Self.output(evaluation)?.t == "T2a")
        #expect(evaluation.caveats.contains { $0.contains("in-situ") })
    }

    @Test("T1 or T2 without a subcategory needs the size")
    func bareT() throws {
        let tool = try LungStageTool()
        let noSize = tool.evaluate(Self.facts(t: "T1", n: "N0", m: "M0"))
        #expect(noSize.status == .blocked)
        #expect(noSize.missing.map(\.fact) == ["tumourSizeMM"])
        #expect(tool.evaluate(Self.facts(t: "T2", n: "N1", m: "M0")).missing.map(\.fact) == ["tumourSizeMM"])
        #expect(Self.output(tool.evaluate(Self.facts(t: "T1", n: "N0", m: "M0", sizeMM: 15)))?.stageGroup == "IA2")
        #expect(Self.output(tool.evaluate(Self.facts(t: "T2", n: "N0", m: "M0", sizeMM: 45)))?.t == "T2b")
        #expect(Self.output(tool.evaluate(Self.facts(t: "T2", n: "N0", m: "M0", sizeMM: 25)))?.t == "T2a")
    }

    @Test("N and M are required: the block names the missing one")
    func requiredNM() throws {
        let tool = try LungStageTool()
        let noM = tool.evaluate(Self.facts(t: "T2a", n: "N0", m: nil))
        #expect(noM.status == .blocked && noM.missing.map(\.fact) == ["m"])
        let noN = tool.evaluate(Self.facts(t: "T2a", n: nil, m: "M0"))
        #expect(noN.status == .blocked && noN.missing.map(\.fact) == ["n"])
        let nx = tool.evaluate(Self.facts(t: "T2a", n: "NX", m: "M0"))
        #expect(nx.status == .blocked && nx.missing.map(\.fact) == ["n"])
        let noT = tool.evaluate(Self.facts(t: nil, n: "N0", m: "M0"))
        #expect(noT.status == .blocked && noT.missing.map(\.fact) == ["t"])
    }

    @Test("M1 without a subcategory is stage IV with a note; M1 needs no T or N")
    func m1() throws {
        let tool = try LungStageTool()
        let bare = Self.output(tool.evaluate(Self.facts(t: "T2a", n: "N2", m: "M1")))
        #expect(bare?.stageGroup == "IV")
        #expect(bare?.note?.contains("IVA") == true && bare?.note?.contains("IVB") == true)
        let anyTN = tool.evaluate(Self.facts(t: nil, n: nil, m: "M1c"))
        #expect(anyTN.status == .complete)
        #expect(Self.output(anyTN)?.stageGroup == "IVB")
        #expect(Self.output(anyTN)?.t == nil)
    }

    @Test("prefixed categories (cT, pN) are read")
    func prefixes() throws {
        let output = Self.output(try LungStageTool().evaluate(Self.facts(t: "pT3", n: "cN1", m: "cM0")))
        #expect(output?.stageGroup == "IIIA")
    }

    @Test("out of scope: another cancer, small-cell histology")
    func scope() throws {
        let tool = try LungStageTool()
        var breast = Self.facts(t: "T2a", n: "N0", m: "M0")
        breast.cancer = .breast
        #expect(tool.evaluate(breast).status == .outOfScope)
        var smallCell = Self.facts(t: "T2a", n: "N0", m: "M0")
        smallCell.histology = .smallCell
        let evaluation = tool.evaluate(smallCell)
        #expect(evaluation.status == .outOfScope)
        #expect(evaluation.scopeNote?.contains("non-small-cell") == true)
        #expect(tool.id == .lungStage)
    }
}
