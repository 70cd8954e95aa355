import Foundation

/// The OpenAPI 3.1 document of the server, built from the endpoint list itself.
enum OpenAPIDocument {
    static func make(endpoints: [APIEndpoint]) throws -> Data {
        var paths: [String: [String: Any]] = [:]
        for endpoint in endpoints {
            var operation: [String: Any] = [
                "summary": endpoint.summary,
                "x-optima-permission": endpoint.permission.rawValue,
                "responses": [
                    "200": ["description": "OK", "content": [endpoint.contentType: [String: Any]()]],
                    "default": [
                        "description": "An error (401 without a valid bearer token, 403 when the role lacks the permission)",
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                    ],
                ],
            ]
            // A public operation overrides the document-wide bearer requirement with none.
            if endpoint.permission.isPublic { operation["security"] = [[String: Any]]() }
            paths[openAPIPath(endpoint.path), default: [:]][endpoint.method.rawValue.lowercased()] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Optima", "version": "0.1.0",
                     "description": "Real-world oncology evidence on OMOP CDM v5.4."],
            "paths": paths,
            "security": [["bearer": [String]()]],
            "components": [
              "securitySchemes": ["bearer": [
                "type": "http", "scheme": "bearer",
                "description": "A JWT from `optima token issue` (or the site's identity provider), or an API key from `optima user add --api-key`.",
              ]],
              "schemas": ["Error": [
                "type": "object",
                "properties": ["error": [
                    "type": "object",
                    "properties": ["status": ["type": "integer"], "message": ["type": "string"],
                                   "request_id": ["type": "string"]],
                ]],
            ]]],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    /// `/api/persons/:id` → `/api/persons/{id}`.
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }
}
