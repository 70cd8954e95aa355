import Hummingbird

/// A tiny site for the browser smoke tests, served under `default-src 'self'` as Optima's pages are: an external
/// script that reacts to a button and an input, a stylesheet, a page with an inline script the policy must block,
/// and a cookie set `HttpOnly` by the server and sent back by the browser.
enum SmokeSite {
    static let items = ["prostate", "breast", "lung"]

    static var router: Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in html(page()) }
        router.get("/inline") { _, _ in html(page(#"<script>document.body.dataset.inline = "ran"</script>"#)) }
        router.get("/login") { _, _ in
            var response = html(page())
            response.headers[.setCookie] = "session=abc123; Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        router.get("/whoami") { request, _ in html(page(#"<p id="who">\#(request.headers[.cookie] ?? "nobody")</p>"#)) }
        router.get("/app.js") { _, _ in file(script, "text/javascript") }
        router.get("/app.css") { _, _ in file(".tall { height: 2400px; } body { margin: 0; }", "text/css") }
        router.get("/icon.svg") { _, _ in file(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"#, "image/svg+xml") }
        return router
    }

    static func page(_ extra: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Smoke</title><link rel="icon" href="/icon.svg">
        <link rel="stylesheet" href="/app.css"><script src="/app.js" defer></script></head>
        <body><main>
        <button id="go" type="button">Go</button><output id="out"></output>
        <label>Name <input id="name" name="name"></label><span id="echo"></span>
        <ul>\(items.map { "<li>\($0)</li>" }.joined())</ul>
        <div class="tall"></div>
        \(extra)</main></body></html>
        """
    }

    /// Counts clicks on the button (and whether the last was a trusted user event); echoes the input.
    static let script = """
        let clicks = 0;
        document.getElementById("go").addEventListener("click", (event) => {
          clicks += 1;
          const out = document.getElementById("out");
          out.textContent = "clicked " + clicks;
          out.dataset.trusted = String(event.isTrusted);
        });
        document.getElementById("name").addEventListener("input", (event) => {
          document.getElementById("echo").textContent = event.target.value.toUpperCase();
        });
        """

    private static func html(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: "default-src 'self'"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func file(_ text: String, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
