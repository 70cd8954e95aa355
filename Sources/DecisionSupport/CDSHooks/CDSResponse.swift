/// The answer to an invocation: `{"cards": [...]}`, an empty array when there is no guidance.
public struct CDSResponse: Sendable, Encodable {
    public let cards: [CDSCard]

    public init(cards: [CDSCard]) {
        self.cards = cards
    }
}

/// The discovery document: `{"services": [...]}`.
public struct CDSDiscovery: Sendable, Encodable {
    public let services: [CDSService]

    public init(services: [CDSService] = CDSService.catalog) {
        self.services = services
    }
}
