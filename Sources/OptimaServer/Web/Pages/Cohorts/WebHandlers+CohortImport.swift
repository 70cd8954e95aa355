import Cohorts
import Foundation
import Hummingbird

extension WebHandlers {
    /// POST /cohorts/import: stores pasted ATLAS JSON byte for byte once it parses and compiles; otherwise the
    /// page comes back with the JSON path of the fault beside the text area.
    func cohortImport(_ web: WebRequest) async throws -> Response {
        let form = try await web.form()
        var importForm = CohortImportForm(name: form.value("import-name") ?? "", json: form.value("cohort-json") ?? "")
        let typedName = importForm.name.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let imported = try CohortImport(json: Data(importForm.json.utf8))
            if let name = imported.name ?? (typedName.isEmpty ? nil : typedName) {
                let stored = try await database.saveCohortDefinition(name: name, description: imported.description, json: imported.expression)
                return redirect(to: "/cohorts/\(stored.id)")
            }
            importForm.errors["import-name"] = "Name: the JSON carries no name; type one"
        } catch let error as CohortDefinitionError {
            importForm.errors["cohort-json"] = importForm.json.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "Cohort definition JSON: paste a definition" : "Cohort definition JSON: \(error.description)"
        } catch let error as CohortCompilationError {
            importForm.errors["cohort-json"] = "Cohort definition JSON: \(error.description)"
        }
        return try await newCohortPage(web, form: CohortForm(), importForm: importForm, status: .unprocessableContent)
    }
}
