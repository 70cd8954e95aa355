import DecisionSupport
import Testing

/// Biomarker-directed first line for advanced NSCLC: expectations transcribed from reference §4.2.
@Suite("Lung first-line therapy")
struct LungTherapyTests {
    static func facts(_ biomarkers: [LungGene: String]?, pdl1: Double? = nil, m: String? = "M1c", stage: String? = nil,
                      histology: Histology? = nil) -> PatientFacts {
        var facts = PatientFacts()
        facts.cancer = .lung
        facts.m = m.flatMap { TNMCategory($0, axis: .m) }
        facts.stageGroup = stage
        facts.lungBiomarkers = biomarkers
        facts.pdl1TPS = pdl1
        facts.histology = histology
        return facts
    }

    /// All ten genes negative except the one given.
    static func only(_ gene: LungGene, _ result: String) -> [LungGene: String] {
        var biomarkers = Dictionary(uniqueKeysWithValues: LungGene.allCases.map { ($0, "negative") })
        biomarkers[gene] = result
        return biomarkers
    }

    static func output(_ evaluation: Evaluation) -> LungTherapyOutput? {
        evaluation.output as? LungTherapyOutput
    }

    /// §4.2 driver rows with a targeted first line: gene, result, drugs named in "Preferred first line".
    static let targetedRows: [(gene: LungGene, result: String, preferred: [String])] = [
        (.egfr, "exon19-deletion", ["osimertinib"]),
        (.egfr, "L858R", ["osimertinib"]),
        (.egfr, "uncommon", ["afatinib", "osimertinib"]),
        (.egfr, "exon20-insertion", ["amivantamab", "carboplatin", "pemetrexed"]),
        (.alk, "fusion", ["alectinib", "brigatinib", "lorlatinib"]),
        (.ros1, "fusion", ["crizotinib", "entrectinib", "repotrectinib"]),
        (.braf, "V600E", ["dabrafenib", "trametinib", "encorafenib", "binimetinib"]),
        (.met, "exon14-skipping", ["capmatinib", "tepotinib"]),
        (.ret, "fusion", ["selpercatinib"]),
        (.ntrk, "fusion", ["larotrectinib", "entrectinib"]),
    ]

    @Test("each targeted driver row of §4.2", arguments: targetedRows.indices)
    func targeted(_ index: Int) throws {
        let row = Self.targetedRows[index]
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(row.gene, row.result)))
        #expect(evaluation.status == .complete)
        #expect(evaluation.missing.isEmpty)
        let output = try #require(Self.output(evaluation))
        #expect(output.driver == "\(row.gene.rawValue) \(row.result)")
        #expect(output.recommendations.count == 1)
        let recommendation = try #require(output.recommendations.first)
        #expect(recommendation.firstLine == "targeted")
        let preferred = recommendation.preferred.joined(separator: " ")
        for drug in row.preferred { #expect(preferred.contains(drug), "\(drug) for \(row.gene) \(row.result)") }
        #expect(!recommendation.sources.isEmpty)
        #expect(recommendation.sources.allSatisfy { !$0.edition.isEmpty })
        #expect(output.summary.count < 140 && output.summary.hasPrefix("Actionable \(row.gene.rawValue)"))
    }

    @Test("EGFR common mutation: osimertinib, the FLAURA2 and MARIPOSA alternatives, avoid immunotherapy, ESMO and NCCN cited")
    func egfrDetails() throws {
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(.egfr, "L858R")))
        let recommendation = try #require(Self.output(evaluation)?.recommendations.first)
        #expect(recommendation.preferred == ["osimertinib"])
        #expect(recommendation.alternatives.contains { $0.contains("FLAURA2") })
        #expect(recommendation.alternatives.contains { $0.contains("amivantamab + lazertinib") })
        #expect(recommendation.avoid.contains { $0.hasPrefix("immunotherapy") })
        #expect(recommendation.sources.contains { $0.label.contains("ESMO") && $0.edition.contains("2023") })
        #expect(recommendation.sources.contains { $0.edition == "v4.2024" })
        #expect(Self.output(evaluation)?.pdl1TPS == nil)
    }

    @Test("ALK: crizotinib is to be avoided as inferior")
    func alkCrizotinib() throws {
        let recommendation = try #require(Self.output(try LungTherapyTool().evaluate(Self.facts(Self.only(.alk, "fusion"))))?.recommendations.first)
        #expect(recommendation.avoid.contains { $0.contains("crizotinib") && $0.contains("inferior") })
    }

    /// §4.2 rows whose first line is as for no driver, with the later-line drug the notes name.
    static let asNoDriverRows: [(gene: LungGene, result: String, later: String)] = [
        (.kras, "G12C", "sotorasib"), (.her2, "mutation", "trastuzumab deruxtecan"), (.nrg1, "fusion", "zenocutuzumab"),
    ]

    @Test("KRAS G12C, HER2 mutation, NRG1 fusion: first line by PD-L1 as for no driver", arguments: asNoDriverRows.indices)
    func asNoDriver(_ index: Int) throws {
        let row = Self.asNoDriverRows[index]
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(row.gene, row.result), pdl1: 60))
        #expect(evaluation.status == .complete)
        let output = try #require(Self.output(evaluation))
        #expect(output.driver == "\(row.gene.rawValue) \(row.result)")
        #expect(output.recommendations.map(\.firstLine) == ["as-no-driver", "no-driver"])
        #expect(output.recommendations.first?.notes.joined().contains(row.later) == true)
        #expect(output.recommendations.last?.preferred.first?.contains("pembrolizumab") == true)
        let noPDL1 = try LungTherapyTool().evaluate(Self.facts(Self.only(row.gene, row.result)))
        #expect(noPDL1.status == .blocked)
    }

    /// §4.2 PD-L1 bands for no actionable driver: TPS → the drug the band's preferred first line starts with.
    static let bands: [(tps: Double, condition: String, monotherapy: Bool)] = [
        (100, "TPS ≥ 50 %", true), (50, "TPS ≥ 50 %", true), (49.9, "TPS 1–49 %", false), (30, "TPS 1–49 %", false),
        (1, "TPS 1–49 %", false), (0.9, "TPS < 1 %", false), (0, "TPS < 1 %", false),
    ]

    @Test("no driver: each PD-L1 band, boundaries included", arguments: bands.indices)
    func pdl1Band(_ index: Int) throws {
        let band = Self.bands[index]
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(.egfr, "negative"), pdl1: band.tps))
        #expect(evaluation.status == .complete)
        let output = try #require(Self.output(evaluation))
        #expect(output.driver == nil)
        #expect(output.pdl1TPS == band.tps)
        let recommendation = try #require(output.recommendations.first)
        #expect(output.recommendations.count == 1)
        #expect(recommendation.condition.contains(band.condition))
        #expect(recommendation.preferred.contains("pembrolizumab monotherapy") == band.monotherapy)
        #expect(recommendation.preferred.contains { $0.contains("KEYNOTE-189") } == !band.monotherapy)
        #expect(recommendation.alternatives.contains { $0.contains("platinum doublet") })
        #expect(output.summary.count < 140)
    }

    @Test("TPS ≥ 50 % cites KEYNOTE-024")
    func keynote024() throws {
        let recommendation = try #require(Self.output(try LungTherapyTool().evaluate(Self.facts(Self.only(.alk, "negative"), pdl1: 80)))?.recommendations.first)
        #expect(recommendation.sources.contains { $0.label == "KEYNOTE-024" })
        #expect(recommendation.notes.contains { $0.contains("HR 0.62") })
    }

    @Test("a known histology keeps only its regimen")
    func histology() throws {
        let tool = try LungTherapyTool()
        let squamous = try #require(Self.output(tool.evaluate(Self.facts(Self.only(.egfr, "negative"), pdl1: 20, histology: .squamous)))?.recommendations.first)
        #expect(squamous.preferred.count == 1 && squamous.preferred[0].contains("KEYNOTE-407"))
        let adeno = try #require(Self.output(tool.evaluate(Self.facts(Self.only(.egfr, "negative"), pdl1: 20, histology: .adenocarcinoma)))?.recommendations.first)
        #expect(adeno.preferred.count == 1 && adeno.preferred[0].contains("KEYNOTE-189"))
    }

    @Test("untested genes widen the answer and are listed; immunotherapy waits for EGFR, ALK, ROS1")
    func missingGenes() throws {
        let evaluation = try LungTherapyTool().evaluate(Self.facts([.egfr: "negative", .kras: "negative"], pdl1: 70))
        #expect(evaluation.status == .complete)
        let missing = try #require(evaluation.missing.first { $0.fact == "lungBiomarkers" })
        #expect(missing.effect == .widensUncertainty)
        for gene in ["ALK", "ROS1", "BRAF", "MET", "RET", "NTRK", "HER2", "NRG1"] { #expect(missing.note.contains(gene)) }
        #expect(!missing.note.contains("EGFR") && !missing.note.contains("KRAS"))
        let caveat = try #require(evaluation.caveats.first { $0.contains("Immunotherapy should wait") })
        #expect(caveat.contains("ALK") && caveat.contains("ROS1") && !caveat.contains("EGFR"))

        let none = try LungTherapyTool().evaluate(Self.facts(nil, pdl1: 70))
        #expect(none.missing.first?.note.contains("EGFR") == true)
        #expect(none.caveats.contains { $0.contains("EGFR, ALK, ROS1") })
    }

    @Test("no driver and no PD-L1: blocked naming pdl1TPS")
    func missingPDL1() throws {
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(.egfr, "negative")))
        #expect(evaluation.status == .blocked)
        #expect(evaluation.missing.map(\.fact) == ["pdl1TPS"])
        #expect(evaluation.missing.first?.effect == .blocks)
    }

    @Test("a driver makes PD-L1 unnecessary")
    func driverWithoutPDL1() throws {
        let evaluation = try LungTherapyTool().evaluate(Self.facts([.egfr: "exon19-deletion"]))
        #expect(evaluation.status == .complete)
        #expect(!evaluation.missing.contains { $0.fact == "pdl1TPS" })
    }

    @Test("EGFR positive without the variant lists every EGFR row with a caveat")
    func egfrPositive() throws {
        let evaluation = try LungTherapyTool().evaluate(Self.facts(Self.only(.egfr, "positive")))
        #expect(Self.output(evaluation)?.recommendations.map(\.id) == ["egfr-common", "egfr-uncommon", "egfr-exon20"])
        #expect(evaluation.caveats.contains { $0.contains("without the variant") })
    }

    @Test("out of scope for stage IIIA and M0; in scope by stage IV alone; blocked with no stage")
    func scope() throws {
        let tool = try LungTherapyTool()
        #expect(tool.id == .lungTherapy)
        let iiia = tool.evaluate(Self.facts(Self.only(.egfr, "L858R"), m: nil, stage: "IIIA"))
        #expect(iiia.status == .outOfScope)
        #expect(iiia.scopeNote?.contains("IIIA") == true)
        #expect(tool.evaluate(Self.facts(Self.only(.egfr, "L858R"), m: "M0")).status == .outOfScope)
        #expect(tool.evaluate(Self.facts(Self.only(.egfr, "L858R"), m: nil, stage: "IVA")).status == .complete)
        #expect(tool.evaluate(Self.facts(Self.only(.egfr, "L858R"), m: nil)).missing.map(\.fact) == ["m"])
        #expect(tool.evaluate(Self.facts(Self.only(.egfr, "L858R"), histology: .smallCell)).status == .outOfScope)
    }
}
