import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Governance
import Synthetic
import Testing

/// A person who objects is left out of the next generation of every cohort, and back in once they withdraw.
@Suite struct ConsentCohortTests {
    static let definition = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cohorts/breast-cancer.json")

    static func subjects(_ db: any Database) async throws -> Set<Int64> {
        Set(try await db.query("SELECT DISTINCT subject_id FROM cohort WHERE cohort_definition_id = 1").compactMap { $0["subject_id"].integerValue })
    }

    @Test(arguments: TestDatabases.backends)
    func anObjectingPersonLeavesTheNextGenerationAndComesBackOnWithdrawal(_ backend: TestDatabases.Backend) async throws {
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1_500, seed: 3), site: .single, persons: 0..<1_500,
                                                pseudonymizer: pseudonymizer)
            let expression = try CohortExpression.parse(try Data(contentsOf: Self.definition))
            _ = try await db.generateCohort(expression, cohortID: 1)
            let everyone = try await Self.subjects(db)
            let person = try #require(everyone.min())
            #expect(everyone.count > 5)

            #expect(try await db.recordObjection(candidates: pseudonymizer.candidates("synthetic-\(person)")))
            let generation = try await db.generateCohort(expression, cohortID: 1)
            #expect(try await Self.subjects(db) == everyone.subtracting([person]))
            #expect(generation.persons == everyone.count - 1)

            #expect(try await db.withdrawObjection(candidates: pseudonymizer.candidates("synthetic-\(person)")))
            _ = try await db.generateCohort(expression, cohortID: 1)
            #expect(try await Self.subjects(db) == everyone)
        }
    }

    @Test func theGenerationScriptCreatesTheRegisterItReads() throws {
        let script = try CohortCompiler(try CohortExpression.parse(try Data(contentsOf: Self.definition)), cohortID: 1, dialect: .sqlite).script()
        let create = try #require(script.range(of: "CREATE TABLE IF NOT EXISTS optima_objection"))
        let read = try #require(script.range(of: ConsentRegister.objectingPersonIDs))
        #expect(create.lowerBound < read.lowerBound)
    }
}
