import CDMStore

/// One OMOP table read as one FHIR resource type: what to select and how a row becomes a resource.
/// Rows are read by position in `columns`, never by name: this is the export's hot path.
protocol FHIRResourceMapping: Sendable {
    var resourceType: String { get }
    /// The table, aliased `t`.
    var from: String { get }
    /// The selected expressions, in the order `resource(_:_:)` reads them.
    var columns: [String] { get }
    /// The concept columns whose concepts the resources name, for `ExportVocabulary.include`.
    var conceptColumns: [String] { get }

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject
}

extension FHIRResourceMapping {
    /// The rows of the filtered persons, in primary-key order (the first column), so an export reads the same each time.
    func query(_ filter: PersonFilter) -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(from)\(filter.whereClause) ORDER BY \(columns[0])"
    }
}

/// Every mapping of the export, in the order a reader resolves references: patients, encounters, then the rest.
enum FHIRResourceMappings {
    static let all: [any FHIRResourceMapping] = [
        PatientMapping(), EncounterMapping(), ConditionMapping(), MeasurementMapping(), ObservationMapping(),
        MedicationStatementMapping(), ProcedureMapping(),
    ]
}
