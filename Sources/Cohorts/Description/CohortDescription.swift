/// A definition in words, for people who do not read Circe JSON: entry events, qualifying criteria,
/// inclusion rules, exit and eras, each criterion with its concept set's name, attributes, window and count.
public struct CohortDescription {
    private let expression: CohortExpression
    private let setNames: [Int: String]

    public init(_ expression: CohortExpression) {
        self.expression = expression
        setNames = Dictionary(expression.conceptSets.map { ($0.id, $0.name.isEmpty ? "concept set \($0.id)" : $0.name) },
                              uniquingKeysWith: { first, _ in first })
    }

    /// The description as Markdown paragraphs and lists.
    public var text: String {
        var lines: [String] = []
        let primary = expression.primaryCriteria
        let window = primary.observationWindow
        lines.append("**Entry.** People enter the cohort at \(primary.limit == .all ? "each" : limit(primary.limit)) of these events:")
        lines += primary.criteria.map { "- " + criterion($0) }
        lines.append("with at least \(window.priorDays) days of continuous observation before the event and \(window.postDays) after it.")
        if let additional = expression.additionalCriteria, !additional.isEmpty {
            lines.append("")
            lines.append("**Qualifying.** Keep entry events \(group(additional, depth: 0))")
            lines.append("Then keep \(perPerson(expression.qualifiedLimit)) per person.")
        }
        if !expression.inclusionRules.isEmpty {
            lines.append("")
            lines.append("**Inclusion rules.** Every cohort member must pass all of these; then \(perPerson(expression.expressionLimit)) per person is kept:")
            for (index, rule) in expression.inclusionRules.enumerated() {
                let body = rule.expression.map { $0.isEmpty ? "no conditions" : "events \(group($0, depth: 0))" } ?? "no conditions"
                lines.append("\(index + 1). \(rule.name.isEmpty ? "Rule \(index + 1)" : rule.name): \(body)")
            }
        }
        lines.append("")
        lines.append("**Exit.** " + exit())
        if !expression.censoringCriteria.isEmpty {
            lines.append("")
            lines.append("**Censoring.** The cohort era also ends at the first of these events after entry:")
            lines += expression.censoringCriteria.map { "- " + criterion($0) }
        }
        if let censor = expression.censorWindow, censor.start != nil || censor.end != nil {
            lines.append("")
            lines.append("**Calendar window.** Cohort eras are clipped to \(censor.start.map { "from \($0)" } ?? "")\(censor.start != nil && censor.end != nil ? " " : "")\(censor.end.map { "until \($0)" } ?? "").")
        }
        lines.append("")
        lines.append("**Eras.** " + (expression.collapseSettings.eraPad == 0
            ? "Overlapping cohort periods of a person merge into one era."
            : "Cohort periods of a person less than \(days(expression.collapseSettings.eraPad)) apart merge into one era."))
        return lines.joined(separator: "\n")
    }

    private func limit(_ limit: ResultLimit) -> String {
        switch limit {
        case .first: "the earliest"
        case .last: "the latest"
        case .all: "every one"
        }
    }

    private func perPerson(_ limit: ResultLimit) -> String {
        limit == .all ? "every event" : self.limit(limit) + " event"
    }

    func days(_ count: Int) -> String { count == 1 || count == -1 ? "\(count) day" : "\(count) days" }

    func conceptSetName(_ id: Int?) -> String {
        guard let id else { return "any concept" }
        return "“\(setNames[id] ?? "concept set \(id)")”"
    }

    private func exit() -> String {
        switch expression.endStrategy {
        case nil:
            return "At the end of the observation period that contains the entry event."
        case .dateOffset(let field, let offset):
            return "\(days(offset)) after the entry event's \(field == .startDate ? "start" : "end") date (or at the end of observation, if sooner)."
        case .customEra(let codeset, let gap, let offset, let override):
            let supply = override.map { ", counting each exposure as \($0) days" } ?? ""
            return "At the end of continuous exposure to \(conceptSetName(codeset)), allowing gaps of \(days(gap))\(supply), plus \(days(offset)) (or at the end of observation, if sooner)."
        }
    }

    /// A nested group of a criterion: "with all of: …".
    func describe(_ group: CriteriaGroup) -> String {
        self.group(group, depth: 1).replacingOccurrences(of: "having ", with: "with ", options: .anchored)
    }

    /// "having all of: …" for a group, with nested groups indented.
    private func group(_ group: CriteriaGroup, depth: Int) -> String {
        let quantifier = switch group.kind {
        case .all: "all"
        case .any: "any"
        case .atLeast(let count): "at least \(count)"
        case .atMost(let count): "at most \(count)"
        }
        let indent = String(repeating: "  ", count: depth + 1)
        var parts = group.criteria.map(correlated)
        parts += group.demographics.map(demographic)
        parts += group.groups.map { self.group($0, depth: depth + 1) }
        return "having \(quantifier) of:\n" + parts.map { "\(indent)- \($0)" }.joined(separator: "\n")
    }

    private func correlated(_ item: CorrelatedCriteria) -> String {
        var text = occurrence(item.occurrence) + " " + criterion(item.criteria).replacingOccurrences(of: "a ", with: "", options: .anchored)
        if let occurrence = item.occurrence, occurrence.isDistinct {
            let column = (occurrence.countColumn ?? .domainConcept).rawValue.lowercased().replacingOccurrences(of: "_", with: " ")
            text += " (counting distinct \(column))"
        }
        if let window = item.startWindow { text += ", starting " + self.window(window, eventEnd: window.useEventEnd ?? false) }
        if let window = item.endWindow { text += ", ending " + self.window(window, eventEnd: window.useEventEnd ?? true) }
        if item.restrictVisit { text += ", in the same visit" }
        if item.ignoreObservationPeriod { text += ", even outside the observation period" }
        return text
    }

    private func occurrence(_ occurrence: Occurrence?) -> String {
        guard let occurrence else { return "at least 1" }
        return switch occurrence.kind {
        case .exactly where occurrence.count == 0, .atMost where occurrence.count == 0: "no"
        case .exactly: "exactly \(occurrence.count)"
        case .atMost: "at most \(occurrence.count)"
        case .atLeast: "at least \(occurrence.count)"
        }
    }

    private func window(_ window: Window, eventEnd: Bool) -> String {
        let anchor = window.useIndexEnd == true ? "the index end" : "the index start"
        func side(_ days: Int?, open: String) -> String {
            guard let days else { return open }
            return days == 0 ? anchor : days < 0 ? "\(self.days(-days)) before \(anchor)" : "\(self.days(days)) after \(anchor)"
        }
        switch (window.start.days, window.end.days) {
        case (nil, 0): return "on or before \(anchor)"
        case (0, nil): return "on or after \(anchor)"
        case (nil, nil): return "at any time"
        default: return "between \(side(window.start.days, open: "any time before")) and \(side(window.end.days, open: "any time after"))"
        }
    }

    private func demographic(_ criteria: DemographicCriteria) -> String {
        var parts: [String] = []
        if let age = criteria.age { parts.append("aged " + range(age)) }
        if let gender = criteria.gender, !gender.isEmpty { parts.append("of gender " + concepts(gender)) }
        if let race = criteria.race, !race.isEmpty { parts.append("of race " + concepts(race)) }
        if let ethnicity = criteria.ethnicity, !ethnicity.isEmpty { parts.append("of ethnicity " + concepts(ethnicity)) }
        if let start = criteria.occurrenceStartDate { parts.append("entering " + dates(start)) }
        if let end = criteria.occurrenceEndDate { parts.append("leaving " + dates(end)) }
        return "a person " + (parts.isEmpty ? "of any kind" : parts.joined(separator: ", "))
    }

    func range(_ range: NumericRange) -> String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        return switch range.op {
        case .lessThan: "< \(number(range.value))"
        case .atMost: "≤ \(number(range.value))"
        case .equal: "= \(number(range.value))"
        case .notEqual: "≠ \(number(range.value))"
        case .greaterThan: "> \(number(range.value))"
        case .atLeast: "≥ \(number(range.value))"
        case .between: "between \(number(range.value)) and \(number(range.extent ?? range.value))"
        case .notBetween: "not between \(number(range.value)) and \(number(range.extent ?? range.value))"
        }
    }

    func dates(_ range: DateRange) -> String {
        switch range.op {
        case .lessThan: "before \(range.value)"
        case .atMost: "on or before \(range.value)"
        case .equal: "on \(range.value)"
        case .notEqual: "not on \(range.value)"
        case .greaterThan: "after \(range.value)"
        case .atLeast: "on or after \(range.value)"
        case .between: "between \(range.value) and \(range.extent ?? range.value)"
        case .notBetween: "not between \(range.value) and \(range.extent ?? range.value)"
        }
    }

    func concepts(_ concepts: [Concept]) -> String {
        concepts.map { $0.name ?? String($0.id) }.joined(separator: " or ")
    }
}
