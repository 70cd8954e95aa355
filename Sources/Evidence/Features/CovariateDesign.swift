/// The design matrix of a model from features: a number is one column; a category is one indicator per level
/// after the first (the reference), named as `FeatureValues.indicatorName` says. Subjects missing any feature are left out
/// (complete cases) and counted. Each indicator must be 1 for at least `minimumCount` subjects and 0 for at
/// least as many, or the model is refused naming it: a coefficient must not describe a handful of people.
struct CovariateDesign {
    let names: [String]
    /// Row of each kept subject, in the order of `persons`.
    let rows: [[Double]]
    let persons: [Int64]
    let missing: Int

    init(features: [FeatureValues], persons candidates: [Int64], minimumCount: Int) throws {
        var names: [String] = []
        for values in features {
            if values.feature.isNumeric { names.append(values.title ?? values.feature.description) } else {
                guard values.levels.count >= 2 else {
                    throw EvidenceError("covariate \(values.feature) has \(values.levels.count) level(s) among the subjects: it cannot be estimated")
                }
                names += values.levels.dropFirst().map(values.indicatorName)
            }
        }
        var rows: [[Double]] = [], persons: [Int64] = [], missing = 0
        rows.reserveCapacity(candidates.count)
        subjects: for person in candidates {
            var row: [Double] = []
            for values in features {
                switch values.values[person] {
                case .number(let x)?: row.append(x)
                case .level(let level)?: row += (1..<values.levels.count).map { $0 == level ? 1 : 0 }
                case nil: missing += 1; continue subjects
                }
            }
            rows.append(row)
            persons.append(person)
        }
        var column = 0
        for values in features {
            if values.feature.isNumeric { column += 1; continue }
            for _ in 1..<values.levels.count {
                let ones = rows.count { $0[column] == 1 }
                if ones < minimumCount || rows.count - ones < minimumCount {
                    throw EvidenceError("covariate \(names[column]) is held by \(ones < minimumCount ? "fewer" : "all but fewer") than \(minimumCount) of the subjects with complete data: the disclosure rule refuses the model (merge levels or drop the covariate)")
                }
                column += 1
            }
        }
        self.names = names
        self.rows = rows
        self.persons = persons
        self.missing = missing
    }
}
