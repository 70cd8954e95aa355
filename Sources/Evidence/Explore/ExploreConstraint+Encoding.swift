/// Writing a constraint as tranSMART JSON (the shape it was read from, with Explore's normal spellings).
extension ExploreConstraint {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct FieldSpec: Encodable {
        let dimension: String
        let fieldName: String
        let type: String
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        func put<T: Encodable>(_ key: String, _ value: T) throws { try container.encode(value, forKey: Key(key)) }
        switch self {
        case .all:
            try put("type", "true")
        case .concept(let selection):
            try put("type", "concept")
            if selection.codes.count == 1 { try put("conceptCode", selection.codes[0]) }
            if selection.codes.count > 1 { try put("conceptCodes", selection.codes) }
            if selection.ids.count == 1 { try put("conceptId", selection.ids[0]) }
            if selection.ids.count > 1 { try put("conceptIds", selection.ids) }
            if !selection.includeDescendants { try put("includeDescendants", false) }
        case .value(let value):
            try put("type", "value")
            try put("valueType", value.valueType.rawValue)
            try put("operator", value.op.rawValue)
            try encodeOperand(value.operand, into: &container)
        case .time(let time):
            try put("type", "time")
            try put("field", FieldSpec(dimension: "start time", fieldName: "startDate", type: "DATE"))
            try put("operator", time.op.rawValue)
            try put("values", time.dates.map(\.description))
        case .field(let field):
            try put("type", "field")
            try put("field", FieldSpec(dimension: "patient", fieldName: field.field.rawValue, type: field.field.valueType.rawValue))
            try put("operator", field.op.rawValue)
            try encodeOperand(field.operand, into: &container)
        case .patientSet(let id):
            try put("type", "patient_set")
            try put("patientSetId", id)
        case .subselection(let inner):
            try put("type", "subselection")
            try put("dimension", "patient")
            try put("constraint", inner)
        case .and(let args):
            try put("type", "and")
            try put("args", args)
        case .or(let args):
            try put("type", "or")
            try put("args", args)
        case .negation(let arg):
            try put("type", "negation")
            try put("arg", arg)
        }
    }

    private func encodeOperand(_ operand: ExploreOperand, into container: inout KeyedEncodingContainer<Key>) throws {
        switch operand {
        case .number(let number): try container.encode(number, forKey: Key("value"))
        case .numbers(let numbers): try container.encode(numbers, forKey: Key("value"))
        case .text(let text): try container.encode(text, forKey: Key("value"))
        case .texts(let texts): try container.encode(texts, forKey: Key("value"))
        }
    }
}
