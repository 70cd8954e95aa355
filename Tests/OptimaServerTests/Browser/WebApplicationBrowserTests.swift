import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Testing

@testable import OptimaServer

/// The web application in a real browser, as a user goes through it: sign in, count patients in Explore and save them
/// as a cohort, build and generate a cohort from the form, open its Kaplan–Meier curve, and run a decision-support
/// form. The counts on the pages are checked against SQL written here; no page may log an error (a CSP violation
/// would). Screenshots go to `OPTIMA_SCREENSHOTS` when set (`scripts/screenshots.sh` makes the README's pictures).
@Suite(.serialized) struct WebApplicationBrowserTests {
    static let breastCancer = 4112853
    static let prostateCancer = 4163261
    static let stageFour = 1633987

    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func aResearcherAndAClinicianGoThroughTheApplication() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        defer { browser.close() }
        let shots = try Screenshots()
        try await TestDatabases.with(.sqlite) { db, _ in
            try await WebFixture.populate(db)
            let server = try await TestServer.make(db)
            let token = try #require(server.tokens[.admin])
            try await LoopbackServer.with(server.router) { base in
                let page = try await browser.newPage()

                // Sign in through the form, as a person does.
                try await page.goto(base + "/")
                try await page.waitFor("#sign-in-form")
                try await shots.take(page, "sign-in")
                try await page.fill("#key", token)
                try await page.click("#sign-in-form button[type=submit]")
                try await page.waitUntil("location.pathname === '/sources' && !!document.getElementById('persons-total')", timeout: .seconds(30))
                #expect(try await page.text("#signed-in-as") == "test-admin")
                try await shots.take(page, "data-sources", fullPage: true)

                // Explore: click breast cancer in the tree, then stage 4; the live count follows each click.
                try await page.goto(base + "/explore")
                try await page.waitFor("button.tree-node[data-concept-id='\(Self.breastCancer)']")
                try await page.click("button.tree-node[data-concept-id='\(Self.breastCancer)']")
                let breast = try await Self.persons(db, conditionAncestor: Self.breastCancer)
                try await Self.waitForCount(page, breast)
                try await page.click("button.tree-node[data-concept-id='\(Self.stageFour)']")
                let breastStageFour = try await Self.persons(db, conditionAncestor: Self.breastCancer, alsoHaving: Self.stageFour)
                try await Self.waitForCount(page, breastStageFour)
                try await shots.take(page, "explore")
                try await page.fill("#cohort-name", "Breast cancer, stage 4 (explored)")
                try await page.click("#save-cohort button[type=submit]")
                try await page.waitUntil("/^\\/cohorts\\/\\d+$/.test(location.pathname) && !!document.getElementById('cohort-persons')", timeout: .seconds(30))
                #expect(try await page.text("#cohort-persons").filter(\.isNumber) == String(breastStageFour))

                // A cohort from the ATLAS-style form: prostate cancer, first diagnosis; then generate it.
                try await page.goto(base + "/cohorts/new")
                try await page.waitFor("#cohort-form")
                try await page.fill("#cohort-name", "Prostate cancer (browser)")
                try await page.fill("#entry-domain", "condition")
                try await page.fill("#entry-concepts", String(Self.prostateCancer))
                try await shots.take(page, "cohort-form", fullPage: true)
                try await page.click("#cohort-form button[type=submit]")
                try await page.waitFor("#generate-button", timeout: .seconds(30))
                let cohortPath = try #require(try await page.evaluate("location.pathname").string)
                try await page.click("#generate-button")
                try await page.waitUntil("!!document.getElementById('cohort-persons') && /\\d/.test(document.getElementById('cohort-persons').innerText)",
                                         timeout: .seconds(60))
                let prostate = try await Self.persons(db, conditionAncestor: Self.prostateCancer)
                #expect(try await page.text("#cohort-persons").filter(\.isNumber) == String(prostate))
                #expect(try await page.count("#attrition-chart svg") == 1)
                try await shots.take(page, "cohort", fullPage: true)

                // Its Kaplan–Meier curve, over every subject of the cohort, with the library's numbers at risk.
                let cohortID = try #require(cohortPath.split(separator: "/").last.map(String.init))
                try await page.goto(base + "/analyses/survival?cohort=\(cohortID)")
                try await page.waitFor("#km-chart svg", timeout: .seconds(60))
                let atRisk = try await page.evaluate(
                    "[...document.querySelectorAll('#number-at-risk tbody tr')].map(r => r.querySelectorAll('td')[0]?.innerText ?? '')", as: [String].self)
                let library = try await db.survivalAnalysis(SurvivalSettings(target: try #require(Int64(cohortID))))
                #expect(atRisk == library.strata.map { $0.atRiskTable.first?.description ?? "" }, "\(atRisk)")
                #expect(try await page.text("#survival-sizes").contains("\(prostate) subjects"))
                try await shots.take(page, "kaplan-meier", fullPage: true)

                // Decision support: a man with PSA 25 ng/mL is high risk (NCCN and EAU: PSA > 20).
                try await page.goto(base + "/decision-support/prostate-risk")
                try await page.waitFor("#tool-form")
                try await page.fill("#f-age", "67")
                try await page.fill("#f-psa", "25")
                try await page.fill("#f-t", "T2a")
                try await page.fill("#f-n", "N0")
                try await page.fill("#f-m", "M0")
                try await page.fill("#f-gleasonPrimary", "3")
                try await page.fill("#f-gleasonSecondary", "4")
                try await page.click("#tool-form button[type=submit]")
                try await page.waitFor("#tool-result", timeout: .seconds(30))
                #expect(try await page.text("#tool-result").localizedCaseInsensitiveContains("high"))
                #expect(try await page.text("#plain-language").count > 40)
                #expect(try await page.count("#similar-patients") == 1)
                try await shots.take(page, "decision-support", fullPage: true)

                #expect(page.consoleErrors.isEmpty, "the pages reported errors: \(page.consoleErrors)")
            }
        }
    }

    /// Waits until the live count shows `expected` (counts under 5 read "<5").
    static func waitForCount(_ page: BrowserPage, _ expected: Int) async throws {
        let shown = expected < 5 ? "<5" : String(expected)
        try await page.waitUntil("document.getElementById('patient-count').innerText.replace(/[^0-9<]/g, '') === '\(shown)'",
                                 timeout: .seconds(30), what: "the live count to read \(shown)")
    }

    /// Persons with a condition under `conditionAncestor` during an observation period (and, when given, any record of
    /// the concept `alsoHaving`, which is how the synthetic data records a stage), by SQL written here.
    static func persons(_ db: any Database, conditionAncestor: Int, alsoHaving other: Int? = nil) async throws -> Int {
        let also = other.map { id in
            """
             AND co.person_id IN (SELECT person_id FROM measurement WHERE measurement_concept_id = \(id) OR value_as_concept_id = \(id)
               UNION SELECT person_id FROM observation WHERE observation_concept_id = \(id) OR value_as_concept_id = \(id)
               UNION SELECT person_id FROM condition_occurrence WHERE condition_concept_id = \(id))
            """
        } ?? ""
        let rows = try await db.query("""
            SELECT COUNT(DISTINCT co.person_id) AS n FROM condition_occurrence co
            JOIN concept_ancestor ca ON ca.descendant_concept_id = co.condition_concept_id AND ca.ancestor_concept_id = \(conditionAncestor)
            WHERE 1 = 1\(also)
            """)
        return Int(rows.first?["n"].integerValue ?? -1)
    }
}

/// Where the screenshots go: `OPTIMA_SCREENSHOTS`, else a temporary folder removed afterwards.
struct Screenshots: Sendable {
    let folder: URL
    let keep: Bool

    init() throws {
        if let path = ProcessInfo.processInfo.environment["OPTIMA_SCREENSHOTS"], !path.isEmpty {
            folder = URL(fileURLWithPath: path)
            keep = true
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("optima-web-shots-\(UUID().uuidString)")
            keep = false
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func take(_ page: BrowserPage, _ name: String, fullPage: Bool = false) async throws {
        _ = try await page.evaluate("window.scrollTo(0, 0)")
        let png = try await page.screenshot(to: folder.appendingPathComponent("\(name).png"), fullPage: fullPage)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
        if !keep { try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(name).png")) }
    }
}
