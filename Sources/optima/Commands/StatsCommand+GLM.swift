import ArgumentParser
import Foundation
import Statistics

/// The generalized linear models: one subcommand each, sharing their options.
extension StatsCommand {
    struct Logistic: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "logistic", abstract: "Logistic regression (0/1 outcome) with an intercept; odds ratios.")
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.logistic) }
    }

    struct Poisson: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "poisson", abstract: "Poisson regression of counts, with an offset for rates; rate ratios.")
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.poisson) }
    }

    struct Linear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "linear", abstract: "Linear regression (least squares) with an intercept.")
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.linear) }
    }
}

struct GLMOptions: ParsableArguments {
    @Option(help: "The CSV table.") var csv: String
    @Option(help: "The outcome column (0/1 for logistic, counts for Poisson).") var outcome: String
    @Option(help: "Covariate columns, comma-separated.") var covariates: String
    @Option(help: "An offset column (e.g. log person-years for Poisson rates).") var offset: String?
    @Flag(help: "Print JSON: {\"coefficients\": [...], \"loglik\", \"n\", \"iterations\", \"family\"}.") var json = false

    func fit(_ family: GLMFamily) throws {
        let table = try NumericTable(path: csv)
        let names = covariates.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = try names.map(table.numbers)
        let data = try GLMData(outcome: try table.numbers(outcome), covariates: table.rows.indices.map { row in columns.map { $0[row] } },
                               names: names, offset: try offset.map(table.numbers))
        let fit = try GLMFit(data, family: family)
        if json {
            Terminal.printJSON(try JSONSerialization.data(withJSONObject: [
                "coefficients": StatsCommand.document(fit.coefficients), "loglik": fit.logLikelihood, "n": fit.rows,
                "iterations": fit.iterations, "family": family.rawValue,
            ] as [String: Any], options: [.sortedKeys]))
        } else {
            print("\(family.rawValue.capitalized) regression: \(fit.rows) rows, log-likelihood \(fit.logLikelihood)")
            print(StatsCommand.table(fit.coefficients, ratio: family == .logistic ? "OR" : family == .poisson ? "RR" : nil))
        }
    }
}
