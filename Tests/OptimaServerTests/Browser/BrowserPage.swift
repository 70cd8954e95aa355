import Foundation

/// One tab of a `Browser`. Every action awaits its reply within a timeout and names what it waited for when the
/// page does not answer; selectors are CSS selectors (`document.querySelector`).
final class BrowserPage: Sendable {
    let browser: Browser
    let targetID: String
    let session: String
    private let console = ConsoleLog()

    init(browser: Browser, targetID: String, session: String) {
        self.browser = browser
        self.targetID = targetID
        self.session = session
        browser.connection.handleEvents(of: session) { [console] in console.record($0, $1) }
    }

    /// What the page reported as errors so far: uncaught exceptions, `console.error`, CSP violations, failed loads.
    var consoleErrors: [String] { console.errors }

    /// Sends a DevTools command to this page.
    @discardableResult
    func send(_ method: String, _ params: JSValue = [:], timeout: Duration = .seconds(30)) async throws -> JSValue {
        try await browser.connection.send(method, params, session: session, timeout: timeout)
    }

    /// Navigates to `url` and waits for its load event (a same-document navigation, `#fragment`, returns at once).
    func goto(_ url: String, timeout: Duration = .seconds(30)) async throws {
        let load = browser.connection.expectEvent("Page.loadEventFired", session: session)
        let reply = try await send("Page.navigate", ["url": .string(url)], timeout: timeout)
        if let error = reply["errorText"]?.string, !error.isEmpty { throw BrowserError("could not load \(url): \(error)") }
        guard reply["loaderId"] != nil else { return }
        do {
            _ = try await load.value(timeout: timeout)
        } catch {
            throw BrowserError("\(url) did not finish loading: \(error)")
        }
    }

    /// The value of a JavaScript expression (a promise is awaited), as JSON; `undefined` is `.null`.
    /// A thrown exception becomes a `BrowserError` with its message.
    @discardableResult
    func evaluate(_ expression: String, timeout: Duration = .seconds(30)) async throws -> JSValue {
        let reply = try await send(
            "Runtime.evaluate",
            ["expression": .string(expression), "returnByValue": true, "awaitPromise": true, "userGesture": true], timeout: timeout)
        if let exception = reply["exceptionDetails"] {
            let text = exception["exception"]?["description"]?.string ?? exception["text"]?.string ?? "\(exception)"
            throw BrowserError("JavaScript failed: \(text)\n  in: \(expression.prefix(300))")
        }
        return reply["result"]?["value"] ?? .null
    }

    /// The value of a JavaScript expression decoded as `type`.
    func evaluate<T: Decodable>(_ expression: String, as type: T.Type, timeout: Duration = .seconds(30)) async throws -> T {
        let value = try await evaluate(expression, timeout: timeout)
        do {
            return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
        } catch {
            throw BrowserError("`\(expression.prefix(200))` gave \(value), not a \(T.self): \(error)")
        }
    }

    /// Waits until the JavaScript expression is truthy, polling every 50 ms (across navigations).
    func waitUntil(_ expression: String, timeout: Duration = .seconds(10), what: String? = nil) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastError: (any Error)?
        while true {
            do {
                if try await evaluate("!!(\(expression))", timeout: .seconds(10)) == .bool(true) { return }
                lastError = nil
            } catch {
                lastError = error
            }
            guard clock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let error = BrowserError.timeout(what ?? "`\(expression)`", timeout)
        throw lastError.map { BrowserError("\(error) (last: \($0))") } ?? error
    }

    /// Waits until an element matches `selector`.
    func waitFor(_ selector: String, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil("document.querySelector(\(JSValue.literal(selector))) !== null", timeout: timeout,
                            what: "an element matching \(selector)")
    }

    /// Clicks the first element matching `selector` with `element.click()`.
    func click(_ selector: String) async throws {
        try await onElement(selector, "click", "el.scrollIntoView({block: 'center'}); el.click()")
    }

    /// Clicks the centre of the first element matching `selector` with real mouse events (pressed, released), as a
    /// user does: what covers the element receives the click.
    func mouseClick(_ selector: String) async throws {
        let point = try await onElement(selector, "mouse-click", """
            el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]
            """)
        guard let x = point.array?.first?.number, let y = point.array?.last?.number else { throw BrowserError("\(selector) has no position") }
        for type in ["mouseMoved", "mousePressed", "mouseReleased"] {
            try await send("Input.dispatchMouseEvent", ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
    }

    /// Sets the value of the form control matching `selector` and dispatches `input` and `change`, as typing does.
    func fill(_ selector: String, _ text: String) async throws {
        try await onElement(selector, "fill", """
            el.focus();
            const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
            if (setter) setter.call(el, \(JSValue.literal(text))); else el.value = \(JSValue.literal(text));
            el.dispatchEvent(new Event('input', {bubbles: true}));
            el.dispatchEvent(new Event('change', {bubbles: true}))
            """)
    }

    /// The rendered text (`innerText`) of the first element matching `selector`.
    func text(_ selector: String) async throws -> String {
        try await onElement(selector, "read the text of", "return el.innerText").string ?? ""
    }

    /// How many elements match `selector`.
    func count(_ selector: String) async throws -> Int {
        try await evaluate("document.querySelectorAll(\(JSValue.literal(selector))).length").int ?? 0
    }

    /// The document as the browser holds it now (after scripts ran).
    func html() async throws -> String {
        try await evaluate("document.documentElement.outerHTML").string ?? ""
    }

    /// Writes a PNG of the viewport (or of the whole page) to `file` and returns its bytes.
    @discardableResult
    func screenshot(to file: URL, fullPage: Bool = false) async throws -> Data {
        var params: [String: JSValue] = ["format": "png"]
        if fullPage {
            let metrics = try await send("Page.getLayoutMetrics")
            let size = metrics["cssContentSize"]
            params["captureBeyondViewport"] = true
            params["clip"] = ["x": 0, "y": 0, "width": size?["width"] ?? 1280, "height": size?["height"] ?? 900, "scale": 1]
        }
        let reply = try await send("Page.captureScreenshot", .object(params))
        guard let base64 = reply["data"]?.string, let png = Data(base64Encoded: base64) else {
            throw BrowserError("Page.captureScreenshot returned no image")
        }
        try png.write(to: file)
        return png
    }

    /// Closes the tab.
    func close() async throws {
        try await browser.connection.send("Target.closeTarget", ["targetId": .string(targetID)])
    }

    /// Runs `body` (JavaScript statements with `el` bound) on the first element matching `selector`; an absent
    /// element is an error naming the selector and the action.
    @discardableResult
    private func onElement(_ selector: String, _ action: String, _ body: String) async throws -> JSValue {
        let reply = try await evaluate("""
            (() => { const el = document.querySelector(\(JSValue.literal(selector)));
              if (!el) return {found: false};
              return {found: true, value: (() => { \(body) })() ?? null} })()
            """)
        guard reply["found"] == .bool(true) else { throw BrowserError("no element matches \(selector) to \(action)") }
        return reply["value"] ?? .null
    }
}
