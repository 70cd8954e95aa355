import OMOP

/// The cohorts ATLAS users build most often, as a few choices: one kind of entry event, an age and gender at
/// entry, a few "has / has not" rules around entry, and an exit. `circeJSON()` turns it into the Circe
/// definition ATLAS itself would write, so what is built here imports into ATLAS and back.
public struct SimpleCohort: Sendable, Equatable {
    /// The domains of entry events and rules, with their Circe criterion names.
    public enum Domain: String, Sendable, CaseIterable {
        case condition, drug, procedure, measurement, observation

        public var title: String {
            switch self {
            case .condition: "Condition"
            case .drug: "Drug exposure"
            case .procedure: "Procedure"
            case .measurement: "Measurement"
            case .observation: "Observation"
            }
        }

        var circeName: String {
            switch self {
            case .condition: "ConditionOccurrence"
            case .drug: "DrugExposure"
            case .procedure: "ProcedureOccurrence"
            case .measurement: "Measurement"
            case .observation: "Observation"
            }
        }
    }

    public enum Gender: String, Sendable, CaseIterable {
        case female, male

        public var conceptID: Int64 { self == .female ? ConceptID.Gender.female : ConceptID.Gender.male }
        public var title: String { self == .female ? "Female" : "Male" }
    }

    /// A numeric comparison of a measurement's value, e.g. PSA `> 10`.
    public struct ValueRange: Sendable, Equatable {
        public var op: RangeOperator
        public var value: Double
        /// The upper end, for `bt` and `!bt`.
        public var extent: Double?

        public init(op: RangeOperator, value: Double, extent: Double? = nil) {
            self.op = op
            self.value = value
            self.extent = extent
        }
    }

    /// A named concept set and the domain its events come from.
    public struct Events: Sendable, Equatable {
        public var domain: Domain
        public var conceptSetName: String
        public var items: [ConceptSet.Item]

        public init(domain: Domain, conceptSetName: String, items: [ConceptSet.Item]) {
            self.domain = domain
            self.conceptSetName = conceptSetName
            self.items = items
        }

        /// Concepts from the vocabulary, each with or without its descendants.
        public init(domain: Domain, conceptSetName: String, concepts: [ConceptSummary], includeDescendants: Bool) {
            self.init(domain: domain, conceptSetName: conceptSetName,
                      items: concepts.map { ConceptSet.Item(concept: Concept($0), includeDescendants: includeDescendants) })
        }
    }

    /// "Has (or has not) at least `minimumCount` events between `daysBefore` days before and `daysAfter` after entry."
    public struct Rule: Sendable, Equatable {
        public var name: String
        public var events: Events
        public var present: Bool
        public var daysBefore: Int
        public var daysAfter: Int
        public var minimumCount: Int

        public init(name: String, events: Events, present: Bool, daysBefore: Int, daysAfter: Int, minimumCount: Int = 1) {
            self.name = name
            self.events = events
            self.present = present
            self.daysBefore = daysBefore
            self.daysAfter = daysAfter
            self.minimumCount = minimumCount
        }
    }

    public enum Exit: Sendable, Equatable {
        case endOfObservation
        case daysAfterEntry(Int)
    }

    public var entry: Events
    public var firstOccurrenceOnly: Bool
    public var valueRange: ValueRange?
    public var minimumAge: Int?
    public var maximumAge: Int?
    public var gender: Gender?
    public var rules: [Rule]
    public var exit: Exit
    /// Continuous observation required before entry.
    public var priorObservationDays: Int

    public init(entry: Events, firstOccurrenceOnly: Bool = true, valueRange: ValueRange? = nil, minimumAge: Int? = nil,
                maximumAge: Int? = nil, gender: Gender? = nil, rules: [Rule] = [], exit: Exit = .endOfObservation,
                priorObservationDays: Int = 0) {
        self.entry = entry
        self.firstOccurrenceOnly = firstOccurrenceOnly
        self.valueRange = valueRange
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.gender = gender
        self.rules = rules
        self.exit = exit
        self.priorObservationDays = priorObservationDays
    }
}
