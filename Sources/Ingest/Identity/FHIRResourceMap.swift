import CDMStore
import OMOP

/// The table that remembers which FHIR resources an import has written, so that importing the same
/// export again changes nothing and a later export's references (`Patient/…`, `Encounter/…`) resolve.
///
/// Resources are keyed by the keyed pseudonym of `Type/id` (`Pseudonymizer`), never the logical id
/// itself: a FHIR id is often the hospital's record id, and the CDM holds pseudonymous data only.
enum FHIRResourceMap {
    static let tableName = "optima_fhir_resource"

    static let table = CDMTable(name: tableName, group: .results, isRequired: false, fields: [
        CDMField("resource_key", .varchar(64), isRequired: true, isPrimaryKey: true),
        CDMField("resource_type", .varchar(64), isRequired: true),
        /// The table and id of the resource's first row (`visit_detail` for an encounter, whose visit may be merged).
        CDMField("omop_table", .varchar(40), isRequired: false),
        CDMField("omop_id", .integer, isRequired: false),
        CDMField("person_id", .integer, isRequired: false),
        /// The `condition_occurrence_id` a treatment's `reasonReference` points to: links treatments to cancer episodes.
        CDMField("reason_id", .integer, isRequired: false),
    ])

    /// Creates the table and its key index when missing.
    static func create(in database: any Database) async throws {
        try await database.execute(SchemaBuilder(dialect: database.dialect).createTable(table))
        try await createIndex(in: database)
    }

    static func createIndex(in database: any Database) async throws {
        try await database.execute("CREATE UNIQUE INDEX IF NOT EXISTS \(indexName) ON \(tableName) (resource_key)")
    }

    /// Keys are pseudonyms, uniformly random: every batch would touch most pages of their index. A first
    /// import, which looks keys up only to confirm a rare repeat, builds the index once at the end instead.
    static func dropIndex(in database: any Database) async throws {
        try await database.execute("DROP INDEX IF EXISTS \(indexName)")
    }

    private static let indexName = "optima_fhir_resource_key"
}
