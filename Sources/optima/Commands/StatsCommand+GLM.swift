import ArgumentParser
import Foundation
import Statistics

/// The generalized linear models: one subcommand each, sharing their options.
extension StatsCommand {
    struct Logistic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logistic", abstract: "Logistic regression (0/1 outcome) with an intercept; odds ratios, AUC and calibration.",
            discussion: GLMOptions.penaltyDiscussion + """


                The fitted probabilities are assessed on the same rows: the AUC (ties count half) with DeLong's \
                interval, calibration-in-the-large (the intercept with logit(p) as offset), the calibration slope \
                (of logit(p)), and observed vs mean predicted risk by decile of predicted risk. On the rows a model \
                was fitted to these are optimistic; assess a prediction model on other rows before trusting it.
                """)
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.logistic) }
    }

    struct Poisson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "poisson", abstract: "Poisson regression of counts, with an offset for rates; rate ratios.",
            discussion: GLMOptions.penaltyDiscussion)
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.poisson) }
    }

    struct Linear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "linear", abstract: "Linear regression (least squares) with an intercept.",
            discussion: GLMOptions.penaltyDiscussion)
        @OptionGroup var model: GLMOptions
        func run() throws { try model.fit(.linear) }
    }
}


/// The table, columns and penalty every GLM subcommand reads, and how its fit is printed.
struct GLMOptions: ParsableArguments {
    @Option(help: "The CSV table.") var csv: String
    @Option(help: "The outcome column (0/1 for logistic, counts for Poisson).") var outcome: String
    @Option(help: "Covariate columns, comma-separated.") var covariates: String
    @Option(help: "An offset column (e.g. log person-years for Poisson rates).") var offset: String?
    @Option(help: "Penalize the coefficients (not the intercept): l1 (LASSO) or l2 (ridge); needs --lambda.") var penalty: String?
    @Option(help: "The penalty weight λ ≥ 0 (see the discussion below).") var lambda: Double?
    @Flag(help: """
        Print JSON: {"coefficients": [{"name", "coef", "se", "z", "p", "lower", "upper", "exp_coef", "exp_lower", "exp_upper"}], \
        "loglik", "n", "iterations", "family"}; with a penalty also "penalty": {"type", "lambda"} and "objective", \
        the standard errors, tests and limits null; for logistic also "auc": {"estimate", "se", "lower", "upper"} and \
        "calibration": {"in_the_large", "slope", "deciles": [{"decile", "n", "observed", "predicted"}]}.
        """) var json = false

    static let penaltyDiscussion = """
        With --penalty l1 or l2 and --lambda λ the fit minimizes −ℓ(β)/n + λ·P(β), P = Σ|βⱼ| (LASSO) or \
        ½Σβⱼ² (ridge), the intercept not penalized (glmnet's convention; scikit-learn's LogisticRegression with \
        C = 1/(nλ), Lasso with alpha = λ). Covariates are used as given: standardize them first if the penalty \
        should weigh them alike. A penalized fit prints coefficients only: the penalty biases them towards zero \
        and the LASSO chooses covariates from the same data, so Wald standard errors, p-values and intervals \
        would not mean what they say.
        """

    func validate() throws {
        if let penalty {
            guard GLMPenalty(rawValue: penalty) != nil else { throw ValidationError("--penalty must be l1 or l2 (got \"\(penalty)\")") }
            guard let lambda, lambda >= 0, lambda.isFinite else { throw ValidationError("--penalty \(penalty) needs --lambda, a number ≥ 0") }
        } else if lambda != nil {
            throw ValidationError("--lambda needs --penalty l1 or l2")
        }
    }

    func fit(_ family: GLMFamily) throws {
        let penalty = self.penalty.flatMap(GLMPenalty.init).flatMap { penalty in lambda.map { (penalty, $0) } }
        let table = try NumericTable(path: csv)
        let names = covariates.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = try names.map(table.numbers)
        let data = try GLMData(outcome: try table.numbers(outcome), covariates: table.rows.indices.map { row in columns.map { $0[row] } },
                               names: names, offset: try offset.map(table.numbers))
        let ratio = family == .logistic ? "OR" : family == .poisson ? "RR" : nil
        var document: [String: Any] = ["family": family.rawValue]
        let beta: [Double]
        if let (penalty, lambda) = penalty {
            let fit = try PenalizedGLMFit(data, family: family, penalty: penalty, lambda: lambda)
            beta = fit.coefficients
            document.merge(["coefficients": zip(fit.names, fit.coefficients).map { name, coef in
                ["name": name, "coef": coef, "exp_coef": exp(coef), "se": NSNull(), "z": NSNull(), "p": NSNull(),
                 "lower": NSNull(), "upper": NSNull(), "exp_lower": NSNull(), "exp_upper": NSNull()] as [String: Any]
            }, "penalty": ["type": penalty.rawValue, "lambda": lambda], "objective": fit.objective, "loglik": fit.logLikelihood,
            "n": fit.rows, "iterations": fit.iterations]) { $1 }
            if !json {
                print("\(family.rawValue.capitalized) regression, \(penalty.rawValue) penalty λ = \(lambda): \(fit.rows) rows, "
                      + "log-likelihood \(fit.logLikelihood), objective \(fit.objective) (no standard errors: see --help)")
                for (name, coef) in zip(fit.names, fit.coefficients) {
                    let label = name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    print(ratio.map { String(format: "  %@  %@ %.3f  coef %.5f", label, $0, exp(coef), coef) } ?? String(format: "  %@  coef %.5f", label, coef))
                }
            }
        } else {
            let fit = try GLMFit(data, family: family)
            beta = fit.coefficients.map(\.coef)
            document.merge(["coefficients": StatsCommand.document(fit.coefficients), "loglik": fit.logLikelihood, "n": fit.rows,
                            "iterations": fit.iterations]) { $1 }
            if !json {
                print("\(family.rawValue.capitalized) regression: \(fit.rows) rows, log-likelihood \(fit.logLikelihood)")
                print(StatsCommand.table(fit.coefficients, ratio: ratio))
            }
        }
        if family == .logistic {
            let predictions = data.means(beta, family: .logistic)
            let auc = try AUC(predictions: predictions, outcomes: data.outcome)
            let calibration = try Calibration(predictions: predictions, outcomes: data.outcome)
            document["auc"] = ["estimate": auc.estimate, "se": auc.standardError, "lower": auc.lower, "upper": auc.upper]
            document["calibration"] = ["in_the_large": calibration.inTheLarge, "slope": calibration.slope, "deciles": calibration.groups.map {
                ["decile": $0.group, "n": $0.count, "observed": $0.observed, "predicted": $0.predicted] as [String: Any]
            }] as [String: Any]
            if !json {
                print(String(format: "AUC %.4f (95%% CI %.4f–%.4f, DeLong); calibration-in-the-large %.4f, slope %.4f (on the fitted rows)",
                             auc.estimate, auc.lower, auc.upper, calibration.inTheLarge, calibration.slope))
                print("  decile      n  observed  predicted")
                for group in calibration.groups {
                    print(String(format: "  %6d %6d  %8.4f  %9.4f", group.group, group.count, group.observed, group.predicted))
                }
            }
        }
        if json { Terminal.printJSON(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) }
    }
}
