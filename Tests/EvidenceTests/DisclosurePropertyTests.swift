import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Governance
import Synthetic
import Testing

/// The acceptance criterion of issue 6: no analysis returns a count between 1 and the minimum cell count, and
/// no group whose total is published has exactly one hidden cell (unless the hidden cell is empty), over small
/// random populations, every analysis, and a researcher asking for a minimum of 1 under the site's.
@Suite struct DisclosurePropertyTests {
    struct Population: Sendable, CustomStringConvertible {
        let persons: Int
        let seed: UInt64
        /// The site's minimum; nil leaves the default.
        let siteMinimum: Int?
        var minimum: Int { siteMinimum ?? SmallCellCount.defaultMinimum }
        var description: String { "\(persons) persons, seed \(seed), site minimum \(minimum)" }
    }

    static let populations = [Population(persons: 40, seed: 3, siteMinimum: nil), Population(persons: 150, seed: 8, siteMinimum: nil),
                              Population(persons: 400, seed: 21, siteMinimum: nil), Population(persons: 250, seed: 5, siteMinimum: 10)]

    /// Keys whose values are counts of persons or records (a name under one, such as a pathway's events, is skipped).
    static let countKeys: Set<String> = ["total", "count", "persons", "records", "periods", "subjects", "events", "total_events", "at_risk",
                                         "at_risk_table", "n", "missing_covariates", "prior_outcome", "no_time_at_risk",
                                         "target_persons", "comparator_persons", "persons_with_pathway", "other_paths"]

    @Test(arguments: TestDatabases.backends, populations)
    func noSmallCountLeavesAnyAnalysis(_ backend: TestDatabases.Backend, _ population: Population) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let generation = GenerationSettings(persons: population.persons, seed: population.seed, cancerFraction: 1)
            _ = try await db.generatePopulation(generation, site: .single, persons: 0..<generation.persons)
            if let site = population.siteMinimum { try await db.setSiteMinimumCellCount(site) }
            for (file, id) in [("breast-cancer", 1), ("lung-cancer", 2), ("breast-chemotherapy", 11), ("endocrine-therapy", 12), ("anti-her2-therapy", 13)] {
                let url = EvidenceFixture.repository.appendingPathComponent("examples/cohorts/\(file).json")
                _ = try await db.generateCohort(try CohortExpression.parse(try Data(contentsOf: url)), cohortID: Int64(id))
            }
            let minimum = population.minimum
            var documents: [(String, any Encodable)] = []

            let summary = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: 1))
            documents.append(("summary", summary))
            Self.checkSummary(summary, population)

            let targets = try await db.query("SELECT cohort_definition_id AS id FROM cohort GROUP BY cohort_definition_id").compactMap { $0["id"].integerValue }
            if targets.contains(1) {
                let stages = try Feature(EvidenceFixture.stages)
                let table1 = try await db.characterization(CharacterizationSettings(target: 1, comparator: targets.contains(2) ? 2 : nil, minimumCount: 1))
                documents.append(("characterization", table1))
                for (title, cells) in Dictionary(grouping: table1.rows.filter { $0.domain == "demographics" && $0.covariate != "age" },
                                                 by: { $0.covariate.components(separatedBy: " ").dropLast().joined(separator: " ") }) {
                    Self.checkGroup(cells.map(\.target.persons), total: table1.targetPersons, "Table 1 \(title), \(population)")
                }
                let incidence = try await db.incidenceAnalysis(IncidenceSettings(target: 1, outcome: .death, strata: [.ageGroup, .sex, .indexYear, stages],
                                                                                  minimumCount: 1))
                documents.append(("incidence", incidence))
                for (feature, rows) in Dictionary(grouping: incidence.rows.dropFirst(), by: \.feature) {
                    Self.checkGroup(rows.map(\.persons), total: incidence.rows[0].persons, "incidence \(feature) persons, \(population)")
                    Self.checkGroup(rows.map(\.events), total: incidence.rows[0].events, "incidence \(feature) events, \(population)")
                }
                for strata in [stages, .ageGroup] {
                    let survival = try await db.survivalAnalysis(SurvivalSettings(target: 1, strata: strata, minimumCount: 1))
                    documents.append(("survival", survival))
                    Self.checkSurvival(survival, population)
                }
                do {
                    documents.append(("cox", try await db.survivalAnalysis(SurvivalSettings(target: 1, covariates: [.age], minimumCount: 1))))
                } catch let error as EvidenceError {
                    #expect(error.reason.contains("disclosure rule"), "\(error)")
                }
                let events = [11, 12, 13].filter { targets.contains(Int64($0)) }.map { PathwayEvent(cohort: Int64($0)) }
                if !events.isEmpty {
                    let pathways = try await db.pathwayAnalysis(PathwaySettings(target: 1, events: events, minimumCount: 1))
                    documents.append(("pathways", pathways))
                    Self.checkGroup(pathways.paths.map(\.persons) + [pathways.otherPaths], total: pathways.personsWithPathway, "pathways, \(population)")
                }
            }
            #expect(documents.count >= (population.persons >= 150 ? 5 : 1), "too few analyses ran on \(population)")
            for (name, document) in documents {
                let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(document))
                for problem in Self.smallCounts(in: json, minimum: minimum, path: name) { Issue.record("\(problem), \(population)") }
            }
        }
    }

    /// Every count under a count key that is a number below the minimum, or a marker of another minimum.
    static func smallCounts(in value: Any, minimum: Int, path: String, counting: Bool = false) -> [String] {
        switch value {
        case let object as [String: Any]:
            return object.flatMap { key, child in smallCounts(in: child, minimum: minimum, path: "\(path).\(key)", counting: countKeys.contains(key)) }
        case let array as [Any]:
            return array.enumerated().flatMap { smallCounts(in: $1, minimum: minimum, path: "\(path)[\($0)]", counting: counting) }
        case let number as NSNumber where counting:
            return number.intValue >= minimum ? [] : ["\(path) = \(number)"]
        case let text as String where counting && text.hasPrefix("<"):
            return text == "<\(minimum)" ? [] : ["\(path) = \(text)"]
        default:
            return []
        }
    }

    /// A group of cells adding up to `total`: when the total is shown, never exactly one hidden cell, unless
    /// subtraction gives 0 (an empty cell singles out no one).
    static func checkGroup(_ cells: [SmallCellCount], total: SmallCellCount, _ what: String) {
        guard let total = total.value, cells.count(where: \.isSuppressed) == 1 else { return }
        let derived = total - cells.compactMap(\.value).reduce(0, +)
        #expect(derived == 0, "\(what): one hidden cell, derived as \(derived)")
    }

    static func checkSummary(_ summary: DataSourceSummary, _ population: Population) {
        let persons = summary.persons
        for (name, cells) in [("by sex", persons.bySex), ("by age group", persons.byAgeGroup), ("by birth decade", persons.byBirthDecade)] {
            checkGroup(cells.map(\.count), total: persons.total, "summary persons \(name), \(population)")
        }
        checkGroup(summary.observation.byStartYear.map(\.count), total: summary.observation.persons, "summary start years, \(population)")
        for domain in summary.domains { checkGroup(domain.recordsByYear.map(\.count), total: domain.records, "\(domain.table) by year, \(population)") }
        for age in persons.byAgeGroup {
            checkGroup(persons.pyramid.filter { $0.ageGroup == age.label }.map(\.persons), total: age.count, "pyramid \(age.label), \(population)")
        }
    }

    static func checkSurvival(_ survival: SurvivalAnalysis, _ population: Population) {
        checkGroup(survival.strata.map(\.subjects), total: survival.subjects, "strata subjects, \(population)")
        checkGroup(survival.strata.map(\.events), total: survival.events, "strata events, \(population)")
        let fine = { (count: Int) in count == 0 || count >= population.minimum }
        for curve in survival.strata {
            let atRisk = curve.atRisk.compactMap(\.value), events = curve.eventsAt.compactMap(\.value)
            #expect(atRisk.count == curve.time.count && events.count == curve.time.count, "\(curve.name): a step with a hidden count")
            guard let subjects = curve.subjects.value, let total = curve.events.value, let first = atRisk.first else { continue }
            #expect(fine(subjects - first), "\(curve.name): censored before the first step, \(population)")
            for i in atRisk.indices.dropLast() { #expect(fine(atRisk[i] - events[i] - atRisk[i + 1]), "\(curve.name): censored at step \(i)") }
            let after = total - events.reduce(0, +)
            #expect(fine(after) && fine(atRisk[atRisk.count - 1] - events[events.count - 1] - after), "\(curve.name): after the last step")
        }
    }
}
