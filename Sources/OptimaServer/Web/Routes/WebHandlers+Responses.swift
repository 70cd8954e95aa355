import Foundation
import Hummingbird

extension WebHandlers {
    /// A whole page: the layout around `content`, navigation by the user's role.
    func page(_ web: WebRequest, title: String, area: WebArea, scripts: [String] = [], status: HTTPResponse.Status = .ok,
              @HTMLBuilder content: () -> HTML) -> Response {
        html(WebLayout(assets: assets, minimumCount: settings.minimumCount).document(web, title: title, area: area, scripts: scripts, content: content()),
             status: status)
    }

    /// An error page with a plain message, in the area the user was in.
    func problem(_ web: WebRequest, status: HTTPResponse.Status, title: String, message: String, area: WebArea = .sources) -> Response {
        page(web, title: title, area: area, status: status) {
            H.section(.class("card problem"), .role("alert")) {
                H.h1 { title }
                H.p(.id("problem-message")) { message }
                H.p { H.a(.href("/")) { "Back to the start page" } }
            }
        }
    }

    /// See Other: after a form, the browser loads the result with a GET, so a reload does not post again.
    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A file the browser saves rather than shows.
    func download(_ data: Data, filename: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func html(_ document: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: document.rendered)))
    }
}
