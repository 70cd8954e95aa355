import Governance
import Hummingbird

/// What a page handler gets: the request, who is signed in, and the form already read (and its CSRF token checked).
struct WebRequest: Sendable {
    let request: Request
    let context: BasicRequestContext
    /// The signed-in user; nil only on public pages.
    let principal: Principal?
    /// The token this user's forms and scripts must send back; empty when signed out.
    let csrfToken: String
    let formData: FormData?

    /// A query parameter as a GET form sends it (`+` is a space); nil when absent.
    func query(_ name: String) -> String? { queryFields.value(name) }
    func queryAll(_ name: String) -> [String] { queryFields.values(name) }

    /// The query string read the way form bodies are, which Hummingbird's parameters are not (they keep `+`).
    var queryFields: FormData { (try? FormData(urlEncoded: request.uri.query ?? "")) ?? FormData(fields: []) }

    /// A path parameter declared by the route, e.g. `id` of `/cohorts/:id`.
    func parameter(_ name: String) throws -> String {
        guard let value = pathParameter(name) else { throw HTTPError(.badRequest, message: "the address lacks its \(name)") }
        return value
    }

    func pathParameter(_ name: String) -> String? { context.parameters.get(name) }

    /// The posted form; a 400 when the request carried none.
    func form() async throws -> FormData {
        guard let formData else { throw HTTPError(.badRequest, message: "this page expects a submitted form") }
        return formData
    }

    /// Whether the user's role allows `permission`: pages show only what the user may use.
    func can(_ permission: Permission) -> Bool { principal?.can(permission) ?? false }
}
