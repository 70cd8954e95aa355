/// The guard checks a node runs before it computes (federated-algorithms.md §7.4). Each refusal is a
/// `FederationError` "disclosure-guard" naming the analysis and the rule; it states the threshold, never the
/// node's own count (a refused small count would otherwise leak through the error).
extension DisclosureGuards {
    /// Enough subjects to take part (v6 GLM_MINIMUM_ROWS).
    func checkRows(_ rows: Int, analysis: String, what: String = "subjects") throws {
        guard rows >= minimumRows else {
            throw refusal(analysis, "fewer than \(minimumRows) \(what) at this node (minimum_rows)")
        }
    }

    /// At most `maximumParameterRatio` parameters per subject (DataSHIELD nfilter.glm).
    func checkParameters(_ parameters: Int, rows: Int, analysis: String) throws {
        guard Double(parameters) <= maximumParameterRatio * Double(rows) else {
            throw refusal(analysis, "\(parameters) parameters exceed \(maximumParameterRatio) of the subjects at this node (maximum_parameter_ratio)")
        }
    }

    /// A 0/1 column held by at least `minimumLevelCount` subjects and left by as many (DataSHIELD nfilter.tab):
    /// otherwise its coefficient, or the outcome's, describes a handful of people.
    func checkBinary(_ ones: Int, of rows: Int, name: String, analysis: String) throws {
        guard ones >= minimumLevelCount, rows - ones >= minimumLevelCount else {
            throw refusal(analysis, "\(name) is held by \(ones < minimumLevelCount ? "fewer" : "all but fewer") than \(minimumLevelCount) subjects at this node (minimum_level_count)")
        }
    }

    /// At most `maximumLevels` levels, and at most `maximumLevelDensity` of the subjects (nfilter.levels).
    func checkLevels(_ levels: Int, rows: Int, feature: String, analysis: String) throws {
        guard levels <= maximumLevels else {
            throw refusal(analysis, "covariate \(feature) has more than \(maximumLevels) levels (maximum_levels)")
        }
        guard Double(levels) <= maximumLevelDensity * Double(rows) else {
            throw refusal(analysis, "covariate \(feature) has more levels than \(maximumLevelDensity) of the subjects at this node (maximum_level_density)")
        }
    }

    /// A cohort keeps at least `minimumSubset` of the persons in observation and leaves out at least as many
    /// (nfilter.subset, with the removal check of dsBase issue #5 against differencing).
    func checkSubset(kept: Int, of population: Int, cohort: Int, analysis: String) throws {
        guard kept >= minimumSubset, population - kept >= minimumSubset else {
            throw refusal(analysis, "cohort \(cohort) \(kept < minimumSubset ? "keeps" : "leaves out") fewer than \(minimumSubset) of the persons in observation at this node (minimum_subset)")
        }
    }

    /// At most `maximumRounds` rounds of one analysis: a coordinator probing with chosen coefficients gets few tries.
    func checkRound(_ round: Int, analysis: String) throws {
        guard round <= maximumRounds else {
            throw refusal(analysis, "round \(round) is past the \(maximumRounds) rounds this node answers (maximum_rounds)")
        }
    }

    private func refusal(_ analysis: String, _ rule: String) -> FederationError {
        FederationError("disclosure-guard", "analysis \(analysis): \(rule)")
    }
}
