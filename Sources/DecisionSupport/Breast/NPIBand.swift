/// The four prognostic groups of the Nottingham Prognostic Index (reference §3.4).
public enum NPIBand: String, Sendable, Codable, CaseIterable {
    case excellent, good, moderate, poor
}
