import Foundation
import OMOP

extension PersonSimulator {
    /// Breast cancer: receptors and grade, staging with size and nodes, surgery, chemotherapy,
    /// trastuzumab, radiotherapy, endocrine therapy, progression.
    func simulateBreast(_ diagnosis: Diagnosis, _ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        let model = self.model.breast
        let stage = diagnosis.stage, dx = diagnosis.date
        let grade = 1 + random.categorical(model.gradeMix)
        let erPositive = random.bernoulli(model.erPositiveByGrade[grade - 1])
        let prPositive = random.bernoulli(erPositive ? model.prPositiveIfER : model.prPositiveIfERNegative)
        let her2Positive = random.bernoulli(model.her2Positive)
        let ki67 = min(95, max(1, model.medianKi67ByGrade[grade - 1] * exp(random.normal(sd: model.ki67LogSD)))).rounded()
        let histology = random.categorical(model.histologyMix)
        let concept = [ConceptID.Cancer.infiltratingDuctCarcinomaOfBreast, ConceptID.Cancer.lobularCarcinomaOfBreast,
                       ConceptID.Cancer.malignantTumorOfBreast][histology]
        let source: (String, Int64) = [("8500/3-C50.9", 2_000_000_202), ("8520/3-C50.9", 2_000_000_203),
                                       ("8010/3-C50.9", 2_000_000_204)][histology]
        let modifier = ConceptID.Modifier.self
        let (t, n, m): (Int64, Int64, Int64)
        switch stage {
        case 1: (t, n, m) = (modifier.t1, modifier.n0, modifier.m0)
        case 2: (t, n, m) = random.bernoulli(0.5) ? (modifier.t2, modifier.n0, modifier.m0) : (modifier.t1, modifier.n1, modifier.m0)
        case 3:
            (t, n, m) = [(modifier.t3, modifier.n1, modifier.m0), (modifier.t2, modifier.n2, modifier.m0),
                         (modifier.t4, modifier.n1, modifier.m0), (modifier.t1, modifier.n3, modifier.m0)][random.integer(in: 0...3)]
        default:
            (t, n, m) = ([modifier.t1, modifier.t2, modifier.t3, modifier.t4][random.integer(in: 0...3)],
                         [modifier.n0, modifier.n1, modifier.n2][random.integer(in: 0...2)], modifier.m1)
        }
        let size: Int = switch t {
        case modifier.t1: random.integer(in: 5...20)
        case modifier.t2: random.integer(in: 21...50)
        case modifier.t3: random.integer(in: 51...90)
        default: random.integer(in: 20...80)
        }
        let nodes: Int = switch n {
        case modifier.n0: 0
        case modifier.n1: random.integer(in: 1...3)
        case modifier.n2: random.integer(in: 4...9)
        default: random.integer(in: 10...15)
        }
        let trastuzumab = her2Positive && random.bernoulli(model.trastuzumabUptake)
        let x = [diagnosis.ageCovariate, stage == 2 ? 1 : 0, stage == 3 ? 1 : 0, stage == 4 ? 1 : 0, grade == 3 ? 1 : 0,
                 erPositive ? 0 : 1, her2Positive ? 1 : 0, trastuzumab ? 1 : 0]
        settleFollowUp(&history, diagnosis: dx, deathDays: model.survival.deathDays(x, using: &random))

        // Work-up: biopsy, the diagnosis with stage, grade, receptors, Ki-67, size and nodes.
        history.addProcedure(ConceptID.Procedure.biopsyOfBreast, on: dx.adding(days: -random.integer(in: 3...14)))
        var modifiers = stagingModifiers(t: t, n: n, m: m, stage: stage) + [modifier.grades[grade - 1]]
        if m == modifier.m1 { modifiers.append(random.bernoulli(0.6) ? modifier.metastasisToBone : modifier.metastasisToLung) }
        let (condition, disease) = recordDiagnosis(&history, concept: concept, source: source, on: dx, modifiers: modifiers)
        let linked = PersonHistory.Target.condition(condition)
        let positive = ConceptID.Value.positive, negative = ConceptID.Value.negative
        history.addMeasurement(ConceptID.Marker.estrogenReceptor, on: dx, value: erPositive ? positive : negative, modifies: linked)
        history.addMeasurement(ConceptID.Marker.progesteroneReceptor, on: dx, value: prPositive ? positive : negative, modifies: linked)
        history.addMeasurement(ConceptID.Marker.her2, on: dx, value: her2Positive ? positive : negative, modifies: linked)
        history.addMeasurement(ConceptID.Marker.ki67, on: dx, number: ki67, unit: ConceptID.Unit.percent, modifies: linked)
        history.addMeasurement(ConceptID.Marker.tumorSize, on: dx, number: Double(size), unit: ConceptID.Unit.millimetre, modifies: linked)
        history.addMeasurement(ConceptID.Marker.lymphNodesPositive, on: dx, number: Double(nodes), modifies: linked)

        let progression = self.progression(diagnosis, history, &random)
        if let progression { recordProgression(&history, on: progression, disease: disease) }
        let drug = ConceptID.Drug.self, regimen = ConceptID.Regimen.self
        let firstStart = dx.adding(days: random.integer(in: 14...35))
        var afterTreatment = firstStart
        if stage == 4 {
            if trastuzumab {
                history.addRegimen(regimen.docetaxelTrastuzumabPertuzumab, name: "THP", line: 1, start: firstStart, stop: progression,
                                   disease: disease, .infusion([drug.docetaxel], every: 21, count: 6),
                                   .infusion([drug.trastuzumab, drug.pertuzumab], every: 21, count: 35))
            } else if erPositive {
                history.addRegimen(regimen.letrozole, name: "letrozole", line: 1, start: firstStart, stop: progression,
                                   disease: disease, .fills([drug.letrozoleTablet], days: 90, count: 40))
            } else {
                history.addRegimen(regimen.acT, name: "AC-T", line: 1, start: firstStart, stop: progression, disease: disease,
                                   .infusion([drug.doxorubicin, drug.cyclophosphamide], every: 21, count: 4),
                                   .infusion([drug.paclitaxel], every: 21, count: 4, after: 84))
            }
        } else {
            let lumpectomy = random.bernoulli(stage <= 2 ? model.lumpectomyShareEarly : model.lumpectomyShareStage3)
            let surgery = lumpectomy ? ConceptID.Procedure.lumpectomyOfBreast : ConceptID.Procedure.mastectomy
            let chemotherapy = (!erPositive && random.bernoulli(model.chemotherapyIfERNegative))
                || (erPositive && (grade == 3 || n != modifier.n0 || stage == 3) && random.bernoulli(model.chemotherapyIfHighRiskLuminal))
                || (her2Positive && random.bernoulli(0.8))
            if trastuzumab {
                // Neoadjuvant paclitaxel with a year of trastuzumab, then AC, then surgery: trastuzumab
                // starts within the landmark, so "received trastuzumab" is known at baseline.
                history.addRegimen(regimen.thAC, name: "TH-AC", line: 1, start: firstStart, disease: disease,
                                   .infusion([drug.paclitaxel], every: 21, count: 4),
                                   .infusion([drug.trastuzumab], every: 21, count: 17),
                                   .infusion([drug.doxorubicin, drug.cyclophosphamide], every: 21, count: 4, after: 84))
                afterTreatment = firstStart.adding(days: 168 + random.integer(in: 21...35))
                history.addProcedure(surgery, on: afterTreatment, inpatientDays: lumpectomy ? nil : 2)
            } else {
                let surgeryDate = dx.adding(days: random.integer(in: 21...45))
                history.addProcedure(surgery, on: surgeryDate, inpatientDays: lumpectomy ? nil : 2)
                afterTreatment = surgeryDate
                if chemotherapy {
                    let start = surgeryDate.adding(days: random.integer(in: 28...35))
                    history.addRegimen(regimen.acT, name: "AC-T", line: 1, start: start, disease: disease,
                                       .infusion([drug.doxorubicin, drug.cyclophosphamide], every: 21, count: 4),
                                       .infusion([drug.paclitaxel], every: 21, count: 4, after: 84))
                    afterTreatment = start.adding(days: 168)
                }
            }
            if random.bernoulli(lumpectomy ? 0.9 : (n == modifier.n0 ? 0 : 0.6)) {
                afterTreatment = afterTreatment.adding(days: random.integer(in: 21...42))
                history.addProcedure(ConceptID.Procedure.teleradiotherapy, on: afterTreatment)
            }
            if erPositive && random.bernoulli(model.endocrineUptake) {
                let (concept, name, ingredient) = diagnosis.ageYears < 50
                    ? (regimen.tamoxifen, "tamoxifen", drug.tamoxifen)
                    : random.bernoulli(0.5) ? (regimen.letrozole, "letrozole", drug.letrozoleTablet) : (regimen.anastrozole, "anastrozole", drug.anastrozole)
                history.addRegimen(concept, name: name, line: 1, start: afterTreatment.adding(days: random.integer(in: 14...42)),
                                   stop: progression, disease: disease, .fills([ingredient], days: 180, count: 10))
            }
        }
        if let progression {
            history.addRegimen(regimen.capecitabine, name: "capecitabine", line: 2,
                               start: progression.adding(days: random.integer(in: 14...35)), disease: disease,
                               .fills([drug.capecitabine], days: 14, count: 8, every: 21))
        }
    }
}
