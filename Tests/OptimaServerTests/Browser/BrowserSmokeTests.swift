import Foundation
import Testing

/// The browser driver against a real Hummingbird server on loopback: a page is loaded, clicked, filled, read,
/// photographed; the Content-Security-Policy blocks an inline script and the page reports it; a cookie set by the
/// server comes back from another tab. One browser at a time: two cores do not run two Chromiums and a server well.
@Suite(.serialized) struct BrowserSmokeTests {
    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func aPageIsDrivenAsAUserDoes() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        defer { browser.close() }
        try await LoopbackServer.with(SmokeSite.router) { base in
            let page = try await browser.newPage()
            try await page.goto(base + "/")
            #expect(try await page.count("li") == SmokeSite.items.count)
            #expect(try await page.evaluate("[...document.querySelectorAll('li')].map(li => li.textContent)", as: [String].self) == SmokeSite.items)
            #expect(try await page.evaluate("new Promise(resolve => setTimeout(() => resolve(6 * 7), 20))") == .number(42))

            try await page.click("#go")
            try await page.waitUntil("document.getElementById('out').textContent === 'clicked 1'")
            #expect(try await page.text("#out") == "clicked 1")
            #expect(try await page.evaluate("document.getElementById('out').dataset.trusted") == "false")
            try await page.mouseClick("#go")
            try await page.waitUntil("document.getElementById('out').textContent === 'clicked 2'")
            #expect(try await page.evaluate("document.getElementById('out').dataset.trusted") == "true", "a mouse click is a user's event")

            let typed = #"Gleason 4+3 "high" <risk>"#
            try await page.fill("#name", typed)
            #expect(try await page.text("#echo") == typed.uppercased(), "the page's input listener saw the value")
            #expect(try await page.evaluate("document.getElementById('name').value") == .string(typed))

            #expect(page.consoleErrors.isEmpty, "a clean page reports nothing: \(page.consoleErrors)")
        }
    }

    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func screenshotsArePNGsOfTheViewportOrTheWholePage() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        defer { browser.close() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optima-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await LoopbackServer.with(SmokeSite.router) { base in
            let page = try await browser.newPage()
            try await page.goto(base + "/")
            let viewport = try await page.screenshot(to: folder.appendingPathComponent("viewport.png"))
            #expect(try Data(contentsOf: folder.appendingPathComponent("viewport.png")) == viewport)
            #expect(Self.pngSize(viewport) == .some(.init(width: 1280, height: 900)))

            let height = try #require(try await page.evaluate("document.documentElement.scrollHeight").int)
            #expect(height > 2400, "the stylesheet loaded: the page is taller than its tall block")
            let whole = try await page.screenshot(to: folder.appendingPathComponent("page.png"), fullPage: true)
            #expect(Self.pngSize(whole) == .some(.init(width: 1280, height: height)))
        }
    }

    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func theContentSecurityPolicyBlocksAnInlineScriptAndThePageReportsIt() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        defer { browser.close() }
        try await LoopbackServer.with(SmokeSite.router) { base in
            let page = try await browser.newPage()
            try await page.goto(base + "/inline")
            try await page.waitFor("#go")
            #expect(try await page.evaluate("document.body.dataset.inline ?? null") == .null, "the inline script did not run")
            let errors = page.consoleErrors
            #expect(errors.count == 1 && errors.allSatisfy { $0.contains("Content Security Policy") && $0.contains("/inline") }, "\(errors)")

            try await page.evaluate("setTimeout(() => { throw new Error('late failure') }, 0)")
            // Events come in order on the pipe: the exception is recorded before this later reply.
            try await page.evaluate("new Promise(resolve => setTimeout(resolve, 50))")
            #expect(page.consoleErrors.contains { $0.contains("late failure") }, "an uncaught exception is collected too")
        }
    }

    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func cookiesAreTheBrowsersAndWaitsNameWhatTheyAwaited() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        defer { browser.close() }
        try await LoopbackServer.with(SmokeSite.router) { base in
            let login = try await browser.newPage()
            try await login.goto(base + "/login")
            #expect(try await browser.cookies()["session"] == "abc123")
            #expect(try await login.evaluate("document.cookie") == "", "HttpOnly: scripts do not see the session")

            let other = try await browser.newPage()
            try await other.goto(base + "/whoami")
            #expect(try await other.text("#who") == "session=abc123", "another tab of the same browser sends the cookie")

            let wait = await #expect(throws: BrowserError.self) { try await other.waitFor("#never", timeout: .milliseconds(200)) }
            #expect(wait?.description.contains("#never") == true)
            let click = await #expect(throws: BrowserError.self) { try await other.click("#absent") }
            #expect(click?.description == "no element matches #absent to click")
            let script = await #expect(throws: BrowserError.self) { try await other.evaluate("undefinedName + 1") }
            #expect(script?.description.contains("ReferenceError") == true)
        }
    }

    @Test(.enabled(if: Browser.isAvailable, "\(Browser.skipReason)"))
    func aClosedBrowserFailsClearlyAndLeavesNothingBehind() async throws {
        guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
        let page = try await browser.newPage()
        let pid = browser.processID
        #expect(try await page.evaluate("1 + 1") == .number(2))
        browser.close()
        let error = await #expect(throws: BrowserError.self) { try await page.goto("about:blank") }
        #expect(error?.description == "the browser was closed")
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(pid, 0) != 0 || Self.isZombie(pid)
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "the browser process is gone")
        #expect(!FileManager.default.fileExists(atPath: browser.profilePath), "the profile directory is removed")
    }

    struct Size: Equatable {
        let width: Int
        let height: Int
    }

    /// Width and height from a PNG's IHDR chunk; nil when the bytes do not start with the PNG signature.
    static func pngSize(_ png: Data) -> Size? {
        let bytes = [UInt8](png)
        guard bytes.count >= 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else {
            return nil
        }
        let integer = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return Size(width: integer(16), height: integer(20))
    }

    /// Whether `pid` has exited but not yet been collected (the reaping thread may not have run yet).
    static func isZombie(_ pid: pid_t) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return status.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true
    }
}
