/// The three cancers Optima's decision support covers.
public enum CancerSite: String, Sendable, Codable, CaseIterable {
    case prostate, breast, lung
}

/// Sex as recorded; PREDICT Breast is a model of women, PREDICT Prostate of men.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male
}

/// A receptor or marker result read as positive or negative.
public enum MarkerStatus: String, Sendable, Codable, CaseIterable {
    case positive, negative
}

/// How a breast cancer came to notice; PREDICT's `screen` input.
public enum Detection: String, Sendable, Codable, CaseIterable {
    case screen, symptomatic
}

/// Histology at the level the tools distinguish.
public enum Histology: String, Sendable, Codable, CaseIterable {
    case adenocarcinoma, squamous, largeCell = "large-cell", nonSmallCell = "non-small-cell", smallCell = "small-cell"
    case ductal, lobular, other
}
