import Evidence
import Foundation
import Hummingbird

/// tranSMART-style exploration: a governed patient count for a constraint tree, and the concept tree with counts.
extension EndpointHandlers {
    /// Largest constraint document accepted.
    static let maximumConstraintBytes = 1 << 20

    /// The body `{"constraint": {...}}`; a constraint that cannot be read or evaluated is a 400 naming its path.
    func exploreCounts(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumConstraintBytes)
        let constraint: ExploreConstraint
        do { constraint = try Self.exploreConstraint(Data(buffer: body)) } catch let error as ExploreError {
            throw HTTPError(.badRequest, message: error.description)
        }
        do { return try JSONResponse.make(try await explore.counts(constraint)) } catch let error as ExploreError {
            throw HTTPError(.badRequest, message: ExploreError(path: ExploreError.join(prefix: "constraint", error.path), error.reason).description)
        }
    }

    /// `?parent=ID`: the children of a concept; none: the top level.
    func exploreTree(_ request: Request) async throws -> Response {
        let parent = request.uri.queryParameters.get("parent")
        guard let parent else { return try JSONResponse.make(["nodes": try await explore.tree(parent: nil)]) }
        guard let id = Int(parent) else { throw HTTPError(.badRequest, message: "parent: must be a concept id (got \"\(parent)\")") }
        return try JSONResponse.make(["nodes": try await explore.tree(parent: id)])
    }

    /// The constraint under `constraint` in a request document.
    static func exploreConstraint(_ document: Data) throws -> ExploreConstraint {
        guard let object = try? JSONSerialization.jsonObject(with: document) as? [String: Any] else {
            throw ExploreError(path: "", "the body must be a JSON object {\"constraint\": {...}}")
        }
        guard let constraint = object["constraint"] else { throw ExploreError(path: "constraint", "is required") }
        do {
            return try ExploreConstraint.parse(try JSONSerialization.data(withJSONObject: constraint, options: [.fragmentsAllowed]))
        } catch let error as ExploreError {
            throw ExploreError(path: ExploreError.join(prefix: "constraint", error.path), error.reason)
        }
    }
}
