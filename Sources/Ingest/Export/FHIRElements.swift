import CDMStore
import OMOP

/// Small FHIR elements every mapping writes: logical ids, references, dates and fixed codings.
enum FHIRElements {
    /// `<kind>-<omop id>`, e.g. `person-1`, `visit-3`.
    static func id(_ kind: String, _ value: SQLValue) -> String {
        "\(kind)-\(value.integerValue ?? 0)"
    }

    /// `{reference: "Type/kind-id"}`; nil for a NULL or 0 id.
    static func reference(_ type: String, _ kind: String, _ value: SQLValue) -> JSONValue? {
        guard let id = value.integerValue, id != 0 else { return nil }
        return .object(JSONObject([.init("reference", .string("\(type)/\(kind)-\(id)"))]))
    }

    /// `focus` of a record that qualifies another (`*_event_id` with its field concept): the Condition or
    /// Procedure it points into; nil for none or a field no resource here stands for.
    static func focus(event: SQLValue, field: SQLValue) -> JSONValue? {
        let target: JSONValue? = switch field.integerValue {
        case ConceptID.Field.conditionOccurrenceID: reference("Condition", "condition", event)
        case ConceptID.Field.procedureOccurrenceID: reference("Procedure", "procedure", event)
        default: nil
        }
        return target.map { .array([$0]) }
    }

    /// A date field as a FHIR `dateTime`: `YYYY-MM-DDThh:mm:ssZ` from the datetime column when set, else the date form.
    static func dateTime(_ date: SQLValue, _ datetime: SQLValue) -> JSONValue? {
        if let moment = dateTimeValue(datetime) {
            let (hour, minute, second) = (moment.secondOfDay / 3600, moment.secondOfDay / 60 % 60, moment.secondOfDay % 60)
            return .string("\(moment.date)T\(pad(hour)):\(pad(minute)):\(pad(second))Z")
        }
        return self.date(date)
    }

    /// A date field as a FHIR `date`.
    static func date(_ value: SQLValue) -> JSONValue? {
        value.dateValue.map { .string($0.description) }
    }

    /// `{start, end}` of whatever is set; nil when neither is.
    static func period(start: JSONValue?, end: JSONValue?) -> JSONValue? {
        guard start != nil || end != nil else { return nil }
        var period = JSONObject()
        period["start"] = start
        period["end"] = end
        return .object(period)
    }

    /// A CodeableConcept of one coding in a fixed HL7 code system.
    static func concept(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        .object(JSONObject([.init("coding", .array([coding(system, code, display)]))]))
    }

    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        var coding = JSONObject([.init("system", .string(system)), .init("code", .string(code))])
        coding["display"] = display.map(JSONValue.string)
        return .object(coding)
    }

    /// `meta.profile` of one profile.
    static func profile(_ url: String) -> JSONValue {
        .object(JSONObject([.init("profile", .array([.string(url)]))]))
    }

    private static func dateTimeValue(_ value: SQLValue) -> CDMDateTime? {
        switch value {
        case .datetime(let moment): moment
        case .date(let day): CDMDateTime(date: day)
        case .text(let text): CDMDateTime(text)
        default: nil
        }
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
