import CLibXML2
import Foundation

/// Parses every page back with libxml2 before it is written: a page that is
/// not well-formed, runs script, or reaches the network fails the run instead
/// of being written. The check is structural, so no name, however written,
/// can turn into markup.
public enum HTMLGuard {
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        public let page: String
        public let reason: String
        public var description: String { "\(page): \(reason)" }
    }

    /// Elements a self-contained, script-free page never has; nor any attribute whose name
    /// starts with "on" in any case (an event handler).
    static let forbidden: Set<String> = ["script", "iframe", "object", "embed", "link", "base"]

    public static func check(_ html: String, page: String) -> Rejection? {
        let bytes = Array(html.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlReadMemory($0, Int32(buf.count), page, "UTF-8", options)
                }
            } ?? nil
        }
        guard let doc else {
            var reason = "not well-formed XHTML"
            if let e = xmlGetLastError(), let msg = e.pointee.message {
                reason += " (line \(e.pointee.line)): " + Text.trimmed(String(cString: msg))
            }
            return Rejection(page: page, reason: reason)
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc), let rootName = root.pointee.name,
              String(cString: rootName) == "html" else {
            return Rejection(page: page, reason: "the root element is not <html>")
        }
        let lang = xmlGetProp(root, "lang")
        defer { if lang != nil { ikigai_xml_free(lang) } }
        guard let lang, String(cString: lang) == "ja" else {
            return Rejection(page: page, reason: "<html> lacks lang=\"ja\"")
        }
        let found = scan(root)
        if let hit = found.forbidden {
            return Rejection(page: page, reason: "contains <\(hit)> (scripts, frames, event handlers and links to other files are not allowed)")
        }
        if let url = found.external {
            return Rejection(page: page, reason: "refers to an outside address \(url.prefix(60)) (pages must be self-contained)")
        }
        return nil
    }

    /// The first forbidden element (or element with a handler) and the first `src` or `href`
    /// that leaves the page, in document order. One walk over the tree: the XPath queries
    /// this replaced walked it nine times (rendering a 100× year went from 5.2 to 3.7 s).
    /// Names are compared without their namespace prefix, so a namespaced `<script>` is
    /// caught too.
    private static func scan(_ root: xmlNodePtr) -> (forbidden: String?, external: String?) {
        var external: String?
        var node: xmlNodePtr? = root
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE, let cName = n.pointee.name {
                let name = String(cString: cName)
                if forbidden.contains(name) { return (name, external) }
                var attr = n.pointee.properties
                while let a = attr {
                    if let an = a.pointee.name {
                        let b0 = an[0] | 0x20, b1 = an[0] == 0 ? 0 : an[1] | 0x20
                        if b0 == 0x6F && b1 == 0x6E { return (name, external) }  // "on…", any case
                        if external == nil, strcmp(an, "src") == 0 || strcmp(an, "href") == 0,
                           let raw = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                            let value = String(cString: raw)
                            ikigai_xml_free(raw)
                            if value.contains("://") || value.hasPrefix("//") { external = value }
                        }
                    }
                    attr = a.pointee.next
                }
            }
            // Depth first, in document order.
            if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children {
                node = child
                continue
            }
            var up: xmlNodePtr? = n
            node = nil
            while let u = up, u != root {
                if let next = u.pointee.next { node = next; break }
                up = u.pointee.parent
            }
        }
        return (nil, external)
    }

    /// The text of every text node, in document order: what a reader sees.
    /// Used to scan public pages for personal data.
    public static func textNodes(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress.map { base in
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlReadMemory($0, Int32(buf.count), "page", "UTF-8", options)
                }
            } ?? nil
        }) else { return [] }
        defer { xmlFreeDoc(doc) }
        return values(doc, "//text() | //@*")
    }

    private static func xpath(_ doc: xmlDocPtr, _ expr: String) -> [xmlNodePtr] {
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        guard let obj = xmlXPathEvalExpression(expr, ctx) else { return [] }
        defer { xmlXPathFreeObject(obj) }
        guard let set = obj.pointee.nodesetval, let tab = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { tab[$0] }
    }

    private static func values(_ doc: xmlDocPtr, _ expr: String) -> [String] {
        xpath(doc, expr).compactMap { node in
            guard let content = xmlNodeGetContent(node) else { return nil }
            defer { ikigai_xml_free(content) }
            return String(cString: content)
        }
    }
}
