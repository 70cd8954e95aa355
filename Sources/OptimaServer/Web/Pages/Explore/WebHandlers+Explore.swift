import Evidence
import Foundation
import Hummingbird

/// The Explore page (tranSMART / Glowing Bear style): the concept tree with counts on the left, the query with its
/// live count on the right. Without JavaScript, a constraint posted as `GET /explore?constraint=<json>` is counted here.
extension WebHandlers {
    func explorePage(_ web: WebRequest) async throws -> Response {
        let text = web.query("constraint")?.trimmingCharacters(in: .whitespacesAndNewlines)
        var view = ExplorePage(csrf: web.csrfToken, tree: try await explore.tree(parent: nil), constraintText: text ?? "")
        if let text, !text.isEmpty {
            do {
                view.counts = try await explore.counts(try ExploreConstraint.parse(Data(text.utf8)))
            } catch let error as ExploreError {
                view.constraintError = error.description
            }
        } else {
            view.counts = try await explore.counts(.all)
        }
        return page(web, title: "Explore", area: .explore, scripts: ["explore.js"]) { view.html }
    }

    /// Saves the query's patients as a cohort and shows it; a missing name or a bad constraint re-renders the page
    /// with the message next to its field.
    func exploreSave(_ web: WebRequest) async throws -> Response {
        let form = try await web.form()
        let name = form.value("name")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let text = form.value("constraint")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var view = ExplorePage(csrf: web.csrfToken, tree: try await explore.tree(parent: nil), constraintText: text, cohortName: name)
        if name.isEmpty { view.nameError = "Cohort name: must not be empty" }
        var constraint: ExploreConstraint?
        do {
            constraint = try ExploreConstraint.parse(Data((text.isEmpty ? #"{"type": "true"}"# : text).utf8))
        } catch let error as ExploreError {
            view.constraintError = error.description
        }
        if let constraint, view.nameError == nil {
            do {
                let saved = try await explore.saveCohort(name: name, constraint: constraint)
                return redirect(to: "/cohorts/\(saved.id)")
            } catch let error as ExploreError {
                view.constraintError = error.description
            }
        }
        return page(web, title: "Explore", area: .explore, scripts: ["explore.js"], status: .badRequest) { view.html }
    }
}
