import Federation
import Foundation
import Governance
import Hummingbird

/// The node's two federation routes: credentials, body limit, then one call of the node service; its errors
/// become `{"error": code, "message": …}` with a status a client can act on.
struct NodeEndpoints: Sendable {
    let service: NodeService
    let authenticator: Authenticator
    let maximumBytes: Int

    func handle(_ request: Request, _ context: BasicRequestContext, action: String,
                _ body: @Sendable (Data) async throws -> Data) async -> Response {
        let route = "POST /federation/v1/\(action)"
        let principal: Principal
        do {
            principal = try await authenticator.authenticate(authorizationHeader: request.headers[.authorization])
        } catch let error as AuthenticationError {
            await deny(route, context, actor: nil, detail: error.description)
            return Self.error(.unauthorized, "unauthorized", error.description)
        } catch {
            context.logger.error("authentication failed", metadata: ["error.type": "\(type(of: error))"])
            return Self.error(.internalServerError, "internal", "internal error; see the node's log for request \(context.id)")
        }
        guard principal.can(.federate) else {
            await deny(route, context, actor: principal, detail: "role \(principal.role.rawValue) lacks federate")
            return Self.error(.forbidden, "forbidden", "the role \(principal.role.rawValue) may not federate")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBytes {
            await deny(route, context, actor: principal, detail: "body of \(length) bytes over \(maximumBytes)")
            return Self.tooLarge(maximumBytes)
        }
        let bytes: ByteBuffer
        do { bytes = try await request.body.collect(upTo: maximumBytes) } catch {
            await deny(route, context, actor: principal, detail: "body over \(maximumBytes) bytes")
            return Self.tooLarge(maximumBytes)
        }
        do {
            let reply = try await body(Data(bytes.readableBytesView))
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: reply)))
        } catch let error as FederationError {
            return Self.error(Self.status(of: error.code), error.code, error.message)
        } catch {
            context.logger.error("federation \(action) failed", metadata: ["error.type": "\(type(of: error))"])
            return Self.error(.internalServerError, "internal", "internal error; see the node's log for request \(context.id)")
        }
    }

    /// The HTTP status of a node's refusal or failure.
    static func status(of code: String) -> HTTPResponse.Status {
        switch code {
        case "unknown-signer", "bad-signature", "stale-message": .unauthorized
        case "study-not-approved", "analysis-not-allowed", "budget-spent", "node-not-in-study", "step-not-allowed",
             "masking-key-mismatch", "correction-refused": .forbidden
        case "replayed-message": .conflict
        case "disclosure", "disclosure-guard": .unprocessableContent
        case "bad-envelope", "bad-request", "invalid-study", "secure-aggregation", "bad-signer": .badRequest
        default: .internalServerError
        }
    }

    static func error(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        let body = (try? JSONEncoder().encode(["error": code, "message": message])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The body is left unread, so the connection is closed after the answer: a client still sending it must not
    /// wait on a node that no longer reads.
    static func tooLarge(_ maximumBytes: Int) -> Response {
        var response = error(.contentTooLarge, "too-large", "the request body is larger than this node's \(maximumBytes) bytes (max_request_bytes)")
        response.headers[.connection] = "close"
        return response
    }

    /// Records a request refused before it reached the node service (which audits everything after).
    private func deny(_ route: String, _ context: BasicRequestContext, actor: Principal?, detail: String) async {
        _ = try? await service.audit.record(AuditEvent(
            actor: actor?.name ?? "anonymous", role: actor?.role.rawValue, action: route, resource: "federation",
            outcome: .denied, purpose: .security, requestID: context.id, detail: detail))
    }
}
