import CDMStore
import DecisionSupport
import Evidence
import Governance
import Hummingbird
import Prometheus

/// What each endpoint does: one library call and its encoding, no business logic.
struct EndpointHandlers: Sendable {
    let database: any Database
    let registry: PrometheusCollectorRegistry
    let security: ServerSecurity
    /// Uploads import one at a time: two imports of the same patients at once could both find them new.
    let fhirImports = FHIRImportQueue()
    /// The decision-support tools with their rule files, loaded once.
    let cdsService: CDSHooksService
    /// Similar-patient cases per cancer, reused while the data is unchanged.
    let similarCases: SimilarPatientCaseCache
    /// Exploration counts with the criteria sets it has computed, shared with the web pages.
    let explore: ExploreEngine

    /// - Parameter principal: the authenticated caller; nil only on public endpoints.
    func respond(to endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext, principal: Principal?) async throws -> Response {
        switch endpoint {
        case .health:
            return try JSONResponse.make(["status": "ok"])
        case .info:
            return JSONResponse.make(data: try await database.info().jsonData())
        case .openAPI:
            return JSONResponse.make(data: try OpenAPIDocument.make(endpoints: APIEndpoint.allCases))
        case .metrics:
            return Response(
                status: .ok, headers: [.contentType: endpoint.contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        case .me:
            return try JSONResponse.make(Identity(principal))
        case .listCohorts:
            return try await listCohorts()
        case .createCohort:
            return try await createCohort(request, context)
        case .cohort:
            return try await cohort(try Self.id(context), generate: false)
        case .generateCohort:
            return try await cohort(try Self.id(context), generate: true)
        case .characterization:
            return try await analysis(request, CharacterizationSettings.self, picture: nil) { try await database.characterization($0) }
        case .incidence:
            return try await analysis(request, IncidenceSettings.self, picture: nil) { try await database.incidenceAnalysis($0) }
        case .survival:
            return try await analysis(request, SurvivalSettings.self, picture: { $0.kaplanMeierChart().svg() }) {
                try await database.survivalAnalysis($0)
            }
        case .cox:
            return try await analysis(request, SurvivalSettings.self, picture: { $0.forestPlot()?.svg() }) { settings in
                guard !settings.covariates.isEmpty else { throw HTTPError(.badRequest, message: "a Cox model needs \"covariates\"") }
                return try await database.survivalAnalysis(settings)
            }
        case .dataSourceSummary:
            return try await analysis(request, DataSourceSummarySettings.self, picture: { $0.pyramid() }) { try await database.dataSourceSummary($0) }
        case .pathways:
            return try await analysis(request, PathwaySettings.self, picture: { $0.sunburst().svg() }) { try await database.pathwayAnalysis($0) }
        case .erasePerson, .exportPerson, .recordObjection, .withdrawObjection, .consentStatus:
            return try await dataSubjectRequest(endpoint, request, context, principal: principal)
        case .listUsers, .createUser, .revokeUser, .issueToken:
            return try await userRequest(endpoint, request, context)
        case .auditEntries, .auditVerification, .auditReport:
            return try await auditRequest(endpoint, request)
        case .fhirEverything:
            return try await fhirEverything(context)
        case .fhirImport:
            return try await fhirImport(request, context, principal: principal)
        case .cdsDiscovery:
            return try cdsDiscovery()
        case .cdsInvocation:
            return try await cdsInvocation(request, context)
        case .cdsFeedback:
            return try await cdsFeedback(request, context)
        case .decisionSupport:
            return try await decisionSupport(request, context)
        case .similarPatients:
            return try await similarPatients(request)
        case .listModels:
            return try await listModels()
        case .predictModel:
            return try await predictModel(request, context)
        case .exploreCounts:
            return try await exploreCounts(request)
        case .exploreTree:
            return try await exploreTree(request)
        }
    }
}
