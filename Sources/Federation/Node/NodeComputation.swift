import CDMStore

/// What a node computes for a step on its own CDM: generates the study's cohorts once, then answers each step
/// with raw aggregates. Refuses (throws `FederationError` "disclosure-guard") when a DataSHIELD-style guard
/// fails. Its output still goes through `DisclosureGate` before it leaves the node.
public struct NodeComputation: Sendable {
    public let database: any Database
    public let study: StudySpecification
    public let guards: DisclosureGuards

    public init(database: any Database, study: StudySpecification, guards: DisclosureGuards) {
        self.database = database
        self.study = study
        self.guards = guards
    }

    /// Generates (or finds already generated for this study hash) the study's cohorts in the node's CDM.
    public func prepare() async throws {
        fatalError("NodeComputation.prepare: being written")
    }

    /// The raw aggregates of one step (counts not yet suppressed; that is the gate's job).
    public func compute(_ request: StepRequest) async throws -> [NamedAggregate] {
        fatalError("NodeComputation.compute: being written")
    }
}
