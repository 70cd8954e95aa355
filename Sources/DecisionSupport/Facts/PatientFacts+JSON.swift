import Foundation
import Ingest
import OMOP

extension PatientFacts {
    /// Reads facts from a JSON object, checking every value: an impossible value (PSA below 0, `T9`, age 300) or
    /// an unknown field name is an error naming the field, and all such errors are reported together.
    public init(json: JSONValue) throws(PatientFactsError) {
        guard let object = json.object else {
            throw PatientFactsError([.init(field: "(document)", message: "patient facts must be a JSON object")])
        }
        var reader = FieldReader()
        self.init()
        for member in object.members {
            reader.read(member.key, member.value, into: &self)
        }
        if let positive = biopsyCoresPositive, let taken = biopsyCoresTaken, positive > taken {
            reader.fail("biopsyCoresPositive", "\(positive) positive cores is more than the \(taken) cores taken")
        }
        if let cores = coresGradeGroup4OrMore, let positive = biopsyCoresPositive, cores > positive {
            reader.fail("coresGradeGroup4OrMore", "\(cores) is more than the \(positive) positive cores")
        }
        guard reader.issues.isEmpty else { throw PatientFactsError(reader.issues) }
    }

    /// Reads facts from JSON text.
    public init(jsonText: String) throws(PatientFactsError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(jsonText)
        } catch {
            throw PatientFactsError([.init(field: "(document)", message: error.description)])
        }
        try self.init(json: value)
    }
}

/// Reads one member at a time and collects what is wrong, so that one reply lists every bad field.
private struct FieldReader {
    var issues: [PatientFactsError.Issue] = []

    mutating func fail(_ field: String, _ message: String) {
        issues.append(.init(field: field, message: message))
    }

    mutating func read(_ key: String, _ value: JSONValue, into facts: inout PatientFacts) {
        if case .null = value { return }
        switch key {
        case "age": facts.age = number(key, value, in: 0...120, unit: "years")
        case "sex": facts.sex = choice(key, value)
        case "cancer": facts.cancer = choice(key, value)
        case "histology": facts.histology = choice(key, value)
        case "diagnosisDate":
            guard let text = value.string, let date = CDMDate(text) else { return fail(key, "expected a date YYYY-MM-DD") }
            facts.diagnosisDate = date
        case "t": facts.t = category(key, value, .t)
        case "n": facts.n = category(key, value, .n)
        case "m": facts.m = category(key, value, .m)
        case "stageGroup":
            let groups = ["0", "occult", "I", "IA", "IA1", "IA2", "IA3", "IB", "IC", "II", "IIA", "IIB", "IIC",
                          "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB", "IVC"]
            guard let text = value.string, let group = groups.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
                return fail(key, "expected a stage group such as IIIA (one of \(groups.joined(separator: ", ")))")
            }
            facts.stageGroup = group
        case "tumourSizeMM": facts.tumourSizeMM = number(key, value, in: 0...500, unit: "mm")
        case "lungTumourFeatures": facts.lungTumourFeatures = list(key, value)
        case "grade": facts.grade = integer(key, value, in: 1...3)
        case "gleasonPrimary": facts.gleasonPrimary = integer(key, value, in: 1...5)
        case "gleasonSecondary": facts.gleasonSecondary = integer(key, value, in: 1...5)
        case "gradeGroup": facts.gradeGroup = integer(key, value, in: 1...5)
        case "biopsyCoresTaken": facts.biopsyCoresTaken = integer(key, value, in: 1...100)
        case "biopsyCoresPositive": facts.biopsyCoresPositive = integer(key, value, in: 0...100)
        case "maxCoreInvolvementPercent": facts.maxCoreInvolvementPercent = number(key, value, in: 0...100, unit: "%")
        case "coresGradeGroup4OrMore": facts.coresGradeGroup4OrMore = integer(key, value, in: 0...100)
        case "positiveNodes": facts.positiveNodes = integer(key, value, in: 0...100)
        case "psa": facts.psa = number(key, value, in: 0...10_000, unit: "ng/mL")
        case "psaDensity": facts.psaDensity = number(key, value, in: 0...100, unit: "ng/mL/g")
        case "erStatus": facts.erStatus = choice(key, value)
        case "erPercent": facts.erPercent = number(key, value, in: 0...100, unit: "%")
        case "prStatus": facts.prStatus = choice(key, value)
        case "prPercent": facts.prPercent = number(key, value, in: 0...100, unit: "%")
        case "her2Status": facts.her2Status = choice(key, value)
        case "ki67Percent": facts.ki67Percent = number(key, value, in: 0...100, unit: "%")
        case "ki67Status": facts.ki67Status = choice(key, value)
        case "brcaCarrier": facts.brcaCarrier = flag(key, value)
        case "lungBiomarkers": facts.lungBiomarkers = biomarkers(key, value)
        case "pdl1TPS": facts.pdl1TPS = number(key, value, in: 0...100, unit: "%")
        case "detection": facts.detection = choice(key, value)
        case "postmenopausal": facts.postmenopausal = flag(key, value)
        case "comorbidity": facts.comorbidity = flag(key, value)
        case "performanceStatus": facts.performanceStatus = integer(key, value, in: 0...4)
        case "priorTreatments": facts.priorTreatments = list(key, value)
        case "chemotherapyGeneration":
            guard let generation = value.number, generation == 2 || generation == 3 else {
                return fail(key, "expected 2 or 3 (the chemotherapy generation)")
            }
            facts.chemotherapyGeneration = Int(generation)
        default: fail(key, "unknown field (see the README's patient-facts table)")
        }
    }

    private mutating func number(_ key: String, _ value: JSONValue, in range: ClosedRange<Double>, unit: String) -> Double? {
        guard let number = value.number else { fail(key, "expected a number in \(unit)"); return nil }
        guard range.contains(number) else {
            fail(key, "\(number.factText) \(unit) is outside the possible range \(range.lowerBound.factText)–\(range.upperBound.factText) \(unit)")
            return nil
        }
        return number
    }

    private mutating func integer(_ key: String, _ value: JSONValue, in range: ClosedRange<Int>) -> Int? {
        guard let number = value.number, number == number.rounded(), abs(number) < 1e9 else { fail(key, "expected a whole number"); return nil }
        guard range.contains(Int(number)) else {
            fail(key, "\(Int(number)) is outside the possible range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return Int(number)
    }

    private mutating func flag(_ key: String, _ value: JSONValue) -> Bool? {
        guard let flag = value.bool else { fail(key, "expected true or false"); return nil }
        return flag
    }

    private mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ value: JSONValue) -> Choice?
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        guard let text = value.string, let choice = Choice(rawValue: text) else {
            fail(key, "expected one of \(names.joined(separator: ", "))")
            return nil
        }
        return choice
    }

    private mutating func list<Choice: RawRepresentable & CaseIterable>(_ key: String, _ value: JSONValue) -> [Choice]?
    where Choice.RawValue == String {
        guard let elements = value.array else { fail(key, "expected an array"); return nil }
        var result: [Choice] = []
        for (index, element) in elements.enumerated() {
            guard let choice: Choice = choice("\(key)[\(index)]", element) else { continue }
            result.append(choice)
        }
        return result
    }

    private mutating func category(_ key: String, _ value: JSONValue, _ axis: TNMCategory.Axis) -> TNMCategory? {
        guard let text = value.string, let category = TNMCategory(text, axis: axis) else {
            let shown = value.string.map { "\"\($0)\"" } ?? "this value"
            fail(key, "\(shown) is not a TNM \(axis.rawValue) category (one of \(TNMCategory.accepted[axis]!.joined(separator: ", ")))")
            return nil
        }
        return category
    }

    private mutating func biomarkers(_ key: String, _ value: JSONValue) -> [LungGene: String]? {
        guard let object = value.object else { fail(key, "expected an object of gene → result"); return nil }
        var result: [LungGene: String] = [:]
        for member in object.members {
            let field = "\(key).\(member.key)"
            guard let gene = LungGene.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(member.key) == .orderedSame }) else {
                fail(field, "unknown gene (one of \(LungGene.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            let accepted = ["negative"] + gene.acceptedResults
            guard let text = member.value.string, let match = accepted.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
                fail(field, "expected one of \(accepted.joined(separator: ", "))")
                continue
            }
            result[gene] = match
        }
        return result
    }
}
