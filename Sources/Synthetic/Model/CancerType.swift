/// The three cancers Optima serves.
public enum CancerType: String, Sendable, CaseIterable, Codable {
    case prostate, breast, lung
}
