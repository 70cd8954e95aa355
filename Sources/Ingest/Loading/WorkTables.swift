import CDMStore
import OMOP

/// Scratch tables the derivation passes join against, emptied at the start of every import: the persons
/// an import touched, and the visit each encounter merges into.
enum WorkTables {
    static let runPersons = CDMTable(name: "optima_fhir_run_person", group: .results, isRequired: false, fields: [
        CDMField("person_id", .integer, isRequired: true),
    ])

    static let visitMerge = CDMTable(name: "optima_fhir_visit_merge", group: .results, isRequired: false, fields: [
        CDMField("old_id", .integer, isRequired: true),
        CDMField("new_id", .integer, isRequired: true),
        CDMField("start_date", .date, isRequired: true),
        CDMField("start_datetime", .datetime, isRequired: false),
        CDMField("end_date", .date, isRequired: true),
        CDMField("end_datetime", .datetime, isRequired: false),
    ])

    static func prepare(_ database: any Database) async throws {
        let builder = SchemaBuilder(dialect: database.dialect)
        for table in [runPersons, visitMerge] {
            try await database.execute(builder.createTable(table))
            try await database.execute("DELETE FROM \(table.name)")
        }
        try await database.execute("CREATE INDEX IF NOT EXISTS optima_fhir_run_person_id ON optima_fhir_run_person (person_id)")
        try await database.execute("CREATE INDEX IF NOT EXISTS optima_fhir_visit_merge_old ON optima_fhir_visit_merge (old_id)")
    }
}
