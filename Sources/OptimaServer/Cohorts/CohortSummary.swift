/// A stored cohort definition in a list: id, name, description.
struct CohortSummary: Encodable {
    let id: Int64
    let name: String
    let description: String?
}
