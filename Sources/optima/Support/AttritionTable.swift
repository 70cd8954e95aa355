import Cohorts

/// The attrition of a generated cohort as a text table: qualified, each inclusion rule in turn, final;
/// by event and by person, as ATLAS's inclusion report shows them.
struct AttritionTable {
    let generation: CohortGeneration

    init(_ generation: CohortGeneration) {
        self.generation = generation
    }

    var text: String {
        let g = generation
        var lines = ["Cohort \(g.cohortID): \(g.persons.formatted()) persons in \(g.rows.formatted()) cohort periods (\(String(format: "%.2f", g.seconds)) s)",
                     "", row("", "events", "persons"), row("Qualified", count(g.byEvent.base, of: nil), count(g.byPerson.base, of: nil))]
        for (index, (event, person)) in zip(g.byEvent.rules, g.byPerson.rules).enumerated() {
            lines.append(row("\(index + 1). \(event.name)", count(event.remaining, of: g.byEvent.base), count(person.remaining, of: g.byPerson.base)))
        }
        lines.append(row("Final", count(g.byEvent.final, of: g.byEvent.base), count(g.byPerson.final, of: g.byPerson.base)))
        return lines.joined(separator: "\n")
    }

    private func count(_ value: Int, of base: Int?) -> String {
        guard let base, base > 0 else { return value.formatted() }
        return "\(value.formatted()) (\(String(format: "%.1f", 100 * Double(value) / Double(base)))%)"
    }

    private func row(_ label: String, _ events: String, _ persons: String) -> String {
        let name = label.count > 44 ? String(label.prefix(43)) + "…" : label
        return name.padding(toLength: 46, withPad: " ", startingAt: 0)
            + String(repeating: " ", count: max(0, 20 - events.count)) + events
            + String(repeating: " ", count: max(0, 20 - persons.count)) + persons
    }
}
