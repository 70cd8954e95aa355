import CDMStore
import Cohorts
import Governance

/// Persons counted by sex × age group × birth decade × first observation year in one grouped query; every
/// distribution of the person summary is a margin of it, so the CDM's persons are read once.
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
          LEFT JOIN first_observation f ON f.person_id = p.person_id),
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
        let pyramid = Dictionary(grouping: cells.filter { $0.ageGroup != nil }) { PyramidKey(sex: $0.sex, ageGroup: $0.ageGroup ?? 0) }
            .map { key, cells in (key, cells.reduce(0) { $0 + $1.persons }) }
            .sorted { ($0.0.ageGroup, $0.0.sex) < ($1.0.ageGroup, $1.0.sex) }
        return PersonSummary(
            total: SmallCellCount(cells.reduce(0) { $0 + $1.persons }, minimum: minimumCount),
            bySex: margin({ $0.sex }, minimumCount: minimumCount) { $0 ?? "Unknown" },
            byAgeGroup: margin({ $0.ageGroup }, minimumCount: minimumCount) { $0.map(ageLabel) ?? Self.withoutObservation },
            byBirthDecade: margin({ $0.decade }, minimumCount: minimumCount) { $0.map { "\($0)s" } ?? "unknown" },
            pyramid: pyramid.map { key, persons in
                PyramidCell(sex: key.sex, ageGroup: ageLabel(key.ageGroup), persons: SmallCellCount(persons, minimum: minimumCount))
            })
    }

    /// Persons by the year their first observation period starts (persons without one are left out).
    func startYears(minimumCount: Int) -> [CategoryCount] {
        margin({ $0.startYear }, minimumCount: minimumCount) { $0.map(String.init) }
    }

    private struct PyramidKey: Hashable {
        let sex: String
        let ageGroup: Int
    }

    /// Persons summed by one dimension, in its natural order (nil last), labelled; a nil label leaves a value out.
    private func margin<Key: Comparable & Hashable>(_ key: (Cell) -> Key?, minimumCount: Int, label: (Key?) -> String?) -> [CategoryCount] {
        Dictionary(grouping: cells, by: key)
            .map { value, cells in (value, cells.reduce(0) { $0 + $1.persons }) }
            .sorted { a, b in
                switch (a.0, b.0) {
                case let (x?, y?): x < y
                case (_?, nil): true
                default: false
                }
            }
            .compactMap { value, persons in label(value).map { CategoryCount(label: $0, count: SmallCellCount(persons, minimum: minimumCount)) } }
    }
}
