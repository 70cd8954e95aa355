import Foundation

extension SimpleCohort {
    /// The Circe definition: the entry concept set is set 0, rule `i`'s is set `i + 1`; age and gender are
    /// inclusion rules of their own, so the attrition shows what each removes.
    public func circeJSON() -> Data {
        let limit: CirceJSON = .object([("Type", .string(firstOccurrenceOnly ? "First" : "All"))])
        var entryCriterion: [(String, CirceJSON)] = [("CodesetId", .int(0))]
        if firstOccurrenceOnly { entryCriterion.append(("First", .bool(true))) }
        if let valueRange { entryCriterion.append(("ValueAsNumber", Self.range(valueRange))) }
        var document: [(String, CirceJSON)] = [
            ("ConceptSets", .array(([entry] + rules.map(\.events)).enumerated().map { Self.conceptSet(id: $0.offset, $0.element) })),
            ("PrimaryCriteria", .object([
                ("CriteriaList", .array([.object([(entry.domain.circeName, .object(entryCriterion))])])),
                ("ObservationWindow", .object([("PriorDays", .int(priorObservationDays)), ("PostDays", .int(0))])),
                ("PrimaryCriteriaLimit", limit),
            ])),
            ("QualifiedLimit", limit),
            ("ExpressionLimit", limit),
            ("InclusionRules", .array(demographicRules + rules.enumerated().map { Self.rule($0.element, codesetId: $0.offset + 1) })),
        ]
        if case .daysAfterEntry(let days) = exit {
            document.append(("EndStrategy", .object([("DateOffset", .object([("DateField", .string("StartDate")), ("Offset", .int(days))]))])))
        }
        document += [
            ("CensoringCriteria", .array([])),
            ("CollapseSettings", .object([("CollapseType", .string("ERA")), ("EraPad", .int(0))])),
            ("CensorWindow", .object([])),
            ("cdmVersionRange", .string(">=5.0.0")),
        ]
        return Data(CirceJSON.object(document).text.utf8)
    }

    /// The age and gender rules, named as the attrition should read them.
    private var demographicRules: [CirceJSON] {
        var rules: [CirceJSON] = []
        let age: (String, NumericRangeText)? = switch (minimumAge, maximumAge) {
        case let (low?, high?): ("Age \(low) to \(high) at entry", ("bt", low, high))
        case let (low?, nil): ("Age \(low) or older at entry", ("gte", low, nil))
        case let (nil, high?): ("Age \(high) or younger at entry", ("lte", high, nil))
        case (nil, nil): nil
        }
        if let age {
            var fields: [(String, CirceJSON)] = [("Value", .int(age.1.value)), ("Op", .string(age.1.op))]
            if let extent = age.1.extent { fields.append(("Extent", .int(extent))) }
            rules.append(Self.demographicRule(name: age.0, ("Age", .object(fields))))
        }
        if let gender {
            let concept: CirceJSON = .object([("CONCEPT_ID", .integer(gender.conceptID)), ("CONCEPT_NAME", .string(gender.rawValue.uppercased())),
                                              ("DOMAIN_ID", .string("Gender")), ("VOCABULARY_ID", .string("Gender"))])
            rules.append(Self.demographicRule(name: gender.title, ("Gender", .array([concept]))))
        }
        return rules
    }

    private typealias NumericRangeText = (op: String, value: Int, extent: Int?)

    private static func demographicRule(name: String, _ criterion: (String, CirceJSON)) -> CirceJSON {
        .object([("name", .string(name)), ("expression", group(criteria: [], demographics: [.object([criterion])]))])
    }

    private static func rule(_ rule: Rule, codesetId: Int) -> CirceJSON {
        let occurrence: CirceJSON = rule.present
            ? .object([("Type", .int(2)), ("Count", .int(rule.minimumCount))])
            : .object([("Type", .int(0)), ("Count", .int(0))])
        let window: CirceJSON = .object([
            ("Start", .object([("Days", .int(rule.daysBefore)), ("Coeff", .int(-1))])),
            ("End", .object([("Days", .int(rule.daysAfter)), ("Coeff", .int(1))])),
            ("UseIndexEnd", .bool(false)), ("UseEventEnd", .bool(false)),
        ])
        let correlated: CirceJSON = .object([
            ("Criteria", .object([(rule.events.domain.circeName, .object([("CodesetId", .int(codesetId))]))])),
            ("StartWindow", window), ("RestrictVisit", .bool(false)), ("IgnoreObservationPeriod", .bool(false)),
            ("Occurrence", occurrence),
        ])
        return .object([("name", .string(rule.name)), ("expression", group(criteria: [correlated], demographics: []))])
    }

    private static func group(criteria: [CirceJSON], demographics: [CirceJSON]) -> CirceJSON {
        .object([("Type", .string("ALL")), ("CriteriaList", .array(criteria)), ("DemographicCriteriaList", .array(demographics)),
                 ("Groups", .array([]))])
    }

    private static func range(_ range: ValueRange) -> CirceJSON {
        var fields: [(String, CirceJSON)] = [("Value", .number(range.value)), ("Op", .string(range.op.rawValue))]
        if let extent = range.extent { fields.append(("Extent", .number(extent))) }
        return .object(fields)
    }

    private static func conceptSet(id: Int, _ events: Events) -> CirceJSON {
        .object([("id", .int(id)), ("name", .string(events.conceptSetName)),
                 ("expression", .object([("items", .array(events.items.map(item)))]))])
    }

    private static func item(_ item: ConceptSet.Item) -> CirceJSON {
        let concept = item.concept
        var fields: [(String, CirceJSON)] = [("CONCEPT_ID", .integer(concept.id))]
        let attributes = [("CONCEPT_NAME", concept.name), ("STANDARD_CONCEPT", concept.standard), ("CONCEPT_CODE", concept.code),
                          ("DOMAIN_ID", concept.domain), ("VOCABULARY_ID", concept.vocabulary), ("CONCEPT_CLASS_ID", concept.conceptClass)]
        for (key, value) in attributes { if let value { fields.append((key, .string(value))) } }
        return .object([("concept", .object(fields)), ("isExcluded", .bool(item.isExcluded)),
                        ("includeDescendants", .bool(item.includeDescendants)), ("includeMapped", .bool(item.includeMapped))])
    }
}
