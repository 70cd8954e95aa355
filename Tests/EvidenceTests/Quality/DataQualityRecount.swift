import CDMStore
import Evidence
import OMOP
import Testing

/// An independent recount of every data-quality check: the rows are read whole into memory and the violating and
/// checked rows counted in Swift, with no SQL shared with the library. Keys are "check table field concept".
struct DataQualityRecount {
    struct Person {
        let gender: Int64
        let yearOfBirth: Int
        let birthDay: CDMDate?
    }

    let persons: [Int64: Person]
    let deaths: [Int64: CDMDate]
    let periods: [Int64: [ClosedRange<CDMDate>]]
    let descendants: [Int64: Set<Int64>]

    /// The prostate concepts the plausibleGender check is about, per table, written out here on their own.
    static let maleConcepts: [String: Set<Int64>] = [
        "condition_occurrence": [4_163_261, 200_962],
        "procedure_occurrence": [4_278_515, 4_096_783],
        "measurement": [3_013_603, 2_000_000_303, 2_000_000_304],
    ]

    init(_ db: any Database) async throws {
        var persons: [Int64: Person] = [:]
        for row in try await db.query("SELECT person_id, gender_concept_id, year_of_birth, birth_datetime FROM person") {
            persons[row["person_id"].integerValue!] = Person(gender: row["gender_concept_id"].integerValue ?? 0,
                                                             yearOfBirth: Int(row["year_of_birth"].integerValue!),
                                                             birthDay: row["birth_datetime"].dateValue)
        }
        var deaths: [Int64: CDMDate] = [:]
        for row in try await db.query("SELECT person_id, death_date FROM death") {
            let id = row["person_id"].integerValue!, day = row["death_date"].dateValue!
            deaths[id] = min(deaths[id] ?? day, day)
        }
        var periods: [Int64: [ClosedRange<CDMDate>]] = [:]
        for row in try await db.query("SELECT person_id, observation_period_start_date AS s, observation_period_end_date AS e FROM observation_period") {
            periods[row["person_id"].integerValue!, default: []].append(row["s"].dateValue!...row["e"].dateValue!)
        }
        var descendants: [Int64: Set<Int64>] = [:]
        for row in try await db.query("SELECT ancestor_concept_id AS a, descendant_concept_id AS d FROM concept_ancestor") {
            descendants[row["a"].integerValue!, default: []].insert(row["d"].integerValue!)
        }
        (self.persons, self.deaths, self.periods, self.descendants) = (persons, deaths, periods, descendants)
    }

    /// Violating and checked rows of a check, counted from the table's rows.
    func count(_ check: DataQualityCheck, in db: any Database) async throws -> (violating: Int, denominator: Int) {
        switch check.name {
        case "measurePersonCompleteness":
            return (persons.keys.count { periods[$0] == nil }, persons.count)
        case "plausibleValueLow", "plausibleValueHigh":
            return try await values(check, in: db)
        default:
            return try await records(check, in: db)
        }
    }

    private func records(_ check: DataQualityCheck, in db: any Database) async throws -> (violating: Int, denominator: Int) {
        let column = check.field ?? "person_id"
        let rows = try await db.query("SELECT person_id, \(column) AS x FROM \(check.table)")
        var (violating, denominator) = (0, 0)
        for row in rows {
            let id = row["person_id"].integerValue!
            let person = persons[id]
            let (counted, violates): (Bool, Bool)
            switch check.name {
            case "isForeignKey":
                (counted, violates) = (true, person == nil)
            case "plausibleTemporalAfter":
                let day = row["x"].dateValue!
                let before = person.map { p in p.birthDay.map { day < $0 } ?? (day.components.year < p.yearOfBirth) } ?? false
                (counted, violates) = (person != nil, before)
            case "plausibleDuringLife":
                let death = deaths[id]
                (counted, violates) = (death != nil, death.map { row["x"].dateValue! > $0.adding(days: 60) } ?? false)
            case "withinObservationPeriod":
                let day = row["x"].dateValue!
                (counted, violates) = (true, !(periods[id] ?? []).contains { $0.contains(day) })
            case "standardConceptRecordCompleteness":
                (counted, violates) = (true, row["x"].integerValue == 0)
            case "plausibleGender":
                let listed = Self.maleConcepts[check.table] ?? []
                let male = listed.union(listed.flatMap { descendants[$0] ?? [] })
                let concept = row["x"].integerValue ?? -1
                (counted, violates) = (male.contains(concept), male.contains(concept) && person?.gender == 8532)
            default:
                Issue.record("no recount for \(check.name)")
                (counted, violates) = (false, false)
            }
            if counted { denominator += 1 }
            if counted && violates { violating += 1 }
        }
        return (violating, denominator)
    }

    private func values(_ check: DataQualityCheck, in db: any Database) async throws -> (violating: Int, denominator: Int) {
        let rows = try await db.query("SELECT unit_concept_id AS u, value_as_number AS v FROM measurement WHERE measurement_concept_id = ?",
                                      [.integer(check.conceptID!)])
        let bounds = Self.ranges[check.conceptID!]!
        let checked = rows.compactMap { row in row["u"].integerValue == bounds.unit ? row["v"].doubleValue : nil }
        let outside = check.name == "plausibleValueLow" ? checked.count { $0 < bounds.low } : checked.count { $0 > bounds.high }
        return (outside, checked.count)
    }

    /// Unit and bounds of each measurement with value checks.
    static let ranges: [Int64: (unit: Int64, low: Double, high: Double)] = [
        3_013_603: (8842, 0, 10_000), 3_000_963: (8713, 1, 25), 3_016_723: (8840, 0.05, 30), 3_025_315: (9529, 1, 500),
        3_038_553: (9531, 8, 120), 2_000_000_301: (8554, 0, 100), 2_000_000_302: (8554, 0, 100),
    ]
}
