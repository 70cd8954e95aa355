import DecisionSupport
import Foundation
import Ingest

/// The facts read from a patient's record, labelled as the forms label them: what the clinician checks before
/// trusting the tools' answers.
struct PatientFactsView {
    let facts: PatientFacts

    var html: HTML {
        H.details(.class("card"), .id("patient-facts"), .flag("open")) {
            H.summary { "Facts read from the record (\(rows.count))" }
            H.dl {
                for row in rows {
                    H.dt { ToolForm.label(of: row.fact) }
                    H.dd(.data("fact", row.fact)) { row.value }
                }
            }
        }
    }

    /// The facts as their JSON document spells them, one row each, in name order.
    var rows: [(fact: String, value: String)] {
        guard let data = try? JSONEncoder().encode(facts), let document = try? JSONParser.parse(String(decoding: data, as: UTF8.self)),
              let object = document.object else { return [] }
        return object.members.sorted { $0.key < $1.key }.map { ($0.key, Self.text($0.value)) }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "unknown"
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .array(let list): list.map(text).joined(separator: ", ")
        case .object(let object): object.members.sorted { $0.key < $1.key }.map { "\($0.key) \(text($0.value))" }.joined(separator: ", ")
        }
    }
}
