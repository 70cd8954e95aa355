import Federation
import Foundation
import Testing

/// The gate every reply passes: no released count below the minimum, only short labels, finite numbers.
@Suite struct DisclosureGateTests {
    static func randomAggregates(_ stream: inout SplitMix) -> [NamedAggregate] {
        func cell() -> Int? { Int.random(in: 0..<12, using: &stream) == 0 ? nil : Int.random(in: 0...30, using: &stream) }
        return (0..<Int.random(in: 1...12, using: &stream)).map { index in
            switch Int.random(in: 0..<4, using: &stream) {
            case 0: NamedAggregate("c\(index)", .count(cell()))
            case 1: NamedAggregate("c\(index)", .counts((0..<Int.random(in: 0...20, using: &stream)).map { _ in cell() }))
            case 2: NamedAggregate("v\(index)", .vector((0..<3).map { _ in Double.random(in: -1e6...1e6, using: &stream) }))
            default: NamedAggregate("m\(index)", .matrix(rows: 2, values: (0..<4).map { _ in Double.random(in: -10...10, using: &stream) }))
            }
        }
    }

    static func cells(_ aggregates: [NamedAggregate]) -> [Int?] {
        aggregates.flatMap { aggregate -> [Int?] in
            switch aggregate.value {
            case .count(let n): [n]
            case .counts(let cells): cells
            default: []
            }
        }
    }

    @Test func noReleasedCountLiesBelowTheMinimum() throws {
        var stream = SplitMix(state: 20261127)
        for _ in 0..<2000 {
            let minimum = Int.random(in: 2...11, using: &stream)
            let guards = DisclosureGuards(minimumCellCount: minimum)
            let input = Self.randomAggregates(&stream)
            let released = try DisclosureGate.release(input, guards: guards, masked: false)
            #expect(released.map(\.name) == input.map(\.name))
            for (before, after) in zip(Self.cells(input), Self.cells(released)) {
                if let after {
                    #expect(after == 0 || after >= minimum)
                    #expect(after == before, "a released count changed")
                } else {
                    #expect(before == nil || (1..<minimum).contains(before!), "a count at or above the minimum was suppressed")
                }
            }
            // Numbers pass unchanged.
            for (a, b) in zip(input, released) {
                if case .vector = a.value { #expect(a == b) }
                if case .matrix = a.value { #expect(a == b) }
            }
        }
    }

    @Test func maskedCountsStayWholeAndNeverSuppressed() throws {
        var stream = SplitMix(state: 7)
        let guards = DisclosureGuards(minimumCellCount: 5)
        for _ in 0..<500 {
            let input = Self.randomAggregates(&stream)
            if Self.cells(input).contains(where: { $0 == nil }) {
                #expect { try DisclosureGate.release(input, guards: guards, masked: true) } throws: { ($0 as? FederationError)?.code == "disclosure" }
            } else {
                let released = try DisclosureGate.release(input, guards: guards, masked: true)
                #expect(released == input)
            }
        }
    }

    @Test func labelsNumbersAndMaskedInputFollowTheRules() throws {
        let guards = DisclosureGuards(maximumLevels: 3)
        func refused(_ value: Aggregate, masked: Bool = false) -> Bool {
            do { _ = try DisclosureGate.release([NamedAggregate("x", value)], guards: guards, masked: masked); return false } catch {
                return (error as? FederationError)?.code == "disclosure"
            }
        }
        #expect(!refused(.labels(["stage 1", "stage 2", "T12345"])))
        #expect(refused(.labels(["a", "b", "c", "d"])))
        #expect(refused(.labels([String(repeating: "x", count: 81)])))
        #expect(!refused(.labels([String(repeating: "x", count: 80)])))
        #expect(refused(.labels(["patient 123456"])))
        #expect(refused(.labels(["1999-123456"])))
        #expect(refused(.vector([1, .nan])))
        #expect(refused(.vector([.infinity])))
        #expect(refused(.matrix(rows: 1, values: [-.infinity])))
        #expect(refused(.matrix(rows: 2, values: [1, 2, 3])))
        #expect(refused(.masked(values: [1, 2], layout: [])))
        #expect(refused(.masked(values: [1, 2], layout: []), masked: true))
        #expect(refused(.count(-1)))
        #expect(refused(.counts([3, -2])))
        #expect(try DisclosureGate.release([NamedAggregate("n", .count(nil))], guards: guards, masked: false) == [NamedAggregate("n", .count(nil))])
    }

    /// A reply's JSON holds the reply's own fields and, in `aggregates`, only named aggregates of one known kind each:
    /// no field could carry anything else. Used on every real reply of the node service tests.
    static func checkShape(ofReply payload: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect(Set(object.keys).isSubset(of: ["node", "study_hash", "analysis", "step", "round", "aggregates", "noise"]), "reply fields \(object.keys.sorted())")
        let aggregates = try #require(object["aggregates"] as? [[String: Any]])
        for aggregate in aggregates {
            #expect(Set(aggregate.keys) == ["name", "value"])
            let value = try #require(aggregate["value"] as? [String: Any])
            #expect(value.count == 1 && ["count", "counts", "vector", "matrix", "labels", "masked"].contains(value.keys.first!))
        }
        if let noise = object["noise"] as? [String: Any] {
            #expect(Set(noise.keys) == ["mechanism", "scale", "sensitivity", "epsilon_spent", "epsilon_remaining"])
        }
        // And it decodes as a reply of aggregates.
        _ = try JSONDecoder().decode(StepReply.self, from: payload)
    }
}
