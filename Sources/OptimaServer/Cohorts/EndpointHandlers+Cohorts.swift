import CDMStore
import Cohorts
import Foundation
import Governance
import Hummingbird

/// The cohort endpoints: store ATLAS JSON, generate, and report counts with small cells suppressed.
extension EndpointHandlers {
    /// Largest definition accepted; the biggest PhenotypeLibrary definition is under 1 MB.
    static let maximumDefinitionBytes = 8 << 20

    func listCohorts() async throws -> Response {
        try await database.createCohortTables()
        let rows = try await database.query("""
            SELECT cohort_definition_id, cohort_definition_name, cohort_definition_description FROM cohort_definition
            ORDER BY cohort_definition_id
            """)
        return try JSONResponse.make(rows.map { row in
            CohortSummary(id: row["cohort_definition_id"].integerValue ?? 0, name: row["cohort_definition_name"].textValue ?? "",
                          description: row["cohort_definition_description"].textValue)
        })
    }

    func createCohort(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumDefinitionBytes)
        let submission = try CohortSubmission(Data(buffer: body), defaultName: request.uri.queryParameters.get("name"))
        let stored: StoredCohortDefinition
        do {
            stored = try await database.saveCohortDefinition(name: submission.name, description: submission.description,
                                                             json: submission.expression)
        } catch let error as CohortDefinitionError {
            throw HTTPError(.badRequest, message: "invalid cohort definition: \(error)")
        } catch let error as CohortCompilationError {
            throw HTTPError(.badRequest, message: error.description)
        }
        return try JSONResponse.make(CohortSummary(id: stored.id, name: stored.name, description: stored.description), status: .created)
    }

    func cohort(_ id: Int64, generate: Bool) async throws -> Response {
        guard let definition = try await database.cohortDefinition(id: id) else {
            throw HTTPError(.notFound, message: "no cohort definition \(id)")
        }
        let generation = generate
            ? try await database.generateCohort(try definition.expression(), cohortID: id)
            : try await database.cohortGeneration(of: definition)
        let minimum = try await database.siteMinimumCellCount()
        return JSONResponse.make(data: try CohortReport(definition: definition, generation: generation, minimum: minimum).jsonData())
    }

    static func id(_ context: BasicRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.badRequest, message: "the cohort id must be an integer")
        }
        return id
    }
}
