import Foundation
import Synchronization

/// A headless Chromium driven over the DevTools protocol, for tests of the web UI as a user meets it: real
/// layout, JavaScript, Content-Security-Policy, cookies (shared by the pages of one browser). Launch one per
/// test, or share one across a suite; `close()` (or the last reference going) kills the process and its profile.
///
///     guard let browser = try await Browser.launch() else { print("skipped: \(Browser.skipReason)"); return }
///     defer { browser.close() }
///     let page = try await browser.newPage()
///     try await page.goto("http://127.0.0.1:\(port)/")
final class Browser: Sendable {
    let connection: CDPConnection
    private let process: ChromiumProcess
    private let closed = Mutex(false)

    /// Why a browser test did not run, for `.enabled(if: Browser.isAvailable, "\(Browser.skipReason)")`.
    static let skipReason = "no Chromium that starts: set OPTIMA_CHROMIUM or put chromium on PATH (scripts/test.sh installs it)"

    /// Whether a Chromium binary is there to launch.
    static var isAvailable: Bool { ChromiumProcess.executable() != nil }

    /// The browser's process id, and its profile directory: gone after `close()`.
    var processID: Int32 { process.pid }
    var profilePath: String { process.profile.path }

    private init(_ process: ChromiumProcess) {
        self.process = process
        connection = CDPConnection(toBrowser: process.toBrowser, fromBrowser: process.fromBrowser)
    }

    deinit { close() }

    /// A running browser, or nil when there is no binary or it does not start (the reason goes to standard output).
    static func launch(timeout: Duration = .seconds(30)) async throws -> Browser? {
        guard let executable = ChromiumProcess.executable() else { return nil }
        let browser: Browser
        do {
            browser = Browser(try ChromiumProcess.spawn(executable))
        } catch {
            print("skipped: \(error)")
            return nil
        }
        do {
            try await browser.connection.send("Browser.getVersion", timeout: timeout)
        } catch {
            print("skipped: \(executable) did not answer on its DevTools pipe: \(error)\n\(browser.process.logTail())")
            browser.close()
            return nil
        }
        return browser
    }

    /// A new tab of 1280×900 CSS pixels, attached, with page, runtime and log events on (console errors are collected
    /// from the start).
    func newPage(timeout: Duration = .seconds(30)) async throws -> BrowserPage {
        let target = try await connection.send("Target.createTarget", ["url": "about:blank"], timeout: timeout)
        guard let targetID = target["targetId"]?.string else { throw BrowserError("Target.createTarget returned no targetId: \(target)") }
        let attached = try await connection.send("Target.attachToTarget", ["targetId": .string(targetID), "flatten": true], timeout: timeout)
        guard let session = attached["sessionId"]?.string else { throw BrowserError("Target.attachToTarget returned no sessionId: \(attached)") }
        let page = BrowserPage(browser: self, targetID: targetID, session: session)
        for domain in ["Page", "Runtime", "Log"] {
            try await connection.send("\(domain).enable", session: session, timeout: timeout)
        }
        // The window's size less its (emulated) frame would leave a viewport of 1280×813: fix it for screenshots.
        try await connection.send(
            "Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false],
            session: session, timeout: timeout)
        return page
    }

    /// The cookies the browser holds, by name.
    func cookies() async throws -> [String: String] {
        let reply = try await connection.send("Storage.getCookies")
        var cookies: [String: String] = [:]
        for cookie in reply["cookies"]?.array ?? [] {
            if let name = cookie["name"]?.string { cookies[name] = cookie["value"]?.string ?? "" }
        }
        return cookies
    }

    /// Kills the browser (and its renderers) and removes its profile; later calls fail with "the browser was closed".
    func close() {
        guard closed.withLock({ closed in defer { closed = true }; return !closed }) else { return }
        connection.close()
        process.kill()
    }
}
