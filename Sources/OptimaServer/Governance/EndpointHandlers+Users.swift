import Foundation
import Governance
import Hummingbird

/// Users, service accounts and tokens, for administrators.
extension EndpointHandlers {
    func userRequest(_ endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await database.createGovernanceSchema()
        switch endpoint {
        case .createUser:
            let body = try await Self.decodeBody(NewUser.self, request)
            let principal = Principal(name: body.name, role: body.role, kind: body.kind ?? .user)
            do { try await database.addUser(principal) } catch let error as IdentityError {
                throw HTTPError(.badRequest, message: error.description)
            }
            return try JSONResponse.make(Identity(principal), status: .created)
        case .revokeUser:
            do { try await database.revokeUser(named: try Self.name(context)) } catch let error as IdentityError {
                throw HTTPError(.notFound, message: error.description)
            }
            return try JSONResponse.make(["revoked": try Self.name(context)])
        case .issueToken:
            let lifetime = try await Self.decodeBody(TokenRequest.self, request, emptyAs: TokenRequest()).lifetime
            guard let principal = try await database.activePrincipal(named: try Self.name(context)) else {
                throw HTTPError(.notFound, message: "no active user \(try Self.name(context))")
            }
            let token = try await security.tokens.issue(for: principal, lifetime: lifetime)
            return try JSONResponse.make(["token": token, "token_type": "Bearer", "expires_in": String(Int(lifetime))])
        default:
            return try JSONResponse.make(try await database.users())
        }
    }

    static func name(_ context: BasicRequestContext) throws -> String {
        guard let name = context.parameters.get("name") else { throw HTTPError(.badRequest, message: "missing user name") }
        return name
    }

    /// A small JSON body; the error names the missing or invalid key, never the body's values.
    static func decodeBody<Body: Decodable>(_ type: Body.Type, _ request: Request, emptyAs empty: Body? = nil) async throws -> Body {
        let buffer = try await request.body.collect(upTo: 64 << 10)
        if buffer.readableBytes == 0, let empty { return empty }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError(.badRequest, message: "the body needs \"\(key.stringValue)\"")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw HTTPError(.badRequest, message: "invalid \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" in the body")
        } catch {
            throw HTTPError(.badRequest, message: "the body is not the JSON this endpoint takes")
        }
    }

    struct NewUser: Decodable {
        let name: String
        let role: Role
        let kind: Principal.Kind?
    }

    struct TokenRequest: Decodable {
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey { case expiresIn = "expires_in" }
        /// Eight hours unless asked; at most 30 days.
        var lifetime: TimeInterval { TimeInterval(min(max(expiresIn ?? 8 * 3600, 60), 30 * 86_400)) }
    }
}
