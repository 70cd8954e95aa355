/// The one place that decides what may leave a node. Every reply passes through `release` just before it is
/// signed and sent: counts are 0 or at least the minimum (smaller ones suppressed), labels are short names, and
/// nothing else than `Aggregate` values can be in a reply.
public enum DisclosureGate {
    /// - Parameter masked: the reply will be masked for secure aggregation, so the coordinator sees only the sum
    ///   over nodes; counts are then left whole here, and the coordinator suppresses small cells of the sum.
    public static func release(_ aggregates: [NamedAggregate], guards: DisclosureGuards, masked: Bool) throws -> [NamedAggregate] {
        fatalError("DisclosureGate.release: being written")
    }
}
