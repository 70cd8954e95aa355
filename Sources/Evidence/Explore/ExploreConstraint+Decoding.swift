import OMOP

/// Reading a constraint from JSON: every problem is an `ExploreError` naming its path.
extension ExploreConstraint {
    init(json: ExploreJSON, path: String) throws {
        let object = try ExploreObject(json, path: path)
        switch try object.string("type") {
        case "true":
            try object.allow([])
            self = .all
        case "concept":
            try object.allow(["conceptCode", "conceptCodes", "conceptId", "conceptIds", "includeDescendants"])
            self = .concept(try ExploreConceptSelection(object))
        case "value":
            try object.allow(["valueType", "operator", "value"])
            let type = try object.valueType("valueType")
            let op = try object.operator("operator", allowed: type.operators)
            self = .value(ExploreValueConstraint(valueType: type, op: op, operand: try object.operand("value", type: type, op: op)))
        case "time":
            try object.allow(["field", "operator", "values"])
            if let field = object.fields["field"] {
                let spec = try ExploreObject(field, path: object.path("field"))
                try spec.allow(["dimension", "fieldName", "type"])
                guard try spec.string("dimension") == "start time" else {
                    throw spec.error("dimension", "Explore filters on the observation start date: use \"start time\"")
                }
            }
            let op = try object.operator("operator", allowed: ExploreOperator.dateOperators)
            let dates = try object.dates("values", count: op == .between ? 2 : 1)
            self = .time(ExploreTimeConstraint(op: op, dates: dates))
        case "field":
            try object.allow(["field", "operator", "value"])
            let spec = try ExploreObject(try object.required("field"), path: object.path("field"))
            try spec.allow(["dimension", "fieldName", "type"])
            guard try spec.string("dimension") == "patient" else {
                throw spec.error("dimension", "Explore has fields of dimension \"patient\" only")
            }
            let name = try spec.string("fieldName")
            guard let field = ExplorePatientField(rawValue: name) else {
                throw spec.error("fieldName", "unknown patient field \"\(name)\"; expected one of age, sex")
            }
            if spec.fields["type"] != nil, try spec.valueType("type") != field.valueType {
                throw spec.error("type", "\(name) is \(field.valueType.rawValue)")
            }
            let op = try object.operator("operator", allowed: field.valueType.operators)
            var operand = try object.operand("value", type: field.valueType, op: op)
            if field == .sex { operand = try Self.sexOperand(operand, path: object.path("value")) }
            self = .field(ExploreFieldConstraint(field: field, op: op, operand: operand))
        case "patient_set":
            try object.allow(["patientSetId"])
            self = .patientSet(try object.integer("patientSetId"))
        case "subselection":
            try object.allow(["dimension", "constraint"])
            guard try object.string("dimension") == "patient" else {
                throw object.error("dimension", "Explore subselects dimension \"patient\" only")
            }
            self = .subselection(try ExploreConstraint(json: try object.required("constraint"), path: object.path("constraint")))
        case "and", "or":
            try object.allow(["args"])
            guard case .array(let items) = try object.required("args") else {
                throw object.error("args", "expected an array of constraints")
            }
            guard !items.isEmpty else { throw object.error("args", "needs at least one constraint") }
            let args = try items.enumerated().map { index, item in
                try ExploreConstraint(json: item, path: ExploreError.join(object.path("args"), index: index))
            }
            self = try object.string("type") == "and" ? .and(args) : .or(args)
        case "negation":
            try object.allow(["arg"])
            self = .negation(try ExploreConstraint(json: try object.required("arg"), path: object.path("arg")))
        case let other:
            throw object.error("type", "unknown constraint type \"\(other)\"; Explore reads true, concept, value, time, field, "
                                   + "patient_set, subselection, and, or, negation")
        }
    }

    /// `male`/`female` (any case), stored lower-case.
    private static func sexOperand(_ operand: ExploreOperand, path: String) throws -> ExploreOperand {
        func check(_ text: String) throws -> String {
            let lowered = text.lowercased()
            guard lowered == "male" || lowered == "female" else {
                throw ExploreError(path: path, "sex is \"male\" or \"female\" (got \"\(text)\")")
            }
            return lowered
        }
        switch operand {
        case .text(let text): return .text(try check(text))
        case .texts(let texts): return .texts(try texts.map(check))
        default: return operand
        }
    }
}

extension ExploreConceptSelection {
    init(_ object: ExploreObject) throws {
        var codes: [String] = []
        if let code = object.fields["conceptCode"] { codes.append(try object.string("conceptCode", code)) }
        if object.fields["conceptCodes"] != nil {
            codes += try object.list("conceptCodes").enumerated().map { index, item in
                try object.string(ExploreError.join("conceptCodes", index: index), item)
            }
        }
        for (index, code) in codes.enumerated() where code.split(separator: ":", maxSplits: 1).count != 2 {
            let key = object.fields["conceptCode"] != nil && index == 0 ? "conceptCode" : "conceptCodes"
            throw object.error(key, "\"\(code)\" is not VOCABULARY:CODE (e.g. SNOMED:254837009 or OMOP:4112853)")
        }
        var ids: [Int64] = []
        if object.fields["conceptId"] != nil { ids.append(try object.integer("conceptId")) }
        if object.fields["conceptIds"] != nil {
            ids += try object.list("conceptIds").enumerated().map { index, item in
                try object.integer(ExploreError.join("conceptIds", index: index), item)
            }
        }
        guard !codes.isEmpty || !ids.isEmpty else {
            throw ExploreError(path: object.path, "a concept constraint needs conceptCode, conceptCodes, conceptId or conceptIds")
        }
        var includeDescendants = true
        if let flag = object.fields["includeDescendants"] {
            guard case .bool(let value) = flag else { throw object.error("includeDescendants", "expected true or false") }
            includeDescendants = value
        }
        self.init(codes: codes, ids: ids, includeDescendants: includeDescendants)
    }
}
