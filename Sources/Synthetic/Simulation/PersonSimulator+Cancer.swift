import Foundation
import OMOP

/// What every cancer course shares: who, when, stage, follow-up, the diagnosis with its modifiers and
/// the disease episode, and progression.
extension PersonSimulator {
    /// A diagnosis as the course functions see it.
    struct Diagnosis {
        let date: CDMDate
        let stage: Int
        /// (age at diagnosis − 65) / 10: the age covariate of every survival model.
        let ageCovariate: Double
        var ageYears: Double { 65 + 10 * ageCovariate }
    }

    /// A cancer patient: demographics, diagnosis date and stage, then the cancer's own course.
    func simulateCancer(_ cancer: CancerType, _ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        history.gender = random.bernoulli(model.maleFraction[cancer, default: 0.5]) ? ConceptID.Gender.male : ConceptID.Gender.female
        let ages = model.diagnosisAge[cancer]!
        var age = random.normal(mean: ages.mean, sd: ages.sd)
        while !(Double(ages.range.lowerBound)...Double(ages.range.upperBound)).contains(age) {
            age = random.normal(mean: ages.mean, sd: ages.sd)
        }
        let date = model.firstDiagnosis.adding(days: random.integer(in: 0...model.firstDiagnosis.days(to: model.lastDiagnosis)))
        history.birth = date.adding(days: -Int(age * 365.25))
        history.observationStart = date.adding(days: -random.integer(in: 365...(6 * 365)))
        let lostAfter = random.exponential(rate: 1 / (model.meanYearsToLossOfFollowUp * 365.25))
        history.observationEnd = min(model.cutoff, date.adding(days: Int(lostAfter)))
        let ageCovariate = (Double(history.birth.days(to: date)) / 365.25 - 65) / 10
        switch cancer {
        case .prostate:
            let stage = drawStage(model.stageMix[.prostate]!, &random)
            simulateProstate(Diagnosis(date: date, stage: stage, ageCovariate: ageCovariate), &history, &random)
        case .breast:
            let stage = drawStage(model.stageMix[.breast]!, &random)
            simulateBreast(Diagnosis(date: date, stage: stage, ageCovariate: ageCovariate), &history, &random)
        case .lung:
            simulateLung(date: date, ageCovariate: ageCovariate, &history, &random)
        }
    }

    /// A stage 1–4, with the site's referral shift towards stages III and IV.
    func drawStage(_ mix: [Double], _ random: inout SyntheticRandom) -> Int {
        var weights = mix
        weights[2] *= site.advancedStageFactor
        weights[3] *= site.advancedStageFactor
        return 1 + random.categorical(weights)
    }

    /// Ends follow-up at death when the model's death falls before the end of observation.
    func settleFollowUp(_ history: inout PersonHistory, diagnosis: CDMDate, deathDays: Int) {
        let death = diagnosis.adding(days: deathDays)
        if death <= history.observationEnd {
            history.death = death
            history.observationEnd = death
        }
    }

    /// The primary diagnosis, its cancer modifiers (linked through `measurement_event_id`) and its
    /// "Disease First Occurrence" episode. Returns the condition and the episode positions.
    func recordDiagnosis(_ history: inout PersonHistory, concept: Int64, source: (code: String, concept: Int64),
                         on date: CDMDate, modifiers: [Int64]) -> (condition: Int, disease: Int) {
        let visit = history.addVisit(ConceptID.Visit.outpatient, on: date)
        let condition = history.addCondition(concept, on: date, source: source, visit: visit)!
        history.primaryDiagnosis = condition
        for modifier in modifiers {
            history.addMeasurement(modifier, on: date, visit: visit, modifies: .condition(condition))
        }
        history.episodes.append(PersonHistory.Episode(
            concept: ConceptID.Episode.diseaseFirstOccurrence, start: date, end: nil, parent: nil, number: nil,
            object: concept, sourceValue: source.code))
        let disease = history.episodes.count - 1
        history.episodeEvents.append(PersonHistory.EpisodeEvent(episode: disease, event: .condition(condition)))
        return (condition, disease)
    }

    /// The TNM and stage modifiers of a diagnosis.
    func stagingModifiers(t: Int64, n: Int64, m: Int64, stage: Int) -> [Int64] {
        [t, n, m, ConceptID.Modifier.stages[stage - 1]]
    }

    /// The date of progression, if any: for those who die, a point between diagnosis and death; for the
    /// others, a chance by stage within follow-up. Nil when it falls outside observation.
    func progression(_ diagnosis: Diagnosis, _ history: PersonHistory, _ random: inout SyntheticRandom) -> CDMDate? {
        let index = diagnosis.stage - 1
        let followUp = diagnosis.date.days(to: history.observationEnd)
        guard followUp > 120 else { return nil }
        let day: Int
        if history.death != nil {
            guard random.bernoulli(model.progressionIfDied[index]) else { return nil }
            day = max(91, Int(Double(followUp) * (0.4 + 0.45 * random.uniform())))
        } else {
            guard random.bernoulli(model.progressionIfAlive[index]) else { return nil }
            day = random.integer(in: 120...followUp)
        }
        let date = diagnosis.date.adding(days: day)
        return history.isObserved(date) ? date : nil
    }

    /// A "Disease Progression" episode under the disease episode.
    func recordProgression(_ history: inout PersonHistory, on date: CDMDate, disease: Int) {
        let first = history.episodes[disease]
        history.episodes.append(PersonHistory.Episode(
            concept: ConceptID.Episode.diseaseProgression, start: date, end: nil, parent: disease, number: nil,
            object: first.object, sourceValue: "progression"))
    }
}
