import CDMStore
import Cohorts
import Governance

/// Persons counted by sex × age group × birth decade × first observation year in one grouped query; every
/// distribution of the person summary is a margin of it, so the CDM's persons are read once. Persons who
/// object (`ConsentRegister`) are left out. Each distribution adds up to a published total, so each passes
/// `CellSuppression` as a group, and the pyramid as a two-way table.
struct PersonCube {
    struct Cell {
        let sex: String
        /// The lower bound of the 10-year age group at the first observation start; nil without observation.
        let ageGroup: Int?
        let decade: Int?
        let startYear: Int?
        let persons: Int
    }

    let cells: [Cell]

    static let withoutObservation = "no observation period"

    static func query(_ d: SQLDialect) -> String {
        """
        WITH first_observation AS (
          SELECT person_id, MIN(observation_period_start_date) AS start_date FROM observation_period GROUP BY person_id),
        people AS (
          SELECT COALESCE(g.concept_name, 'Unknown') AS sex, p.year_of_birth / 10 * 10 AS decade,
            \(d.year("f.start_date")) AS start_year, \(d.year("f.start_date")) - p.year_of_birth AS age
          FROM person p
          LEFT JOIN concept g ON g.concept_id = p.gender_concept_id AND p.gender_concept_id <> 0
          LEFT JOIN first_observation f ON f.person_id = p.person_id
          WHERE p.person_id NOT IN (\(ConsentRegister.objectingPersonIDs))),
        grouped AS (
          SELECT sex, CASE WHEN age < 0 THEN 0 ELSE age / 10 * 10 END AS age_group, decade, start_year FROM people)
        SELECT sex, age_group, decade, start_year, COUNT(*) AS persons FROM grouped GROUP BY sex, age_group, decade, start_year
        """
    }

    init(_ rows: [SQLRow]) {
        cells = rows.map { row in
            Cell(sex: row["sex"].textValue ?? "Unknown", ageGroup: row["age_group"].integerValue.map(Int.init),
                 decade: row["decade"].integerValue.map(Int.init), startYear: row["start_year"].integerValue.map(Int.init),
                 persons: Int(row["persons"].integerValue ?? 0))
        }
    }

    /// The person summary; `ageLabel` names the age group starting at a given age (the one rule of `Feature.ageGroup`).
    func persons(minimumCount: Int, ageLabel: (Int) -> String) -> PersonSummary {
        let observed = cells.filter { $0.ageGroup != nil }
        let ages = Set(observed.compactMap(\.ageGroup)).sorted(), sexes = Set(observed.map(\.sex)).sorted()
        let counts = ages.map { age in
            sexes.map { sex in observed.filter { $0.ageGroup == age && $0.sex == sex }.reduce(0) { $0 + $1.persons } }
        }
        let governed = CellSuppression.table(counts, minimum: minimumCount)
        let pyramid = ages.indices.flatMap { a in
            sexes.indices.compactMap { s in
                governed[a][s].map { PyramidCell(sex: sexes[s], ageGroup: ageLabel(ages[a]), persons: $0) }
            }
        }
        return PersonSummary(
            total: SmallCellCount(cells.reduce(0) { $0 + $1.persons }, minimum: minimumCount),
            bySex: margin({ $0.sex }, minimumCount: minimumCount) { $0 ?? "Unknown" },
            byAgeGroup: margin({ $0.ageGroup }, minimumCount: minimumCount) { $0.map(ageLabel) ?? Self.withoutObservation },
            byBirthDecade: margin({ $0.decade }, minimumCount: minimumCount) { $0.map { "\($0)s" } ?? "unknown" },
            pyramid: pyramid)
    }

    /// Persons by the year their first observation period starts (persons without one are left out).
    func startYears(minimumCount: Int) -> [CategoryCount] {
        margin({ $0.startYear }, minimumCount: minimumCount) { $0.map(String.init) }
    }

    /// Persons summed by one dimension, in its natural order (nil last), labelled, governed as one group; a nil
    /// label leaves a value out.
    private func margin<Key: Comparable & Hashable>(_ key: (Cell) -> Key?, minimumCount: Int, label: (Key?) -> String?) -> [CategoryCount] {
        let sums = Dictionary(grouping: cells, by: key)
            .map { value, cells in (value, cells.reduce(0) { $0 + $1.persons }) }
            .sorted { a, b in
                switch (a.0, b.0) {
                case let (x?, y?): x < y
                case (_?, nil): true
                default: false
                }
            }
            .compactMap { value, persons in label(value).map { (label: $0, persons: persons) } }
        return zip(sums, CellSuppression.group(sums.map(\.persons), minimum: minimumCount)).map { CategoryCount(label: $0.label, count: $1) }
    }
}
