import CDMStore
import Foundation
import Governance
import OMOP

/// One row of a person in every CDM table that has a `person_id` (the list comes from the schema), plus the rows
/// that hang off them without one: a note's NLP row, an episode's event, a cost and a fact relationship.
enum PrivacyFixture {
    /// The id of every row of person N is N × 10, so rows of different persons never collide.
    static func key(_ person: Int64) -> Int64 { person * 10 }

    static var personTables: [CDMTable] {
        CDMSchema.v54.tables.filter { $0.field(named: "person_id") != nil }
    }

    static func insertPerson(_ person: Int64, pseudonym: String, into db: any Database) async throws {
        var statements = try personTables.map { table in
            try insert(table, values: ["person_id": .integer(person), "person_source_value": .text(pseudonym)], key: key(person))
        }
        statements += [
            try insert(table("note_nlp"), values: ["note_id": .integer(key(person))], key: key(person)),
            try insert(table("episode_event"), values: ["episode_id": .integer(key(person)), "event_id": .integer(key(person))], key: key(person)),
            try insert(table("cost"), values: ["cost_event_id": .integer(key(person)), "cost_domain_id": .text("Condition")], key: key(person)),
            try insert(table("fact_relationship"), values: ["domain_concept_id_1": .integer(19), "fact_id_1": .integer(key(person)),
                                                            "domain_concept_id_2": .integer(19), "fact_id_2": .integer(key(person))], key: key(person)),
            try insert(table("cohort"), values: ["cohort_definition_id": .integer(1), "subject_id": .integer(person)], key: key(person)),
        ]
        try await db.transaction(statements)
    }

    /// The CDM, the governance tables, and the Condition domain the fact relationships name.
    static func prepare(_ db: any Database) async throws {
        try await db.createSchema()
        try await db.createGovernanceSchema()
        try await db.execute("INSERT INTO domain (domain_id, domain_name, domain_concept_id) VALUES ('Condition', 'Condition', 19)")
    }

    static func table(_ name: String) throws -> CDMTable {
        guard let table = CDMSchema.v54.table(named: name) else { throw FixtureError(name) }
        return table
    }

    /// A row with `values`, the primary key `key`, and a placeholder in every other required field.
    private static func insert(_ table: CDMTable, values: [String: SQLValue], key: Int64) throws -> SQLStatement {
        let fields = table.fields.filter { $0.isRequired || $0.isPrimaryKey || values[$0.name] != nil }
        let binds: [SQLValue] = fields.map { field in
            if let value = values[field.name] { return value }
            if field.isPrimaryKey { return .integer(key) }
            switch field.datatype {
            case .integer: return .integer(0)
            case .float: return .double(1.5)
            case .date: return .date(CDMDate(year: 2020, month: 3, day: 1)!)
            case .datetime: return .datetime(CDMDateTime(date: CDMDate(year: 2020, month: 3, day: 1)!))
            case .varchar: return .text("x")
            }
        }
        let placeholders = Array(repeating: "?", count: fields.count).joined(separator: ", ")
        return SQLStatement("INSERT INTO \(table.name) (\(fields.map { "\"\($0.name)\"" }.joined(separator: ", "))) VALUES (\(placeholders))", binds)
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ table: String) { description = "no CDM table \(table)" }
    }
}
