import Ingest

/// A suggestion on a card: actions the EHR applies as one transaction if the clinician accepts it.
public struct CDSSuggestion: Sendable, Encodable, Equatable {
    public struct Action: Sendable, Encodable, Equatable {
        /// `create`, `update` or `delete`.
        public let type: String
        public let description: String
        /// The resource to create or update, as FHIR JSON text; written into the card as JSON.
        public let resource: JSONValue?
        /// The resource to delete (`MedicationRequest/103`).
        public let resourceId: String?

        private enum CodingKeys: String, CodingKey {
            case type, description, resource, resourceId
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(description, forKey: .description)
            if let resource { try container.encode(EncodableJSON(resource), forKey: .resource) }
            try container.encodeIfPresent(resourceId, forKey: .resourceId)
        }
    }

    public let uuid: String
    public let label: String
    public let isRecommended: Bool?
    public let actions: [Action]
}

/// A parsed JSON value written back through `Encoder`.
struct EncodableJSON: Encodable {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number == number.rounded(), abs(number) < 1e15 { try container.encode(Int64(number)) } else { try container.encode(number) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(EncodableJSON(element)) }
        case .object(let object):
            var container = encoder.container(keyedBy: AnyKey.self)
            for member in object.members { try container.encode(EncodableJSON(member.value), forKey: AnyKey(member.key)) }
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
