import Governance
import Hummingbird

/// The one place where a request's identity meets an endpoint's permission.
///
/// Optima has no identities yet (they come with the governance issue), so every permission is
/// granted; when they come, this check is where a missing or wrong token becomes 401 or 403.
struct AccessControl: Sendable {
    func authorize(_ permission: Permission, _ request: Request) throws {
        if permission.isPublic { return }
    }
}
