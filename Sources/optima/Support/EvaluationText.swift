import DecisionSupport

/// An evaluation for people reading a terminal: the answer, then what it rests on.
struct EvaluationText {
    let evaluation: Evaluation

    init(_ evaluation: Evaluation) {
        self.evaluation = evaluation
    }

    var text: String {
        var lines = ["== \(evaluation.title) [\(evaluation.status.rawValue)]"]
        if let output = evaluation.output {
            lines += [output.summary, "", output.detail]
            if let explanation = output.patientExplanation { lines += ["", "For the patient:", explanation] }
        }
        if let note = evaluation.scopeNote { lines.append("Out of scope: \(note)") }
        for missing in evaluation.missing { lines.append("Missing \(missing.fact) (\(missing.effect.rawValue)): \(missing.note)") }
        for caveat in evaluation.caveats { lines.append("Note: \(caveat)") }
        lines += evaluation.sources.map { "Source: \($0.label) (\($0.edition)): \($0.citation)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
