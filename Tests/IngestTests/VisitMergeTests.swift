import CDMStore
import CDMTestSupport
import Governance
import OMOP
import Synthetic
import Testing

@testable import Ingest

/// ETL-Synthea's visit rules (fhir-to-omop reference §2.2): the pure assignment, then the whole pass in a database.
@Suite struct VisitMergeTests {
    static let inpatient = ConceptID.Visit.inpatient, emergency = ConceptID.Visit.emergency, outpatient = ConceptID.Visit.outpatient

    /// An encounter from `start` to `end` ("YYYY-MM-DD" or "YYYY-MM-DD HH").
    static func encounter(_ id: Int64, _ concept: Int64, _ start: String, _ end: String) -> VisitMerge.Encounter {
        func parse(_ text: String) -> CDMDateTime {
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " }).map { Int($0)! }
            let date = CDMDate(year: parts[0], month: parts[1], day: parts[2])!
            return CDMDateTime(date: date, secondOfDay: parts.count > 3 ? parts[3] * 3600 : 0)
        }
        let from = parse(start), to = parse(end)
        return .init(id: id, concept: concept, start: from.date, end: to.date, startTime: from, endTime: to)
    }

    /// Encounter id → the visit it was assigned to.
    static func visits(_ encounters: [VisitMerge.Encounter]) -> [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: VisitMerge.assign(encounters).map { ($0.encounter, $0.visit) })
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CDMDate { CDMDate(year: year, month: month, day: day)! }

    @Test func inpatientStaysAtMostOneDayApartMerge() {
        let encounters = [
            Self.encounter(1, Self.inpatient, "2020-01-01", "2020-01-03"),
            Self.encounter(2, Self.inpatient, "2020-01-04", "2020-01-06"),  // starts the day after: merges
            Self.encounter(3, Self.inpatient, "2020-01-08", "2020-01-09"),  // a full day between: a new stay
        ]
        let assignments = VisitMerge.assign(encounters)
        #expect(Self.visits(encounters) == [1: 1, 2: 1, 3: 3])
        let merged = assignments.first { $0.encounter == 2 }
        #expect(merged?.start == Self.day(2020, 1, 1))
        #expect(merged?.end == Self.day(2020, 1, 6))
    }

    @Test func emergencyEncountersOnTheSameDayMerge() {
        let encounters = [
            Self.encounter(10, Self.emergency, "2020-03-01 08", "2020-03-01 09"),
            Self.encounter(11, Self.emergency, "2020-03-01 20", "2020-03-02 01"),
            Self.encounter(12, Self.emergency, "2020-03-02 08", "2020-03-02 09"),
        ]
        #expect(Self.visits(encounters) == [10: 10, 11: 10, 12: 12])
        #expect(VisitMerge.assign(encounters).first { $0.encounter == 10 }?.end == Self.day(2020, 3, 2))
    }

    @Test func outpatientEncountersWithTheSameStartMerge() {
        let encounters = [
            Self.encounter(21, Self.outpatient, "2020-04-01 09", "2020-04-01 10"),
            Self.encounter(20, Self.outpatient, "2020-04-01 09", "2020-04-01 12"),
        ]
        let assignments = VisitMerge.assign(encounters)
        #expect(Self.visits(encounters) == [20: 20, 21: 20])
        #expect(assignments.allSatisfy { $0.endTime == CDMDateTime(date: Self.day(2020, 4, 1), secondOfDay: 12 * 3600) })
    }

    @Test func emergencyAndOutpatientEncountersInsideAnInpatientStayFoldIntoIt() {
        let encounters = [
            Self.encounter(31, Self.emergency, "2020-05-02 03", "2020-05-02 05"),
            Self.encounter(30, Self.inpatient, "2020-05-01 10", "2020-05-05 10"),
            Self.encounter(32, Self.outpatient, "2020-05-04 09", "2020-05-04 10"),
        ]
        let assignments = VisitMerge.assign(encounters)
        #expect(Self.visits(encounters) == [30: 30, 31: 30, 32: 30])
        #expect(assignments.allSatisfy { $0.start == Self.day(2020, 5, 1) && $0.end == Self.day(2020, 5, 5) })
    }

    @Test func encountersOnDifferentDaysOrOfDifferentKindsStayApart() {
        let encounters = [
            Self.encounter(40, Self.outpatient, "2020-06-01 09", "2020-06-01 10"),
            Self.encounter(41, Self.outpatient, "2020-06-02 09", "2020-06-02 10"),
            Self.encounter(42, Self.emergency, "2020-06-01 09", "2020-06-01 10"),
            Self.encounter(43, Self.inpatient, "2020-06-10", "2020-06-11"),
            Self.encounter(44, Self.emergency, "2020-06-09 22", "2020-06-10 02"),  // starts before the stay: not inside it
        ]
        #expect(Self.visits(encounters) == [40: 40, 41: 41, 42: 42, 43: 43, 44: 44])
    }

    /// Three encounters, one inside another's stay: two visits, three visit details pointing at the surviving
    /// visits, and a diagnosis made in the folded encounter points at the survivor but keeps its own detail.
    @Test(arguments: TestDatabases.backends)
    func mergedEncountersKeepTheirVisitDetailsAndTheirEvents(_ backend: TestDatabases.Backend) async throws {
        typealias F = FHIRFixtures
        let folder = try F.folder(resources: [
            F.patient("p"),
            F.encounter("e-stay", patient: "p", classCode: "IMP", start: "2020-01-01T10:00:00Z", end: "2020-01-03T10:00:00Z"),
            F.encounter("e-er", patient: "p", classCode: "EMER", start: "2020-01-02T03:00:00Z", end: "2020-01-02T05:00:00Z"),
            F.encounter("e-later", patient: "p", classCode: "AMB", start: "2020-02-01T09:00:00Z", end: "2020-02-01T09:30:00Z"),
            F.condition("c", patient: "p", code: "254837009", onset: "2020-01-02", encounter: "e-er"),
        ])
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: Pseudonymizer(secrets: .generate()))
            #expect(report.resourcesRejected == 0, "\(report.rejections)")
            #expect(report.visitsMerged == 1)
            #expect(report.rowsWritten["visit_occurrence"] == 2)
            #expect(report.rowsWritten["visit_detail"] == 3)

            let visits = try await db.query("SELECT visit_occurrence_id AS id, visit_concept_id AS concept, visit_start_date AS start, visit_end_date AS stop FROM visit_occurrence")
            #expect(visits.count == 2)
            let stay = try #require(visits.first { $0["concept"].integerValue == Self.inpatient })
            let stayID = try #require(stay["id"].integerValue)
            #expect(stay["start"].dateValue == Self.day(2020, 1, 1))
            #expect(stay["stop"].dateValue == Self.day(2020, 1, 3))
            let later = try #require(visits.first { $0["concept"].integerValue == Self.outpatient }?["id"].integerValue)

            let details = try await db.query("SELECT visit_detail_id AS id, visit_detail_concept_id AS concept, visit_occurrence_id AS visit FROM visit_detail")
            #expect(details.count == 3)
            let byConcept = Dictionary(details.map { ($0["concept"].integerValue!, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byConcept[Self.inpatient]?["visit"].integerValue == stayID)
            #expect(byConcept[Self.emergency]?["visit"].integerValue == stayID)
            #expect(byConcept[Self.outpatient]?["visit"].integerValue == later)

            let condition = try #require(try await db.query("SELECT visit_occurrence_id, visit_detail_id FROM condition_occurrence").first)
            #expect(condition["visit_occurrence_id"].integerValue == stayID)
            #expect(condition["visit_detail_id"].integerValue == byConcept[Self.emergency]?["id"].integerValue)
        }
    }
}
