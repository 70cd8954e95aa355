import CDMStore
import OMOP

/// The value elements of an Observation, shared by measurements and observations.
extension ExportVocabulary {
    static let ucum = "http://unitsofmeasure.org"

    /// `valueQuantity`: the number with its unit, in UCUM when the unit concept is a UCUM one.
    func quantity(_ number: Double, unit: SQLValue, unitText: SQLValue) -> JSONValue {
        var quantity = JSONObject([.init("value", .number(number))])
        let concept = unit.integerValue.flatMap { concepts[$0] }
        if let concept, concept.vocabularyID == "UCUM" {
            quantity["unit"] = .string(unitText.textValue ?? concept.code)
            quantity["system"] = .string(Self.ucum)
            quantity["code"] = .string(concept.code)
        } else if let text = unitText.textValue, !text.isEmpty {
            quantity["unit"] = .string(text)
        }
        return .object(quantity)
    }

    /// Sets the one `value[x]` a row has: a number, else a string, else a value concept.
    func setValue(of observation: inout JSONObject, number: SQLValue, string: SQLValue = .null, concept: SQLValue, unit: SQLValue, unitText: SQLValue) {
        if let number = number.doubleValue {
            observation["valueQuantity"] = quantity(number, unit: unit, unitText: unitText)
        } else if let string = string.textValue, !string.isEmpty {
            observation["valueString"] = .string(string)
        } else if let value = codeableConcept(concept) {
            observation["valueCodeableConcept"] = value
        }
    }
}
