import DecisionSupport
import Testing

@Suite("Patient facts from JSON")
struct PatientFactsTests {
    @Test("reads every kind of field")
    func readsFields() throws {
        let facts = try PatientFacts(jsonText: """
            {"age": 65, "sex": "male", "cancer": "prostate", "psa": 12.5, "t": "cT2b", "n": "N0", "m": "M0",
             "gleasonPrimary": 4, "gleasonSecondary": 3, "biopsyCoresTaken": 12, "biopsyCoresPositive": 6,
             "lungBiomarkers": {"egfr": "L858R", "ALK": "negative"}, "priorTreatments": ["radiotherapy"],
             "diagnosisDate": "2024-03-01"}
            """)
        #expect(facts.age == 65)
        #expect(facts.t?.code == "T2b")
        #expect(facts.t?.number == 2)
        #expect(facts.t?.subcategory == "b")
        #expect(facts.effectiveGradeGroup == 3)
        #expect(facts.percentPositiveCores == 50)
        #expect(facts.lungBiomarkers?[.egfr] == "L858R")
        #expect(facts.priorTreatments == [.radiotherapy])
    }

    @Test("impossible values give one error per field, naming it")
    func impossibleValues() {
        #expect(throws: PatientFactsError.self) { try PatientFacts(jsonText: #"{"psa": -1}"#) }
        do {
            _ = try PatientFacts(jsonText: #"{"psa": -1, "t": "T9", "age": 300, "sex": "x", "lungBiomarkers": {"EGFR": "T790M"}, "psaa": 3}"#)
            Issue.record("expected an error")
        } catch {
            let fields = error.issues.map(\.field)
            #expect(fields == ["psa", "t", "age", "sex", "lungBiomarkers.EGFR", "psaa"])
            #expect(error.description.contains("\"T9\" is not a TNM T category"))
            #expect(error.description.contains("300 years is outside the possible range 0–120 years"))
            #expect(error.description.contains("-1 ng/mL is outside"))
        }
    }

    @Test("positive cores cannot exceed cores taken")
    func coresConsistency() {
        #expect(throws: PatientFactsError([.init(field: "biopsyCoresPositive", message: "13 positive cores is more than the 12 cores taken")])) {
            try PatientFacts(jsonText: #"{"biopsyCoresTaken": 12, "biopsyCoresPositive": 13}"#)
        }
    }

    @Test("the icon array always holds exactly 100 people")
    func iconArrayRounding() {
        let array = IconArray(caption: "test", shares: [
            ("a", 62.17, .filled, "#000"), ("b", 7.08, .filled, "#111"), ("c", 4.77, .filled, "#222"),
            ("d", 19.5, .open, "#333"), ("e", 6.48, .open, "#444"),
        ])
        #expect(array.categories.map(\.count) == [62, 7, 5, 20, 6])
        #expect(array.categories.reduce(0) { $0 + $1.count } == 100)
    }
}
