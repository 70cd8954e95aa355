import DecisionSupport
import Testing

/// The CDS Hooks `order-select` check of a selected regimen against the driver (reference §4.2, §1.5).
@Suite("Lung order check")
struct LungOrderCheckTests {
    static let chemoImmunotherapy = [
        "Pembrolizumab 25 MG/ML Injectable Solution", "Carboplatin 10 MG/ML Injectable Solution", "pemetrexed 500 MG Injection",
    ]

    static func facts(_ biomarkers: [LungGene: String], pdl1: Double? = nil, m: String = "M1b") -> PatientFacts {
        var facts = PatientFacts()
        facts.cancer = .lung
        facts.m = TNMCategory(m, axis: .m)
        facts.lungBiomarkers = biomarkers
        facts.pdl1TPS = pdl1
        return facts
    }

    @Test("chemo-immunotherapy for EGFR L858R: a warning naming osimertinib")
    func egfrChemoImmunotherapy() throws {
        let check = try #require(try LungTherapyTool().check(orderedDrugs: Self.chemoImmunotherapy, facts: Self.facts([.egfr: "L858R"])))
        #expect(check.summary == "Actionable EGFR L858R: guideline-preferred first line is osimertinib, not chemo-immunotherapy")
        #expect(check.summary.count < 140)
        #expect(check.indicator == "warning")
        #expect(check.preferred == ["osimertinib"])
        #expect(check.conflict.driver == "EGFR L858R")
        #expect(check.conflict.orderedClass == "chemo-immunotherapy")
        #expect(check.conflict.orderedDrugs == ["pembrolizumab"])
        #expect(check.detail.contains("osimertinib") && check.detail.contains("pembrolizumab"))
        #expect(check.source.label.contains("ESMO"))
    }

    @Test("the same order for no driver with PD-L1 30 %: no conflict")
    func noDriver() throws {
        let facts = Self.facts(Dictionary(uniqueKeysWithValues: LungGene.allCases.map { ($0, "negative") }), pdl1: 30)
        #expect(try LungTherapyTool().check(orderedDrugs: Self.chemoImmunotherapy, facts: facts) == nil)
    }

    @Test("osimertinib for EGFR: no conflict")
    func osimertinib() throws {
        let tool = try LungTherapyTool()
        #expect(tool.check(orderedDrugs: ["Osimertinib 80 MG Oral Tablet"], facts: Self.facts([.egfr: "exon19-deletion"])) == nil)
        #expect(tool.check(orderedDrugs: ["osimertinib 80 MG", "Carboplatin", "Pemetrexed"], facts: Self.facts([.egfr: "L858R"])) == nil)
    }

    @Test("ALK fusion: chemo-immunotherapy and crizotinib warn, alectinib does not")
    func alk() throws {
        let tool = try LungTherapyTool()
        let facts = Self.facts([.alk: "fusion"])
        let immunotherapy = try #require(tool.check(orderedDrugs: ["KEYTRUDA 100 MG in 4 ML Injection"], facts: facts))
        #expect(immunotherapy.summary == "Actionable ALK fusion: guideline-preferred first line is alectinib, brigatinib or lorlatinib, not immunotherapy")
        #expect(immunotherapy.preferred == ["alectinib", "brigatinib", "lorlatinib"])
        let crizotinib = try #require(tool.check(orderedDrugs: ["Crizotinib 250 MG Oral Capsule"], facts: facts))
        #expect(crizotinib.conflict.orderedDrugs == ["crizotinib"])
        #expect(crizotinib.conflict.reasons.first?.contains("inferior") == true)
        #expect(crizotinib.summary.hasSuffix("not crizotinib"))
        #expect(tool.check(orderedDrugs: ["alectinib 150 MG Oral Capsule"], facts: facts) == nil)
        let both = try #require(tool.check(orderedDrugs: ["Pembrolizumab 25 MG/ML", "Crizotinib 250 MG"], facts: facts))
        #expect(both.conflict.orderedClass == "crizotinib or immunotherapy")
        #expect(both.conflict.orderedDrugs == ["crizotinib", "pembrolizumab"])
    }

    @Test("ingredients match as whole words only")
    func wholeWords() throws {
        let tool = try LungTherapyTool()
        #expect(tool.check(orderedDrugs: ["Xpembrolizumabine 5 MG"], facts: Self.facts([.egfr: "L858R"])) == nil)
        #expect(tool.check(orderedDrugs: ["NIVOLUMAB 10 MG/ML"], facts: Self.facts([.egfr: "L858R"]))?.conflict.orderedClass == "immunotherapy")
    }

    @Test("no check outside advanced NSCLC or without a driver that avoids the class")
    func noCheck() throws {
        let tool = try LungTherapyTool()
        #expect(tool.check(orderedDrugs: Self.chemoImmunotherapy, facts: Self.facts([.egfr: "L858R"], m: "M0")) == nil)
        #expect(tool.check(orderedDrugs: Self.chemoImmunotherapy, facts: Self.facts([.braf: "V600E"])) == nil)
        #expect(tool.check(orderedDrugs: Self.chemoImmunotherapy, facts: Self.facts([.kras: "G12C"], pdl1: 10)) == nil)
    }
}
