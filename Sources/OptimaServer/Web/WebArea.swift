import Governance

/// The sections of the navigation bar, in order, each shown only to roles that may open it.
enum WebArea: String, CaseIterable, Sendable {
    case sources, explore, vocabulary, cohorts, analyses, studies, decisionSupport, audit, signIn

    var title: String {
        switch self {
        case .sources: "Data sources"
        case .explore: "Explore"
        case .vocabulary: "Vocabulary"
        case .cohorts: "Cohorts"
        case .analyses: "Analyses"
        case .studies: "Studies"
        case .decisionSupport: "Decision support"
        case .audit: "Audit"
        case .signIn: "Sign in"
        }
    }

    /// The page the navigation links to; nil for areas not in the bar.
    var route: WebRoute? {
        switch self {
        case .sources: .sources
        case .explore: .explore
        case .vocabulary: .vocabulary
        case .cohorts: .cohorts
        case .analyses: .analyses
        case .studies: .studies
        case .decisionSupport: .decisionSupport
        case .audit: .audit
        case .signIn: nil
        }
    }
}
