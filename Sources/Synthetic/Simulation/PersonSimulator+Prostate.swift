import Foundation
import OMOP

extension PersonSimulator {
    fileprivate enum ProstatePlan {
        case surveillance, watchfulWaiting, prostatectomy, radiotherapy
        /// ADT alone, with docetaxel, abiraterone, or enzalutamide.
        case metastatic(Int)
    }

    /// Prostate cancer: biopsy, grade, PSA, staging, treatment by risk, recurrence and PSA follow-up.
    func simulateProstate(_ diagnosis: Diagnosis, _ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        let model = self.model.prostate
        let stage = diagnosis.stage, dx = diagnosis.date
        let gradeGroup = 1 + random.categorical(model.gradeGroupByStage[stage - 1])
        let psaAtDiagnosis = model.medianPSAByStage[stage - 1] * exp(random.normal(sd: model.psaLogSD))
        let modifier = ConceptID.Modifier.self
        let (t, n, m): (Int64, Int64, Int64)
        switch stage {
        case 1: (t, n, m) = (random.bernoulli(0.7) ? modifier.t1 : modifier.t2, modifier.n0, modifier.m0)
        case 2: (t, n, m) = (random.bernoulli(0.85) ? modifier.t2 : modifier.t1, modifier.n0, modifier.m0)
        case 3: (t, n, m) = (random.bernoulli(0.8) ? modifier.t3 : modifier.t4, modifier.n0, modifier.m0)
        default:
            let metastatic = random.bernoulli(0.75)
            (t, n, m) = ([modifier.t2, modifier.t3, modifier.t4][random.categorical([0.3, 0.5, 0.2])],
                         metastatic && random.bernoulli(0.5) ? modifier.n0 : modifier.n1, metastatic ? modifier.m1 : modifier.m0)
        }
        let plan: ProstatePlan
        if stage == 4 {
            plan = .metastatic(random.categorical(model.metastaticFirstLine))
        } else if stage == 1 && gradeGroup == 1 && random.bernoulli(model.activeSurveillanceShare) {
            plan = .surveillance
        } else if random.bernoulli(model.radicalShareByStage[stage - 1]) {
            plan = random.bernoulli(model.prostatectomyShare) ? .prostatectomy : .radiotherapy
        } else {
            plan = .watchfulWaiting
        }
        var radical = 0.0
        if case .prostatectomy = plan { radical = 1 }
        if case .radiotherapy = plan { radical = 1 }
        let x = [diagnosis.ageCovariate, stage == 2 ? 1 : 0, stage == 3 ? 1 : 0, stage == 4 ? 1 : 0,
                 gradeGroup >= 4 ? 1 : 0, radical]
        settleFollowUp(&history, diagnosis: dx, deathDays: model.survival.deathDays(x, using: &random))

        // Work-up: PSA, biopsy with cores, the diagnosis with stage, Gleason and grade group.
        history.addMeasurement(ConceptID.Marker.psa, on: dx.adding(days: -random.integer(in: 20...40)),
                               number: psaAtDiagnosis.roundedTo(2), unit: ConceptID.Unit.nanogramPerMillilitre)
        let biopsyDate = dx.adding(days: -random.integer(in: 3...14))
        let biopsy = history.addProcedure(ConceptID.Procedure.biopsyOfProstate, on: biopsyDate)!
        let coresTaken = 12
        let coresPositive = min(coresTaken, max(1, Int(random.normal(mean: [2.0, 4, 7, 9][stage - 1], sd: 1.5).rounded())))
        history.addMeasurement(ConceptID.Marker.biopsyCoresTaken, on: biopsyDate, number: Double(coresTaken), modifies: .procedure(biopsy))
        history.addMeasurement(ConceptID.Marker.biopsyCoresPositive, on: biopsyDate, number: Double(coresPositive), modifies: .procedure(biopsy))
        var modifiers = stagingModifiers(t: t, n: n, m: m, stage: stage)
        if m == modifier.m1 { modifiers.append(modifier.metastasisToBone) }
        let (condition, disease) = recordDiagnosis(
            &history, concept: ConceptID.Cancer.primaryMalignantNeoplasmOfProstate,
            source: ("8140/3-C61.9", 2_000_000_201), on: dx, modifiers: modifiers)
        let gleason = [6.0, 7, 7, 8, random.bernoulli(0.7) ? 9 : 10][gradeGroup - 1]
        history.addMeasurement(ConceptID.Marker.gleasonScore, on: dx, number: gleason, modifies: .condition(condition))
        history.addMeasurement(ConceptID.Marker.isupGradeGroup, on: dx, number: Double(gradeGroup), modifies: .condition(condition))
        history.addProcedure(ConceptID.Procedure.ctOfChestAndAbdomen, on: dx.adding(days: random.integer(in: 0...14)))

        // First-line treatment, all started within the 90-day landmark; then recurrence or castration resistance.
        let progression = plan.isSurveillanceOrWatching ? nil : self.progression(diagnosis, history, &random)
        if let progression { recordProgression(&history, on: progression, disease: disease) }
        let adt = random.bernoulli(0.6) ? ConceptID.Drug.leuprolide : ConceptID.Drug.goserelin
        var hadDocetaxel = false
        switch plan {
        case .surveillance, .watchfulWaiting:
            break
        case .prostatectomy:
            history.addProcedure(ConceptID.Procedure.radicalProstatectomy, on: dx.adding(days: random.integer(in: 30...80)), inpatientDays: 3)
        case .radiotherapy:
            let start = dx.adding(days: random.integer(in: 40...85))
            history.addProcedure(ConceptID.Procedure.intensityModulatedRadiationTherapy, on: start)
            if gradeGroup >= 3 || stage == 3 {
                history.addRegimen(ConceptID.Regimen.androgenDeprivation, name: "ADT", line: 1,
                                   start: start.adding(days: -random.integer(in: 0...30)), disease: disease,
                                   .fills([adt], days: 91, count: stage == 3 ? 8 : 2))
            }
        case .metastatic(let choice):
            let start = dx.adding(days: random.integer(in: 14...45))
            let hormone = Schedule.fills([adt], days: 91, count: 40)
            switch choice {
            case 1:
                hadDocetaxel = true
                history.addRegimen(ConceptID.Regimen.adtDocetaxel, name: "ADT + docetaxel", line: 1, start: start,
                                   stop: progression, disease: disease, hormone, .infusion([ConceptID.Drug.docetaxel], every: 21, count: 6))
            case 2:
                history.addRegimen(ConceptID.Regimen.adtAbiraterone, name: "ADT + abiraterone", line: 1, start: start,
                                   stop: progression, disease: disease, hormone, .fills([ConceptID.Drug.abiraterone], days: 91, count: 40))
            case 3:
                history.addRegimen(ConceptID.Regimen.adtEnzalutamide, name: "ADT + enzalutamide", line: 1, start: start,
                                   stop: progression, disease: disease, hormone, .fills([ConceptID.Drug.enzalutamide], days: 91, count: 40))
            default:
                history.addRegimen(ConceptID.Regimen.androgenDeprivation, name: "ADT", line: 1, start: start,
                                   stop: progression, disease: disease, hormone)
            }
        }
        if let progression {
            let start = progression.adding(days: random.integer(in: 14...42))
            if stage == 4 && !hadDocetaxel {
                history.addRegimen(ConceptID.Regimen.docetaxel, name: "docetaxel", line: 2, start: start, disease: disease,
                                   .infusion([ConceptID.Drug.docetaxel], every: 21, count: 6))
            } else if stage == 4 {
                history.addRegimen(ConceptID.Regimen.adtEnzalutamide, name: "ADT + enzalutamide", line: 2, start: start,
                                   disease: disease, .fills([adt, ConceptID.Drug.enzalutamide], days: 91, count: 12))
            } else {
                history.addRegimen(ConceptID.Regimen.androgenDeprivation, name: "salvage ADT", line: 2, start: start,
                                   disease: disease, .fills([adt], days: 91, count: 8))
            }
        }
        recordPSAFollowUp(&history, &random, from: dx, initial: psaAtDiagnosis, plan: plan, progression: progression)
    }

    /// PSA every six months or so: rising slowly without treatment, undetectable after prostatectomy, low
    /// after radiotherapy or ADT, then doubling after recurrence or castration resistance.
    private func recordPSAFollowUp(_ history: inout PersonHistory, _ random: inout SyntheticRandom, from dx: CDMDate,
                                   initial: Double, plan: ProstatePlan, progression: CDMDate?) {
        var day = 90
        for _ in 0..<20 {
            day += random.integer(in: 150...210)
            let date = dx.adding(days: day)
            guard history.isObserved(date) else { return }
            let years = Double(day) / 365.25
            var level: Double
            switch plan {
            case .surveillance: level = initial * pow(2, years / 5)
            case .watchfulWaiting: level = initial * pow(2, years / 3)
            case .prostatectomy: level = 0.03
            case .radiotherapy: level = max(0.1, initial * 0.1)
            case .metastatic: level = max(0.2, initial * 0.02)
            }
            if let progression, date > progression {
                let doublingDays = plan.isMetastatic ? 120.0 : 240
                level = max(level, 0.25) * pow(2, Double(progression.days(to: date)) / doublingDays)
            }
            level *= exp(random.normal(sd: 0.1))
            history.addMeasurement(ConceptID.Marker.psa, on: date, number: max(0.01, min(level, 5000)).roundedTo(2),
                                   unit: ConceptID.Unit.nanogramPerMillilitre)
        }
    }
}

private extension PersonSimulator.ProstatePlan {
    var isSurveillanceOrWatching: Bool {
        switch self {
        case .surveillance, .watchfulWaiting: true
        default: false
        }
    }

    var isMetastatic: Bool {
        if case .metastatic = self { return true }
        return false
    }
}
