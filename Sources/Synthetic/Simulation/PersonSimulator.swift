import Foundation
import OMOP

/// Simulates one person at a time from the population model. A person's draws come from their own
/// random stream (seed, person index), so a person is the same whichever site, pass or order asks.
struct PersonSimulator: Sendable {
    let model: PopulationModel
    let seed: UInt64
    let cancerFraction: Double
    let site: SiteProfile

    /// The person's life as the hospital saw it.
    func simulate(_ index: Int, into history: inout PersonHistory) {
        history.reset(personIndex: index)
        var random = SyntheticRandom(seed: seed, stream: UInt64(index))
        history.race = [ConceptID.Race.white, ConceptID.Race.black, ConceptID.Race.asian, ConceptID.noMatchingConcept][
            random.categorical(model.background.raceMix)]
        history.ethnicity = [ConceptID.Ethnicity.hispanic, ConceptID.Ethnicity.notHispanic, ConceptID.noMatchingConcept][
            random.categorical(model.background.ethnicityMix)]
        var cancer: CancerType?
        if random.bernoulli(min(1, cancerFraction * site.cancerFactor)) {
            let type = CancerType.allCases[random.categorical(model.cancerMix)]
            simulateCancer(type, &history, &random)
            cancer = type
            history.cancer = type
        } else {
            simulateBackground(&history, &random)
        }
        addComorbidities(&history, &random, lungCancer: cancer == .lung)
        addRoutineCare(&history, &random)
    }

    /// A person without cancer: birth, an observation period, and death from the Gompertz background hazard.
    private func simulateBackground(_ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        let background = model.background
        history.gender = random.bernoulli(0.5) ? ConceptID.Gender.male : ConceptID.Gender.female
        let year = random.integer(in: background.birthYears.lowerBound...background.birthYears.upperBound)
        history.birth = CDMDate(year: year, month: 1, day: 1)!.adding(days: random.integer(in: 0...364))
        let adult = history.birth.adding(days: 18 * 365 + 5)
        let earliest = max(CDMDate(year: 2005, month: 1, day: 1)!, adult)
        let latest = model.cutoff.adding(days: -365)
        let start = earliest < latest
            ? earliest.adding(days: random.integer(in: 0...earliest.days(to: latest))) : latest
        let years = max(0.5, random.exponential(rate: 1.0 / 8))
        var end = min(start.adding(days: Int(years * 365.25)), model.cutoff)
        // Death: solve the Gompertz cumulative hazard from the age at entry for an Exp(1) draw.
        let b = background.gompertzSlope
        let ageAtStart = Double(history.birth.days(to: start)) / 365.25
        let deathAge = log(exp(b * ageAtStart) + random.exponential(rate: 1) * b / exp(background.gompertzIntercept)) / b
        let death = history.birth.adding(days: Int(deathAge * 365.25))
        if death <= end {
            end = max(death, start)
            history.death = end
        }
        history.observationStart = start
        history.observationEnd = end
    }

    /// Chronic conditions, more frequent with age, each diagnosed at a visit within observation.
    private func addComorbidities(_ history: inout PersonHistory, _ random: inout SyntheticRandom, lungCancer: Bool) {
        let middle = history.observationStart.adding(days: history.observationStart.days(to: history.observationEnd) / 2)
        let age = Double(history.birth.days(to: middle)) / 365.25
        let span = history.observationStart.days(to: history.observationEnd)
        for comorbidity in model.background.comorbidities {
            var p = comorbidity.prevalenceAt60 * pow(2, (age - 60) / comorbidity.doublingYears)
            if lungCancer { p *= comorbidity.lungCancerFactor }
            guard random.bernoulli(min(p, 0.9)) else { continue }
            let date = history.observationStart.adding(days: random.integer(in: 0...span))
            let visit = history.addVisit(ConceptID.Visit.outpatient, on: date)
            history.addCondition(comorbidity.concept, on: date, visit: visit)
        }
    }

    /// Routine outpatient visits (a Poisson process) with weight, BMI and blood tests at some of them.
    private func addRoutineCare(_ history: inout PersonHistory, _ random: inout SyntheticRandom) {
        let background = model.background
        let male = history.gender == ConceptID.Gender.male
        let height = random.normal(mean: male ? 1.76 : 1.63, sd: 0.07)
        let usualBMI = min(max(random.normal(mean: 27, sd: 4.5), 16), 50)
        var day = Double(history.observationStart.daysSinceEpoch)
        for _ in 0..<80 {
            day += random.exponential(rate: background.visitsPerYear / 365.25)
            let date = CDMDate(daysSinceEpoch: Int(day))
            guard let visit = history.addVisit(ConceptID.Visit.outpatient, on: date) else { break }
            if random.bernoulli(background.vitalsShare) {
                let bmi = (usualBMI + random.normal(sd: 0.8)).roundedTo(1)
                history.addMeasurement(ConceptID.Vital.bodyMassIndex, on: date, number: bmi,
                                       unit: ConceptID.Unit.kilogramPerSquareMetre, visit: visit)
                history.addMeasurement(ConceptID.Vital.bodyWeight, on: date, number: (bmi * height * height).roundedTo(1),
                                       unit: ConceptID.Unit.kilogram, visit: visit)
            }
            if random.bernoulli(background.labShare) {
                history.addMeasurement(ConceptID.Vital.creatinine, on: date,
                                       number: max(0.3, random.normal(mean: male ? 0.95 : 0.78, sd: 0.2)).roundedTo(2),
                                       unit: ConceptID.Unit.milligramPerDecilitre, visit: visit)
                history.addMeasurement(ConceptID.Vital.hemoglobin, on: date,
                                       number: random.normal(mean: male ? 14.8 : 13.2, sd: 1.2).roundedTo(1),
                                       unit: ConceptID.Unit.gramPerDecilitre, visit: visit)
            }
        }
    }
}

extension Double {
    /// Rounded to a number of decimals, as a lab reports it.
    func roundedTo(_ decimals: Int) -> Double {
        let factor = pow(10, Double(decimals))
        return (self * factor).rounded() / factor
    }
}
