extension APIEndpoint {
    /// One line for the OpenAPI document.
    var summary: String {
        switch self {
        case .health: "Liveness: answers while the server runs."
        case .info: "CDM version, vocabulary version and row counts per table, as `optima info --json`."
        case .openAPI: "This API as an OpenAPI 3.1 document."
        case .metrics: "Request counts and latencies in Prometheus text format."
        case .me: "The caller's identity: name, role, kind and permissions."
        case .listCohorts: "The stored cohort definitions: id, name, description."
        case .createCohort: "Store a cohort definition: ATLAS JSON as is, or WebAPI's {name, description, expression}; answers 201 with its id."
        case .cohort: "A cohort definition with its last generation: persons, rows and attrition; counts under the minimum cell count read \"<5\"."
        case .generateCohort: "Generate the cohort into the CDM's cohort table; answers as GET /api/cohorts/{id}."
        case .characterization: "A Table 1 of a target cohort (and a comparator) with SMDs; body: settings as `optima analyze characterize --json` echoes them."
        case .incidence: "Incidence rates per 1,000 person-years, overall and by strata; body: incidence settings."
        case .survival: "Kaplan–Meier survival by strata; body: survival settings; `?format=svg` answers the picture."
        case .cox: "A Cox model on baseline features; body: survival settings with covariates; `?format=svg` answers the forest plot."
        case .dataSourceSummary: "The data source at a glance (persons by age and sex, observation time, records and top concepts per domain); body: optional settings; `?format=svg` answers the age/sex pyramid."
        case .pathways: "Treatment pathways (lines of therapy) as ATLAS counts them; body: pathway settings; `?format=svg` answers the sunburst."
        case .erasePerson: "Erase every row of one person (GDPR art. 17); body {\"source_id\"}; idempotent; answers rows removed per table."
        case .exportPerson: "Every row of one person as JSON (GDPR art. 15); body {\"source_id\"}."
        case .recordObjection: "Record a person's objection (opt-out): excluded from every cohort and analysis from now on; body {\"source_id\"}."
        case .withdrawObjection: "Withdraw a person's objection; body {\"source_id\"}."
        case .consentStatus: "How many objections the register holds."
        case .listUsers: "Users and service accounts with their roles and status."
        case .createUser: "Add a user or service account; body {\"name\", \"role\", \"kind\"}."
        case .revokeUser: "Revoke a user: every token and API key of theirs stops working at once."
        case .issueToken: "Issue a signed token (JWT) for a user; body {\"expires_in\": seconds}, default 8 hours."
        case .auditEntries: "Audit trail entries, oldest first; `?since=` (2026-11-27, 2026-11-27T10:00:00Z, 24h, 7d) and `?limit=` (the latest N)."
        case .auditVerification: "Checks the whole audit hash chain; names the first broken entry."
        case .auditReport: "The GDPR article 30 record: processing by purpose, outcome, action and role; `?since=`, `?until=`."
        case .fhirEverything: "One patient's record as a FHIR R4 searchset Bundle (mCODE-shaped cancer data); `{id}` is `person-<person_id>` or the identifier the patient was imported with."
        case .fhirImport: "Import FHIR R4 resources: body NDJSON (`application/fhir+ndjson`, `application/x-ndjson`) or one Bundle or resource (`application/fhir+json`, `application/json`), gzip'd or not, at most 1 GiB; answers the mapping report (counts, codes and positions in `upload.ndjson` / `upload.json`). 409 while the database has no vocabulary."
        }
    }
}
