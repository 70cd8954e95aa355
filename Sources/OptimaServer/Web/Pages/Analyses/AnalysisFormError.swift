/// A request parameter an analysis cannot use, named as the form names it: "target: cohort 7 has not been generated".
/// `field` is nil for a problem of the settings as a whole (a time at risk ending before it starts).
struct AnalysisFormError: Error, CustomStringConvertible {
    let field: String?
    let message: String

    init(_ field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    var description: String { field.map { "\($0): \(message)" } ?? message }
}
