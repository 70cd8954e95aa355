import Foundation
import OMOP

extension PersonSimulator {
    /// Lung cancer: histology and site, staging, driver mutations and PD-L1 for NSCLC, surgery,
    /// chemoradiation, targeted therapy and immunotherapy by biomarker, progression.
    func simulateLung(date dx: CDMDate, ageCovariate: Double, _ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        let model = self.model.lung
        let histology = random.categorical(model.histologyMix)  // adeno, squamous, large cell, small cell
        let smallCell = histology == 3
        let stage = drawStage(smallCell ? model.smallCellStageMix : self.model.stageMix[.lung]!, &random)
        let diagnosis = Diagnosis(date: dx, stage: stage, ageCovariate: ageCovariate)
        let upper = random.bernoulli(model.upperLobeShare)
        let concept = [ConceptID.Cancer.adenocarcinomaOfLung, ConceptID.Cancer.squamousCellCarcinomaOfLung,
                       ConceptID.Cancer.largeCellCarcinomaOfLung, ConceptID.Cancer.smallCellCarcinomaOfLung][histology]
        let sources: [(String, Int64)] = upper
            ? [("8140/3-C34.1", 44_499_882), ("8070/3-C34.1", 44_500_984), ("8012/3-C34.1", 2_000_000_207), ("8041/3-C34.1", 44_502_427)]
            : [("8140/3-C34.3", 44_501_404), ("8070/3-C34.3", 2_000_000_205), ("8012/3-C34.3", 2_000_000_208), ("8041/3-C34.3", 2_000_000_206)]
        let modifier = ConceptID.Modifier.self
        let (t, n, m): (Int64, Int64, Int64)
        switch stage {
        case 1: (t, n, m) = (random.bernoulli(0.6) ? modifier.t1 : modifier.t2, modifier.n0, modifier.m0)
        case 2: (t, n, m) = random.bernoulli(0.5) ? (modifier.t2, modifier.n1, modifier.m0) : (modifier.t3, modifier.n0, modifier.m0)
        case 3: (t, n, m) = [(modifier.t3, modifier.n2, modifier.m0), (modifier.t4, modifier.n2, modifier.m0),
                             (modifier.t2, modifier.n3, modifier.m0)][random.integer(in: 0...2)]
        default: (t, n, m) = ([modifier.t1, modifier.t2, modifier.t3, modifier.t4][random.integer(in: 0...3)],
                              [modifier.n0, modifier.n1, modifier.n2, modifier.n3][random.integer(in: 0...3)], modifier.m1)
        }
        // Drivers are mutually exclusive: EGFR, ALK, ROS1, BRAF, KRAS, or none (index 5).
        let tested = !smallCell && (histology != 1 || random.bernoulli(model.squamousTestedShare))
        let weights = histology == 1 ? model.driversSquamous : model.driversNonSquamous
        let driver = tested ? random.categorical(weights + [1 - weights.reduce(0, +)]) : 5
        let pdl1: Double? = !smallCell && random.bernoulli(0.9)
            ? [0, Double(random.integer(in: 1...49)), Double(random.integer(in: 50...100))][random.categorical(model.pdl1Bands)] : nil

        // First-line plan, decided at diagnosis; every first line starts within the 90-day landmark.
        enum Plan { case surgery(Int64, adjuvant: Bool), stereotactic, chemoradiation(durvalumab: Bool), carboplatinPaclitaxel,
                    targeted(Int), pembrolizumab, chemoImmunotherapy, chemotherapy, smallCell }
        let plan: Plan
        if smallCell {
            plan = .smallCell
        } else if stage <= 2 {
            let choice = random.categorical([0.75, 0.10, 0.15])
            let adjuvant = stage == 2 && random.bernoulli(0.5)
            plan = choice == 0 ? .surgery(ConceptID.Procedure.lobectomyOfLung, adjuvant: adjuvant)
                : choice == 1 ? .surgery(ConceptID.Procedure.wedgeExcisionOfLung, adjuvant: adjuvant) : .stereotactic
        } else if stage == 3 {
            let u = random.uniform()
            plan = u < 0.7 ? .chemoradiation(durvalumab: random.bernoulli(model.durvalumabAfterChemoradiation))
                : u < 0.9 ? .surgery(ConceptID.Procedure.lobectomyOfLung, adjuvant: true) : .carboplatinPaclitaxel
        } else if driver < 4 && random.bernoulli(model.targetedUptake) {
            plan = .targeted(driver)
        } else if let pdl1, pdl1 >= 50, random.bernoulli(model.pembrolizumabMonotherapyIfHigh) {
            plan = .pembrolizumab
        } else if histology != 1 && random.bernoulli(model.chemoImmunotherapyShare) {
            plan = .chemoImmunotherapy
        } else {
            plan = histology == 1 ? .carboplatinPaclitaxel : .chemotherapy
        }
        var targeted = 0.0, pembrolizumab = 0.0
        if case .targeted = plan { targeted = 1 }
        if case .pembrolizumab = plan { pembrolizumab = 1 }
        if case .chemoImmunotherapy = plan { pembrolizumab = 1 }
        let male = history.gender == ConceptID.Gender.male
        let x = [ageCovariate, male ? 1 : 0, stage == 2 ? 1 : 0, stage == 3 ? 1 : 0, stage == 4 ? 1 : 0,
                 smallCell ? 1 : 0, targeted, pembrolizumab]
        settleFollowUp(&history, diagnosis: dx, deathDays: model.survival.deathDays(x, using: &random))

        // Work-up: imaging, biopsy, the diagnosis with its stage, drivers and PD-L1.
        history.addProcedure(ConceptID.Procedure.ctOfChestAndAbdomen, on: dx.adding(days: -random.integer(in: 15...30)))
        history.addProcedure(ConceptID.Procedure.biopsyOfLung, on: dx.adding(days: -random.integer(in: 3...14)))
        var modifiers = stagingModifiers(t: t, n: n, m: m, stage: stage)
        if m == modifier.m1 {
            modifiers.append([modifier.metastasisToBone, modifier.metastasisToAdrenalGland, modifier.metastasisToLung][random.categorical([0.4, 0.3, 0.3])])
        }
        let (condition, disease) = recordDiagnosis(&history, concept: concept, source: sources[histology], on: dx, modifiers: modifiers)
        let linked = PersonHistory.Target.condition(condition)
        if tested {
            let genes = [ConceptID.Marker.egfr, ConceptID.Marker.alk, ConceptID.Marker.ros1, ConceptID.Marker.braf, ConceptID.Marker.kras]
            for (index, gene) in genes.enumerated() {
                history.addMeasurement(gene, on: dx, value: index == driver ? ConceptID.Value.detected : ConceptID.Value.notDetected,
                                       modifies: linked)
            }
        }
        if let pdl1 {
            history.addMeasurement(ConceptID.Marker.pdl1TumorProportionScore, on: dx, number: pdl1, unit: ConceptID.Unit.percent, modifies: linked)
        }

        let progression = self.progression(diagnosis, history, &random)
        if let progression { recordProgression(&history, on: progression, disease: disease) }
        let drug = ConceptID.Drug.self, regimen = ConceptID.Regimen.self
        let start = dx.adding(days: random.integer(in: 14...45))
        switch plan {
        case .smallCell:
            history.addRegimen(regimen.cisplatinEtoposide, name: "cisplatin + etoposide", line: 1, start: start, disease: disease,
                               .infusion([drug.cisplatin, drug.etoposide], every: 21, count: 4))
            if stage <= 3 { history.addProcedure(ConceptID.Procedure.chemoradiation, on: start) }
        case .surgery(let procedure, let adjuvant):
            let surgery = dx.adding(days: random.integer(in: 21...60))
            history.addProcedure(procedure, on: surgery, inpatientDays: random.integer(in: 3...7))
            if adjuvant {
                history.addRegimen(regimen.cisplatinVinorelbine, name: "cisplatin + vinorelbine", line: 1,
                                   start: surgery.adding(days: random.integer(in: 28...42)), disease: disease,
                                   .infusion([drug.cisplatin, drug.vinorelbine], every: 21, count: 4))
            }
        case .stereotactic:
            history.addProcedure(ConceptID.Procedure.teleradiotherapy, on: start)
        case .chemoradiation(let durvalumab):
            history.addProcedure(ConceptID.Procedure.chemoradiation, on: start)
            history.addRegimen(regimen.cisplatinEtoposide, name: "cisplatin + etoposide", line: 1, start: start, disease: disease,
                               .infusion([drug.cisplatin, drug.etoposide], every: 21, count: 4))
            if durvalumab {
                history.addRegimen(regimen.durvalumab, name: "durvalumab", line: 1, start: start.adding(days: 84 + random.integer(in: 21...42)),
                                   stop: progression, disease: disease, .infusion([drug.durvalumab], every: 28, count: 12))
            }
        case .carboplatinPaclitaxel:
            history.addRegimen(regimen.carboplatinPaclitaxel, name: "carboplatin + paclitaxel", line: 1, start: start, disease: disease,
                               .infusion([drug.carboplatin, drug.paclitaxel], every: 21, count: 4))
        case .chemotherapy:
            history.addRegimen(regimen.carboplatinPemetrexed, name: "carboplatin + pemetrexed", line: 1, start: start, disease: disease,
                               .infusion([drug.carboplatin, drug.pemetrexed], every: 21, count: 4))
        case .chemoImmunotherapy:
            history.addRegimen(regimen.carboplatinPemetrexedPembrolizumab, name: "carboplatin + pemetrexed + pembrolizumab", line: 1,
                               start: start, stop: progression, disease: disease,
                               .infusion([drug.carboplatin, drug.pemetrexed], every: 21, count: 4),
                               .infusion([drug.pembrolizumab], every: 42, count: 17))
        case .pembrolizumab:
            history.addRegimen(regimen.pembrolizumab, name: "pembrolizumab", line: 1, start: start, stop: progression, disease: disease,
                               .infusion([drug.pembrolizumab], every: 42, count: 17))
        case .targeted(let gene):
            let (concept, name, drugs) = [(regimen.osimertinib, "osimertinib", [drug.osimertinib]),
                                          (regimen.alectinib, "alectinib", [drug.alectinib]),
                                          (regimen.crizotinib, "crizotinib", [drug.crizotinib]),
                                          (regimen.dabrafenibTrametinib, "dabrafenib + trametinib", [drug.dabrafenib, drug.trametinib])][gene]
            history.addRegimen(concept, name: name, line: 1, start: start, stop: progression, disease: disease,
                               .fills(drugs, days: 90, count: 20))
        }
        if let progression {
            history.addRegimen(regimen.docetaxel, name: "docetaxel", line: 2, start: progression.adding(days: random.integer(in: 14...35)),
                               disease: disease, .infusion([drug.docetaxel], every: 21, count: 4))
        }
    }
}
