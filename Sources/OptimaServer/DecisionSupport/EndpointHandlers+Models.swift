import DecisionSupport
import Foundation
import Hummingbird

/// The prediction models the federated network registered in this server's database: the list with their cards
/// (`GET /api/models`), and one patient's risk (`POST /api/models/{name}/predict`).
extension EndpointHandlers {
    func listModels() async throws -> Response {
        try JSONResponse.make(["models": try await ModelRegistry(database: database).models().map(ModelSummary.init)])
    }

    func predictModel(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        var version: Int?
        if let text = request.uri.queryParameters.get("version") {
            guard let number = Int(text), number >= 1 else { throw HTTPError(.badRequest, message: "version must be a whole number from 1 (got \"\(text.prefix(40))\")") }
            version = number
        }
        let body = try await Self.predictionBody(request)
        do {
            return try JSONResponse.make(try await ModelRegistry(database: database).predict(name: name, version: version, values: body.values))
        } catch let error as ModelRegistryError {
            throw HTTPError(error.code == "unknown-model" ? .notFound : error.code.hasPrefix("registry") ? .internalServerError : .badRequest,
                            message: error.message)
        }
    }

    struct PredictionBody: Decodable {
        let values: [String: Double]
    }

    /// `{"values": {name: number, …}}`; a value that is not a number is named.
    private static func predictionBody(_ request: Request) async throws -> PredictionBody {
        let buffer = try await request.body.collect(upTo: 64 << 10)
        do {
            return try JSONDecoder().decode(PredictionBody.self, from: Data(buffer: buffer))
        } catch DecodingError.keyNotFound(let key, _) {
            throw HTTPError(.badRequest, message: "the body needs \"\(key.stringValue)\": {\"name\": number, …}")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.count == 2 {
            throw HTTPError(.badRequest, message: "value \"\(context.codingPath[1].stringValue.prefix(80))\" must be a number")
        } catch {
            throw HTTPError(.badRequest, message: "the body is not {\"values\": {\"name\": number, …}}")
        }
    }
}
