extension PatientFacts {
    /// Why these facts fall outside a breast-cancer tool's population, one note per reason; empty when they do not
    /// (or when the facts that would say so are missing: a tool never guesses a patient out of scope).
    func breastScopeNotes(excludingMetastatic: Bool, excludingMen: Bool) -> [String] {
        var notes: [String] = []
        if let cancer, cancer != .breast { notes.append("the cancer is \(cancer.rawValue), not breast") }
        if excludingMen, sex == .male { notes.append("the model was made for women; it does not cover breast cancer in men") }
        if excludingMetastatic, let m, m.number == 1 {
            notes.append("\(m.code): the model is for early invasive, non-metastatic breast cancer")
        }
        return notes
    }
}
