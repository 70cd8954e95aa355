import Synchronization

/// Bytes on the wire to and from one node, counted by its connection (the benchmark's bytes per round).
public final class TrafficCounter: Sendable {
    private let counts = Mutex((sent: 0, received: 0))

    public init() {}

    public func record(sent: Int, received: Int) {
        counts.withLock { $0.sent += sent; $0.received += received }
    }

    public var sent: Int { counts.withLock { $0.sent } }
    public var received: Int { counts.withLock { $0.received } }
}
