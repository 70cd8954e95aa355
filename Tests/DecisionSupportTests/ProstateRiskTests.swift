import DecisionSupport
import Testing

/// EAU, NCCN and CAPRA against the vectors of reference §2.1–2.3, and the tool's handling of missing facts.
@Suite("Prostate risk groups")
struct ProstateRiskTests {
    let rules: ProstateRiskRules
    let tool: ProstateRiskTool

    init() throws {
        rules = try ProstateRiskRules()
        tool = try ProstateRiskTool()
    }

    @Test("EAU vectors of §2.1", arguments: [
        (6.5, 1, "T1c", false, EAURiskGroup.low),
        (8, 2, "T2a", false, .intermediate),
        (12, 1, "T1c", false, .intermediate),
        (7, 1, "T2b", false, .intermediate),
        (25, 1, "T1c", false, .high),
        (8, 4, "T2a", false, .high),
        (9, 1, "T2c", false, .high),
        (15, 3, "T3a", false, .locallyAdvanced),
        (5, 1, "T1c", true, .locallyAdvanced),
    ])
    func eauVectors(psa: Double, gradeGroup: Int, t: String, nodePositive: Bool, expected: EAURiskGroup) {
        #expect(EAURiskGroup.classify(psa: psa, gradeGroup: gradeGroup, t: t, nodePositive: nodePositive, criteria: rules.eau) == expected)
    }

    @Test("EAU PSA bounds: 10 and 20 are intermediate, just above 20 is high")
    func eauBounds() {
        #expect(EAURiskGroup.classify(psa: 10, gradeGroup: 1, t: "T1c", nodePositive: false, criteria: rules.eau) == .intermediate)
        #expect(EAURiskGroup.classify(psa: 20, gradeGroup: 1, t: "T1c", nodePositive: false, criteria: rules.eau) == .intermediate)
        #expect(EAURiskGroup.classify(psa: 20.1, gradeGroup: 1, t: "T1c", nodePositive: false, criteria: rules.eau) == .high)
        #expect(EAURiskGroup.classify(psa: 9.9, gradeGroup: 1, t: "T1c", nodePositive: false, criteria: rules.eau) == .low)
    }

    static func nccn(_ psa: Double, _ gradeGroup: Int, _ t: String, cores: (Int, Int)? = nil, maxCore: Double? = nil,
                     density: Double? = nil, primary: Int? = nil) -> NCCNRiskGroup.Inputs {
        var inputs = NCCNRiskGroup.Inputs(psa: psa, gradeGroup: gradeGroup, t: t)
        inputs.positiveCores = cores?.0
        inputs.coresTaken = cores?.1
        inputs.maxCoreInvolvementPercent = maxCore
        inputs.psaDensity = density
        inputs.gleasonPrimary = primary
        return inputs
    }

    @Test("NCCN vectors of §2.2")
    func nccnVectors() {
        let cases: [(NCCNRiskGroup.Inputs, NCCNRiskGroup)] = [
            (Self.nccn(5, 1, "T1c", cores: (2, 12), maxCore: 30, density: 0.10), .veryLow),
            (Self.nccn(5, 1, "T1c", cores: (4, 12), maxCore: 30, density: 0.10), .low),
            (Self.nccn(8, 2, "T1c", cores: (3, 12)), .favourableIntermediate),
            (Self.nccn(8, 2, "T1c", cores: (7, 12)), .unfavourableIntermediate),
            (Self.nccn(12, 2, "T2b"), .unfavourableIntermediate),
            (Self.nccn(8, 3, "T1c"), .unfavourableIntermediate),
            (Self.nccn(25, 1, "T1c"), .high),
            (Self.nccn(25, 4, "T2a"), .veryHigh),
            (Self.nccn(6, 2, "T3b"), .veryHigh),
            (Self.nccn(5, 5, "T1c", primary: 5), .veryHigh),
        ]
        for (inputs, expected) in cases {
            #expect(NCCNRiskGroup.classify(inputs, criteria: rules.nccn).group == expected, "\(inputs)")
        }
    }

    @Test("NCCN: a missing optional fact skips its criterion and names it")
    func nccnSkippedCriteria() {
        // Very low needs cores, involvement and density: without density the group stays low.
        let noDensity = NCCNRiskGroup.classify(Self.nccn(5, 1, "T1c", cores: (2, 12), maxCore: 30), criteria: rules.nccn)
        #expect(noDensity.group == .low)
        #expect(noDensity.skipped == ["psaDensity"])
        // Grade group 5 without the primary pattern: one high feature → high, primary 5 not checked.
        let noPrimary = NCCNRiskGroup.classify(Self.nccn(5, 5, "T1c"), criteria: rules.nccn)
        #expect(noPrimary.group == .high)
        #expect(noPrimary.skipped == ["gleasonPrimary", "coresGradeGroup4OrMore"])
        // One intermediate risk factor, grade group 2, no core counts: not split.
        let unsplit = NCCNRiskGroup.classify(Self.nccn(8, 2, "T1c"), criteria: rules.nccn)
        #expect(unsplit.group == .intermediate)
        #expect(unsplit.skipped == ["biopsyCoresPositive", "biopsyCoresTaken"])
        // More than 4 cores of grade group 4–5 → very high.
        var many = Self.nccn(5, 4, "T1c", primary: 4)
        many.coresGradeGroup4OrMore = 5
        #expect(NCCNRiskGroup.classify(many, criteria: rules.nccn).group == .veryHigh)
        many.coresGradeGroup4OrMore = 4
        #expect(NCCNRiskGroup.classify(many, criteria: rules.nccn).group == .high)
    }

    @Test("CAPRA vectors of §2.3", arguments: [
        (5.0, 3, 3, "T1c", 20.0, 45.0, 0, CAPRAScore.Group.low),
        (8, 3, 4, "T2a", 40, 62, 4, .intermediate),
        (15, 4, 3, "T2b", 50, 70, 7, .high),
        (35, 4, 5, "T3a", 80, 66, 10, .high),
    ])
    func capraVectors(psa: Double, primary: Int, secondary: Int, t: String, cores: Double, age: Double, score: Int, group: CAPRAScore.Group) throws {
        let capra = try #require(CAPRAScore(psa: psa, gleasonPrimary: primary, gleasonSecondary: secondary, t: t,
                                            percentPositiveCores: cores, age: age, table: rules.capra))
        #expect(capra.score == score)
        #expect(capra.group == group)
        #expect(capra.points.total == score)
    }

    @Test("CAPRA: no 2-point Gleason or T level; cT3b is outside the score")
    func capraTable() throws {
        let secondary = try #require(CAPRAScore(psa: 2, gleasonPrimary: 3, gleasonSecondary: 5, t: "T3a", percentPositiveCores: 10,
                                                age: 40, table: rules.capra))
        #expect(secondary.points.gleason == 1)
        #expect(secondary.points.t == 1)
        #expect(secondary.score == 2)
        #expect(CAPRAScore(psa: 2, gleasonPrimary: 3, gleasonSecondary: 3, t: "T3b", percentPositiveCores: 10, age: 40, table: rules.capra) == nil)
    }

    static func facts(_ json: String) throws -> PatientFacts {
        try PatientFacts(jsonText: json)
    }

    @Test("the tool classifies all three parts and says so in one short summary")
    func fullEvaluation() throws {
        let facts = try Self.facts("""
            {"sex": "male", "cancer": "prostate", "age": 62, "psa": 8, "gleasonPrimary": 3, "gleasonSecondary": 4,
             "t": "cT2a", "n": "N0", "m": "M0", "biopsyCoresTaken": 12, "biopsyCoresPositive": 7}
            """)
        let evaluation = tool.evaluate(facts)
        #expect(evaluation.status == .complete)
        let output = try #require(evaluation.output as? ProstateRiskOutput)
        #expect(output.eau == .intermediate)
        #expect(output.eauEdition == "2024")
        #expect(output.nccn == .unfavourableIntermediate)
        #expect(output.capra?.score == 4)  // PSA 8 → 1, 3+4 → 1, cT2a → 0, 58 % cores → 1, age 62 → 1
        #expect(output.summary == "EAU intermediate risk · NCCN unfavourable intermediate · CAPRA 4 (intermediate)")
        #expect(output.summary.count < 140)
        #expect(evaluation.missing.allSatisfy { $0.effect != .blocks })
        #expect(evaluation.sources.map(\.label).contains("EAU prostate cancer guideline 2024"))
    }

    @Test("raw values are kebab-case with a human label")
    func names() {
        #expect(NCCNRiskGroup.favourableIntermediate.rawValue == "favourable-intermediate")
        #expect(NCCNRiskGroup.veryLow.label == "very low")
        #expect(EAURiskGroup.locallyAdvanced.rawValue == "locally-advanced")
    }

    @Test("no PSA: EAU and NCCN are skipped naming the fact; nothing classified → blocked")
    func missingPSA() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"gradeGroup": 2, "t": "T2a", "n": "N0", "m": "M0", "age": 60}"#))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.output == nil)
        let psaNotes = evaluation.missing.filter { $0.fact == "psa" && $0.effect == .blocks }.map(\.note)
        #expect(psaNotes.contains { $0.hasPrefix("EAU") })
        #expect(psaNotes.contains { $0.hasPrefix("NCCN") })
        #expect(psaNotes.contains { $0.hasPrefix("CAPRA") })
    }

    @Test("no biopsy counts: EAU and NCCN classified, CAPRA skipped naming the cores")
    func missingCores() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"age": 70, "psa": 12, "gradeGroup": 2, "t": "T2b", "n": "N0", "m": "M0"}"#))
        #expect(evaluation.status == .complete)
        let output = try #require(evaluation.output as? ProstateRiskOutput)
        #expect(output.eau == .intermediate)
        #expect(output.nccn == .unfavourableIntermediate)
        #expect(output.capra == nil)
        #expect(evaluation.missing.contains { $0.fact == "biopsyCoresTaken" && $0.effect == .blocks && $0.note.hasPrefix("CAPRA") })
        #expect(output.summary == "EAU intermediate risk · NCCN unfavourable intermediate")
    }

    @Test("optional NCCN facts absent → skips-criterion, group may be less specific")
    func optionalFactsSkipped() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"psa": 5, "gradeGroup": 1, "t": "T1c", "n": "N0", "m": "M0", "biopsyCoresTaken": 12, "biopsyCoresPositive": 2}"#))
        let output = try #require(evaluation.output as? ProstateRiskOutput)
        #expect(output.nccn == .low)
        let skipped = evaluation.missing.filter { $0.effect == .skipsCriterion }.map(\.fact)
        #expect(skipped.contains("psaDensity"))
        #expect(skipped.contains("maxCoreInvolvementPercent"))
        #expect(evaluation.missing.first { $0.fact == "psaDensity" }?.note.contains("less specific") == true)
    }

    @Test("N1 → NCCN regional and EAU locally advanced; M1 → NCCN metastatic, EAU and CAPRA not classified")
    func nodesAndMetastases() throws {
        let n1 = tool.evaluate(try Self.facts(#"{"psa": 5, "gradeGroup": 1, "t": "T1c", "n": "N1", "m": "M0"}"#))
        let regional = try #require(n1.output as? ProstateRiskOutput)
        #expect(regional.nccn == .regional)
        #expect(regional.eau == .locallyAdvanced)
        let m1 = tool.evaluate(try Self.facts(#"{"psa": 50, "gradeGroup": 5, "t": "T3a", "m": "M1b"}"#))
        let metastatic = try #require(m1.output as? ProstateRiskOutput)
        #expect(m1.status == .complete)
        #expect(metastatic.nccn == .metastatic)
        #expect(metastatic.eau == nil)
        #expect(metastatic.capra == nil)
        #expect(m1.caveats.contains { $0.contains("non-metastatic") })
    }

    @Test("cT3 alone is locally advanced even without PSA or grade")
    func locallyAdvancedWithoutPSA() throws {
        let evaluation = tool.evaluate(try Self.facts(#"{"t": "T3a", "n": "N0", "m": "M0"}"#))
        #expect(evaluation.status == .complete)
        #expect((evaluation.output as? ProstateRiskOutput)?.eau == .locallyAdvanced)
    }

    @Test("not prostate cancer, or a woman → out of scope")
    func outOfScope() throws {
        let breast = tool.evaluate(try Self.facts(#"{"cancer": "breast", "psa": 5}"#))
        #expect(breast.status == .outOfScope)
        #expect(breast.scopeNote?.contains("breast") == true)
        #expect(tool.evaluate(try Self.facts(#"{"sex": "female", "psa": 5}"#)).status == .outOfScope)
    }
}
