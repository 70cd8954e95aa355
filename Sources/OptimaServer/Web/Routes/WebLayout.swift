import Governance

/// The frame of every page: head, skip link, navigation by role, who is signed in, and the disclosure note.
struct WebLayout {
    let assets: WebAssets
    let minimumCount: Int

    func document(_ web: WebRequest, title: String, area: WebArea, scripts: [String], content: HTML) -> HTML {
        let documentType = HTML(rendered: "<!DOCTYPE html>\n")
        return .joined([documentType, H.element("html", [.attr("lang", "en")], .joined([
            H.head {
                H.meta(.attr("charset", "utf-8"))
                H.meta(.name("viewport"), .attr("content", "width=device-width, initial-scale=1"))
                if !web.csrfToken.isEmpty { H.meta(.name("csrf-token"), .attr("content", web.csrfToken)) }
                H.title { "\(title) · Optima" }
                H.link(.attr("rel", "icon"), .href("/assets/favicon.svg"), .type("image/svg+xml"))
                for stylesheet in assets.stylesheets { H.link(.attr("rel", "stylesheet"), .href("/assets/\(stylesheet)")) }
                for script in scripts { H.script(src: "/assets/\(script)") }
            },
            H.body(.class("area-\(area.rawValue)")) {
                H.a(.class("skip"), .href("#main")) { "Skip to content" }
                header(web, area: area)
                H.main(.id("main"), .attr("tabindex", "-1")) { content }
                H.footer(.class("page-footer")) {
                    H.p {
                        "Optima · real-world oncology evidence. Counts below \(minimumCount) are shown as “<\(minimumCount)”; "
                        "no patient-level data leaves this site."
                    }
                }
            },
        ]))])
    }

    private func header(_ web: WebRequest, area: WebArea) -> HTML {
        H.header(.class("top")) {
            H.a(.class("brand"), .href("/")) { "Optima" }
            if let principal = web.principal {
                H.nav(.aria("label", "Main")) {
                    H.ul {
                        for item in WebArea.allCases {
                            if let route = item.route, principal.can(route.permission) {
                                H.li {
                                    H.a(.href(route.path), item == area ? .aria("current", "page") : .none) { item.title }
                                }
                            }
                        }
                    }
                }
                H.div(.class("who")) {
                    H.span(.id("signed-in-as")) { principal.name }
                    " "
                    H.span(.class("badge")) { principal.role.rawValue }
                    H.postForm(action: WebRoute.signOut.path, csrf: web.csrfToken, .class("inline")) {
                        H.button(.type("submit"), .class("link")) { "Sign out" }
                    }
                }
            }
        }
    }
}
