import CDMTestSupport
import Crypto
import Federation
import Foundation
import Testing

/// The study document: read whole, identified by the SHA-256 of its bytes, every problem named by its field.
@Suite struct StudySpecificationTests {
    static let example = TestNetwork.repository.appendingPathComponent("examples/studies/breast-network.json")

    @Test func theExampleReadsAndItsHashIsTheHashOfItsBytes() throws {
        let bytes = try Data(contentsOf: Self.example)
        let study = try StudySpecification(contentsOf: Self.example)
        #expect(study.hash == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        #expect(study.cohorts.map(\.id) == [1])
        #expect(study.analyses.map(\.type) == [.counts, .characterization, .kaplanMeier, .cox, .logistic, .poisson, .incidence, .lassoLogistic])
        #expect(study.nodes == ["site1", "site2", "site3"] && study.requiredNodes == 3)
        // One byte more is another study.
        var changed = bytes
        changed.append(UInt8(ascii: "\n"))
        #expect(try StudySpecification(document: changed).hash != study.hash)
    }

    @Test func everyProblemIsNamedByItsFieldAndReportedTogether() throws {
        let cohort = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as! [String: Any]
        let definition = (cohort["cohorts"] as! [[String: Any]])[0]["definition"]!
        let document: [String: Any] = [
            "schema": "optima-study/0",
            "title": "misspelt name",
            "cohorts": [["id": 1, "definition": definition], ["id": 1, "definition": ["ConceptSets": "nope"]]],
            "analyses": [
                ["id": "km", "type": "kaplan-meier"],
                ["id": "km", "type": "cox", "cohort": 9],
                ["id": "model", "type": "logistic", "cohort": 1, "horizon_days": -5],
                ["id": "x", "type": "survival"],
            ],
            "privacy": ["exact_survival_times": true, "minimum_cell_count": 0],
            "nodes": ["site1", "site2"],
            "minimum_nodes": 4,
        ]
        #expect { try StudySpecification(document: JSONSerialization.data(withJSONObject: document)) } throws: { error in
            guard let error = error as? FederationError, error.code == "invalid-study" else { return false }
            let expected = [
                "schema: \"optima-study/0\"", "name: missing", "title: not a field of a study", "cohorts[1].id: 1 is used twice",
                "cohorts[1].definition", "analyses[0].cohort", "analyses[1].id: \"km\" is used twice", "analyses[1].cohort: 9 is not a cohort",
                "analyses[1].covariates", "analyses[2].covariates", "analyses[2].horizon_days", "analyses[3]",
                "privacy.minimum_cell_count", "privacy.exact_survival_times: needs secure_aggregation", "minimum_nodes: 4",
            ]
            let missing = expected.filter { !error.message.contains($0) }
            #expect(missing.isEmpty, "not named: \(missing) in \(error.message)")
            return missing.isEmpty
        }
    }

    @Test func secureAggregationNeedsThreeAnsweringNodes() throws {
        let example = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as! [String: Any]
        var document = example
        document["privacy"] = ["secure_aggregation": true]
        document["minimum_nodes"] = 2
        #expect { try StudySpecification(document: JSONSerialization.data(withJSONObject: document)) } throws: { error in
            (error as? FederationError)?.message.contains("privacy.secure_aggregation: needs at least 3 answering nodes") == true
        }
        document["minimum_nodes"] = 3
        #expect(try StudySpecification(document: JSONSerialization.data(withJSONObject: document)).privacy.secureAggregation)
    }

    @Test func aFileThatCannotBeReadIsNamed() {
        let missing = URL(fileURLWithPath: "/nonexistent/study.json")
        #expect { try StudySpecification(contentsOf: missing) } throws: { error in
            (error as? FederationError)?.message.hasPrefix("/nonexistent/study.json: cannot be read") == true
        }
    }
}
