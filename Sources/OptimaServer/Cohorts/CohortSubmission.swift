import Foundation
import Hummingbird

/// A posted cohort definition: ATLAS JSON as exported, or WebAPI's `{name, description, expression}`
/// where `expression` is the definition (an object, or a string holding it, as WebAPI stores it).
struct CohortSubmission {
    let name: String
    let description: String?
    /// The definition's JSON, unchanged when posted bare.
    let expression: Data

    init(_ body: Data, defaultName: String?) throws {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw HTTPError(.badRequest, message: "the body must be a JSON object: a cohort definition")
        }
        if let wrapped = object["expression"] {
            if let text = wrapped as? String {
                expression = Data(text.utf8)
            } else if JSONSerialization.isValidJSONObject(wrapped) {
                expression = try JSONSerialization.data(withJSONObject: wrapped)
            } else {
                throw HTTPError(.badRequest, message: "expression must be a cohort definition object")
            }
            name = object["name"] as? String ?? defaultName ?? "Cohort"
            description = object["description"] as? String
        } else {
            expression = body
            name = defaultName ?? object["Title"] as? String ?? object["title"] as? String ?? "Cohort"
            description = nil
        }
    }
}
