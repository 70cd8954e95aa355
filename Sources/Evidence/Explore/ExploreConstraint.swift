import Foundation
import OMOP

/// A tranSMART v2 constraint over OMOP (ohdsi-conventions.md §8.2), the subset Explore evaluates.
///
/// As in tranSMART, `concept`, `value` and `time` are about one observation (a row of a clinical table), and
/// `and`/`or` of them apply to the same row: an `and` of two concepts is empty. Patient-level logic goes through
/// `subselection` (the patients with any matching observation); `field`, `patient_set` and `true` select
/// patients. Encodes as tranSMART JSON; decodes with errors that name the JSON path (`args[1].operator`).
public indirect enum ExploreConstraint: Codable, Sendable, Equatable {
    /// `{"type": "true"}`: every person.
    case all
    case concept(ExploreConceptSelection)
    case value(ExploreValueConstraint)
    case time(ExploreTimeConstraint)
    case field(ExploreFieldConstraint)
    /// The persons of a generated cohort (its `cohort_definition_id`).
    case patientSet(Int64)
    /// Dimension `patient`: the patients with any observation matching the constraint.
    case subselection(ExploreConstraint)
    case and([ExploreConstraint])
    case or([ExploreConstraint])
    case negation(ExploreConstraint)

    /// Reads a constraint from JSON text, with an error naming the path of what is wrong.
    public static func parse(_ data: Data) throws -> ExploreConstraint {
        let json: ExploreJSON
        do {
            json = try JSONDecoder().decode(ExploreJSON.self, from: data)
        } catch {
            throw ExploreError(path: "", "not valid JSON")
        }
        return try ExploreConstraint(json: json, path: "")
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try ExploreJSON(from: decoder), path: "")
    }

    /// The constraint as compact JSON with sorted keys: equal constraints give equal text (the cache key).
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// The concepts of a `concept` constraint: codes `VOCABULARY:CODE` (`OMOP:<concept_id>` names an id) and/or
/// concept ids (an Optima extension); a concept stands for its subtree unless `includeDescendants` is false.
public struct ExploreConceptSelection: Sendable, Equatable {
    public var codes: [String]
    public var ids: [Int64]
    public var includeDescendants: Bool

    public init(codes: [String] = [], ids: [Int64] = [], includeDescendants: Bool = true) {
        self.codes = codes
        self.ids = ids
        self.includeDescendants = includeDescendants
    }
}

/// The value type of a `value` or `field` constraint.
public enum ExploreValueType: String, Sendable, Equatable {
    case numeric = "NUMERIC"
    case string = "STRING"

    /// The operators tranSMART allows for the type (`Operator.operatorsForType`), as far as Explore evaluates them.
    var operators: [ExploreOperator] {
        switch self {
        case .numeric: [.lessThan, .greaterThan, .equal, .notEqual, .lessOrEqual, .greaterOrEqual, .in, .between]
        case .string: [.equal, .notEqual, .in]
        }
    }
}

/// A tranSMART operator, spelled as in the JSON.
public enum ExploreOperator: String, Sendable, Equatable, CaseIterable {
    case lessThan = "<"
    case greaterThan = ">"
    case equal = "="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case `in` = "in"
    case before = "<-"
    case after = "->"
    case between = "<-->"

    /// The operators of a `time` constraint.
    static let dateOperators: [ExploreOperator] = [.before, .after, .between, .lessOrEqual, .greaterOrEqual]
}

/// The right-hand side of a value comparison: one number or text, a list (`in`), or a range (`<-->`).
public enum ExploreOperand: Sendable, Equatable {
    case number(Double)
    case numbers([Double])
    case text(String)
    case texts([String])
}

/// `value`: the observation's `value_as_number` (NUMERIC) or the name of its `value_as_concept_id` (STRING,
/// compared case-insensitively, e.g. "Positive").
public struct ExploreValueConstraint: Sendable, Equatable {
    public var valueType: ExploreValueType
    public var op: ExploreOperator
    public var operand: ExploreOperand

    public init(valueType: ExploreValueType, op: ExploreOperator, operand: ExploreOperand) {
        self.valueType = valueType
        self.op = op
        self.operand = operand
    }
}

/// `time` on the observation's start date: before (`<-`), after (`->`), on or before (`<=`), on or after
/// (`>=`), between inclusive (`<-->`, two dates).
public struct ExploreTimeConstraint: Sendable, Equatable {
    public var op: ExploreOperator
    public var dates: [CDMDate]

    public init(op: ExploreOperator, dates: [CDMDate]) {
        self.op = op
        self.dates = dates
    }
}

/// The fields of dimension `patient` a `field` constraint may name.
public enum ExplorePatientField: String, Sendable, Equatable, CaseIterable {
    /// Whole years from birth to today, or to death for a person who died.
    case age
    /// `male` or `female` (the gender concept).
    case sex

    var valueType: ExploreValueType { self == .age ? .numeric : .string }
}

/// `field` on dimension `patient`.
public struct ExploreFieldConstraint: Sendable, Equatable {
    public var field: ExplorePatientField
    public var op: ExploreOperator
    public var operand: ExploreOperand

    public init(field: ExplorePatientField, op: ExploreOperator, operand: ExploreOperand) {
        self.field = field
        self.op = op
        self.operand = operand
    }
}
