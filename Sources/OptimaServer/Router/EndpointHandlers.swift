import CDMStore
import Hummingbird
import Prometheus

/// What each endpoint does: one library call and its encoding, no business logic.
struct EndpointHandlers: Sendable {
    let database: any Database
    let registry: PrometheusCollectorRegistry

    func respond(to endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
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
        case .listCohorts:
            return try await listCohorts()
        case .createCohort:
            return try await createCohort(request, context)
        case .cohort:
            return try await cohort(try Self.id(context), generate: false)
        case .generateCohort:
            return try await cohort(try Self.id(context), generate: true)
        }
    }
}
