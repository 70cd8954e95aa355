import CDMStore
import Cohorts

extension CohortForm {
    /// The definition the form describes, or nil with `errors` filled in, one message per faulty field. The
    /// concepts of every concepts field are looked up (one query each) and kept in `chosen` to show their names.
    mutating func cohort(in database: any Database, savedSets: [StoredConceptSet]) async throws -> SimpleCohort? {
        errors = [:]
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["cohort-name"] = "Name: a cohort needs a name" }
        if name.count > 255 { errors["cohort-name"] = "Name: at most 255 characters (got \(name.count))" }
        let domain = self.domain(entryDomain, field: "entry-domain", label: "Entry event domain")
        let saved = entryConceptSet.isEmpty ? nil : savedSets.first { String($0.id) == entryConceptSet }
        if !entryConceptSet.isEmpty && saved == nil {
            errors["entry-concept-set"] = "Saved concept set: no concept set \(entryConceptSet)"
        }
        var entryItems = saved?.expression.items ?? []
        if saved == nil || !entryConcepts.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let typed = try await concepts(entryConcepts, field: "entry-concepts", label: "Entry concepts", in: database)
            entryItems += typed.map { ConceptSet.Item(concept: Concept(id: $0.id, name: $0.name, code: $0.code, domain: $0.domain,
                                                                       vocabulary: $0.vocabulary, conceptClass: $0.conceptClass,
                                                                       standard: $0.standardConcept),
                                                      includeDescendants: entryDescendants) }
        }
        let range = valueRange(for: domain)
        let minimumAge = number(ageMin, field: "age-min", label: "Minimum age", in: 0...150)
        let maximumAge = number(ageMax, field: "age-max", label: "Maximum age", in: 0...150)
        if let minimumAge, let maximumAge, minimumAge > maximumAge {
            errors["age-max"] = "Maximum age: must not be below the minimum age (\(minimumAge))"
        }
        let gender = self.gender.isEmpty ? nil : SimpleCohort.Gender(rawValue: self.gender)
        if !self.gender.isEmpty && gender == nil { errors["gender"] = "Gender: choose female, male or any" }
        let prior = number(priorDays, field: "prior-days", label: "Prior observation days", in: 0...36_500) ?? 0
        let exitChoice: SimpleCohort.Exit
        switch exit {
        case "days":
            exitChoice = .daysAfterEntry(number(exitDays, field: "exit-days", label: "Days after entry", in: 0...36_500, required: true) ?? 0)
        case "observation": exitChoice = .endOfObservation
        default:
            errors["exit"] = "Exit: choose the end of observation or a number of days after entry"
            exitChoice = .endOfObservation
        }
        var built: [SimpleCohort.Rule] = []
        for rule in rules where !rule.isBlank {
            if let made = try await self.rule(rule, in: database) { built.append(made) }
        }
        guard errors.isEmpty, let domain else { return nil }
        let setName = saved?.name ?? Self.setName(chosen["entry-concepts"] ?? [])
        return SimpleCohort(entry: .init(domain: domain, conceptSetName: setName, items: entryItems), firstOccurrenceOnly: firstOnly,
                            valueRange: range, minimumAge: minimumAge, maximumAge: maximumAge, gender: gender, rules: built,
                            exit: exitChoice, priorObservationDays: prior)
    }

    private mutating func rule(_ rule: Rule, in database: any Database) async throws -> SimpleCohort.Rule? {
        let label = "Rule \(rule.number)"
        let domain = self.domain(rule.domain, field: rule.id("domain"), label: "\(label) domain")
        let concepts = try await self.concepts(rule.concepts, field: rule.id("concepts"), label: "\(label) concepts", in: database)
        let before = number(rule.before, field: rule.id("before"), label: "\(label) days before", in: 0...36_500, required: true)
        let after = number(rule.after, field: rule.id("after"), label: "\(label) days after", in: 0...36_500, required: true)
        let present = rule.kind != "has-not"
        if rule.kind != "has" && rule.kind != "has-not" { errors[rule.id("kind")] = "\(label): choose has or has not" }
        let count = present ? number(rule.count, field: rule.id("count"), label: "\(label) occurrences", in: 1...1000, required: true) : 1
        guard let domain, let before, let after, let count, !concepts.isEmpty else { return nil }
        let setName = Self.setName(concepts)
        let name = rule.name.trimmingCharacters(in: .whitespacesAndNewlines)
        return SimpleCohort.Rule(
            name: name.isEmpty ? "\(present ? "Has" : "Has no") \(setName) from \(before) days before to \(after) days after entry" : name,
            events: .init(domain: domain, conceptSetName: setName, concepts: concepts, includeDescendants: rule.descendants),
            present: present, daysBefore: before, daysAfter: after, minimumCount: count)
    }

    private mutating func domain(_ text: String, field: String, label: String) -> SimpleCohort.Domain? {
        guard let domain = SimpleCohort.Domain(rawValue: text) else {
            errors[field] = "\(label): choose one of \(SimpleCohort.Domain.allCases.map(\.title).joined(separator: ", "))"
            return nil
        }
        return domain
    }

    private mutating func concepts(_ text: String, field: String, label: String, in database: any Database) async throws -> [ConceptSummary] {
        do {
            let found = try await database.concepts(typed: text, field: field)
            chosen[field] = found
            return found
        } catch let error as ConceptInputError {
            errors[field] = "\(label): \(error.reason)"
            return []
        }
    }

    private mutating func valueRange(for domain: SimpleCohort.Domain?) -> SimpleCohort.ValueRange? {
        guard !valueOp.isEmpty else { return nil }
        guard let op = RangeOperator(rawValue: valueOp) else {
            errors["value-op"] = "Value comparison: \"\(valueOp)\" is not one of \(RangeOperator.allCases.map(\.rawValue).joined(separator: ", "))"
            return nil
        }
        if let domain, domain != .measurement {
            errors["value-op"] = "Value comparison: only measurements have values (the entry domain is \(domain.title))"
        }
        let low = decimal(value, field: "value", label: "Value")
        let high = op.needsExtent ? decimal(valueExtent, field: "value-extent", label: "Upper value") : nil
        guard let low, !op.needsExtent || high != nil else { return nil }
        return SimpleCohort.ValueRange(op: op, value: low, extent: high)
    }

    private mutating func number(_ text: String, field: String, label: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            if required { errors[field] = "\(label): required" }
            return nil
        }
        guard let number = Int(trimmed) else {
            errors[field] = "\(label): must be a whole number (got \"\(trimmed.prefix(40))\")"
            return nil
        }
        guard range.contains(number) else {
            errors[field] = "\(label): must be between \(range.lowerBound) and \(range.upperBound) (got \(number))"
            return nil
        }
        return number
    }

    private mutating func decimal(_ text: String, field: String, label: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let number = Double(trimmed), number.isFinite else {
            errors[field] = trimmed.isEmpty ? "\(label): required with a comparison" : "\(label): must be a number (got \"\(trimmed.prefix(40))\")"
            return nil
        }
        return number
    }

    /// A concept set named after its concepts, as a person would name it.
    static func setName(_ concepts: [ConceptSummary]) -> String {
        let names = concepts.prefix(3).map(\.name).joined(separator: ", ")
        return concepts.count > 3 ? "\(names) and \(concepts.count - 3) more" : names
    }
}
