import Evidence
import OMOP

/// The strata and covariates the forms offer by a short name (`stage`, `er`), each a `Feature` spec of the
/// oncology concepts; any other feature spec (`value:ID`, `concepts:ID,…`) is accepted as typed.
struct FeatureChoice: Sendable {
    let key: String
    let title: String
    let spec: String

    static let all: [FeatureChoice] = [
        FeatureChoice(key: "age", title: "Age (years)", spec: "age"),
        FeatureChoice(key: "age-group", title: "Age group", spec: "age-group"),
        FeatureChoice(key: "sex", title: "Sex", spec: "sex"),
        FeatureChoice(key: "index-year", title: "Year of index", spec: "index-year"),
        FeatureChoice(key: "stage", title: "Stage group",
                      spec: "stage=concepts:" + ConceptID.Modifier.stages.map(String.init).joined(separator: ",")),
        FeatureChoice(key: "grade", title: "Histological grade",
                      spec: "grade=concepts:" + ConceptID.Modifier.grades.map(String.init).joined(separator: ",")),
        FeatureChoice(key: "er", title: "Oestrogen receptor status", spec: "ER=value:\(ConceptID.Marker.estrogenReceptor)"),
        FeatureChoice(key: "pr", title: "Progesterone receptor status", spec: "PR=value:\(ConceptID.Marker.progesteroneReceptor)"),
        FeatureChoice(key: "her2", title: "HER2 status", spec: "HER2=value:\(ConceptID.Marker.her2)"),
    ]

    /// The choices that split a cohort into groups (all but the numeric age).
    static var categorical: [FeatureChoice] { all.filter { $0.key != "age" } }

    /// How a feature spec reads on a page: the choice's title, else the spec as typed.
    static func title(of spec: String) -> String {
        all.first { $0.spec == spec }?.title ?? spec
    }

    /// The short name of a feature in a file name: the choice's key, else the spec without its punctuation.
    static func key(of feature: Feature) -> String {
        all.first { $0.spec == feature.description }?.key ?? String(feature.description.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// A choice by its key, or a feature spec as typed; the error names the field.
    static func feature(_ text: String, field: String) throws -> Feature {
        let spec = all.first { $0.key == text.lowercased() }?.spec ?? text
        do { return try Feature(spec) } catch let error as EvidenceError {
            throw AnalysisFormError(field, error.description + "; or choose one of " + all.map(\.key).joined(separator: ", "))
        }
    }
}
