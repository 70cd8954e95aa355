import CDMStore
import CDMTestSupport
import Foundation
import Governance
import OMOP
import Synthetic

/// A small generated population for the Explore suites, with disclosure control off (site minimum 1) so counts can
/// be compared exactly, and the rows a test recomputes counts from, read with plain SELECTs.
enum ExploreFixture {
    static let persons = 1_500

    static func with<T>(_ backend: TestDatabases.Backend, _ body: (any Database, ExploreReference) async throws -> T) async throws -> T {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: persons, seed: 7), site: .single, persons: 0..<persons)
            try await db.setSiteMinimumCellCount(1)
            return try await body(db, try await ExploreReference.read(db))
        }
    }
}

/// The population in memory, for counts computed without SQL beyond plain reads.
struct ExploreReference {
    struct Person { let gender: Int64; let birth: Date; let death: Date? }
    struct Row { let person: Int64; let concept: Int64; let date: String; let number: Double?; let value: Int64? }

    var persons: [Int64: Person] = [:]
    var rows: [String: [Row]] = [:]
    var children: [Int64: [Int64]] = [:]
    var names: [Int64: String] = [:]

    static func read(_ db: any Database) async throws -> ExploreReference {
        var reference = ExploreReference()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ text: String) -> Date? {
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) : nil
        }
        var deaths: [Int64: Date] = [:]
        for row in try await db.query("SELECT person_id, death_date FROM death") {
            guard let id = row[0].integerValue, let day = date(row[1].description) else { continue }
            deaths[id] = min(day, deaths[id] ?? day)
        }
        for row in try await db.query("SELECT * FROM person") {
            let year = Int(row["year_of_birth"].integerValue!), month = Int(row["month_of_birth"].integerValue ?? 1)
            let day = Int(row["day_of_birth"].integerValue ?? 1)
            let id = row["person_id"].integerValue!
            reference.persons[id] = Person(gender: row["gender_concept_id"].integerValue ?? 0,
                                           birth: calendar.date(from: DateComponents(year: year, month: month, day: day))!, death: deaths[id])
        }
        let tables = [("condition_occurrence", "condition_concept_id", "condition_start_date", false),
                      ("drug_exposure", "drug_concept_id", "drug_exposure_start_date", false),
                      ("procedure_occurrence", "procedure_concept_id", "procedure_date", false),
                      ("measurement", "measurement_concept_id", "measurement_date", true)]
        for (table, concept, start, values) in tables {
            reference.rows[table] = try await db.query("SELECT * FROM \(table)").map { row in
                Row(person: row["person_id"].integerValue!, concept: row[concept].integerValue!, date: String(row[start].description.prefix(10)),
                    number: values ? row["value_as_number"].doubleValue : nil, value: values ? row["value_as_concept_id"].integerValue : nil)
            }
        }
        for row in try await db.query("SELECT * FROM concept_ancestor WHERE min_levels_of_separation = 1") {
            reference.children[row["ancestor_concept_id"].integerValue!, default: []].append(row["descendant_concept_id"].integerValue!)
        }
        for row in try await db.query("SELECT concept_id, concept_name FROM concept") {
            reference.names[row[0].integerValue!] = row[1].textValue
        }
        return reference
    }

    /// A concept and everything below it, walking the one-level parent links.
    func subtree(_ id: Int64) -> Set<Int64> {
        var result: Set<Int64> = [id], queue = [id]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted { queue.append(child) }
        }
        return result
    }

    /// Persons with a row of `table` passing `filter`.
    func persons(in table: String, where filter: (Row) -> Bool) -> Set<Int64> {
        Set((rows[table] ?? []).filter(filter).map(\.person))
    }

    func persons(withConcept id: Int64, in table: String) -> Set<Int64> {
        let concepts = subtree(id)
        return persons(in: table) { concepts.contains($0.concept) }
    }

    /// Whole years from birth to today (UTC), or to death.
    func age(_ person: Person) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let end = min(person.death ?? Date(), Date())
        return calendar.dateComponents([.year], from: person.birth, to: end).year!
    }

    var everyone: Set<Int64> { Set(persons.keys) }
}
