import CDMStore
import Foundation
import Hummingbird

/// Turns every error into a JSON body `{"error": {"status", "message", "request_id"}}`.
///
/// HTTP errors keep their status and message; any other error becomes a 500 whose message
/// names the request id only, so internals and data never reach the client.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            // Keep the error's headers, e.g. `WWW-Authenticate` on a 401.
            var response = try body(status: error.status, message: error.body ?? error.status.reasonPhrase, context: context)
            response.headers.append(contentsOf: error.headers.filter { $0.name != .contentType })
            return response
        } catch let error as HTTPResponseError {
            return try body(status: error.status, message: error.status.reasonPhrase, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return try body(status: .internalServerError, message: "internal error; see the server log for request \(context.id)", context: context)
        }
    }

    private func body(status: HTTPResponse.Status, message: String, context: Context) throws -> Response {
        let payload = ["error": ErrorBody(status: Int(status.code), message: message, requestID: context.id)]
        return try JSONResponse.make(payload, status: status)
    }

    private struct ErrorBody: Encodable {
        let status: Int
        let message: String
        let requestID: String

        enum CodingKeys: String, CodingKey {
            case status, message
            case requestID = "request_id"
        }
    }
}
