import Governance

/// The answer of `GET /api/me`: who the token says the caller is, and what the role allows.
struct Identity: Encodable {
    let name: String
    let role: String
    let kind: String
    let permissions: [String]

    init(_ principal: Principal?) {
        name = principal?.name ?? "anonymous"
        role = principal?.role.rawValue ?? ""
        kind = principal?.kind.rawValue ?? ""
        permissions = (principal?.role.permissions ?? []).map(\.rawValue).sorted()
    }
}
