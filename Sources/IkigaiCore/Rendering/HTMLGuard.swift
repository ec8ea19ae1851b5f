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

    /// Elements and attributes a self-contained, script-free page never has.
    static let forbidden = "//script | //iframe | //object | //embed | //link | //base | //*[@*[starts-with(translate(name(), 'ON', 'on'), 'on')]]"
    static let external = "//@src | //@href"

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
        if let hit = firstMatch(doc, forbidden) {
            return Rejection(page: page, reason: "contains <\(hit)> (scripts, frames, event handlers and links to other files are not allowed)")
        }
        if let url = values(doc, external).first(where: { $0.contains("://") || $0.hasPrefix("//") }) {
            return Rejection(page: page, reason: "refers to an outside address \(url.prefix(60)) (pages must be self-contained)")
        }
        return nil
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

    private static func firstMatch(_ doc: xmlDocPtr, _ expr: String) -> String? {
        guard let node = xpath(doc, expr).first, let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    private static func values(_ doc: xmlDocPtr, _ expr: String) -> [String] {
        xpath(doc, expr).compactMap { node in
            guard let content = xmlNodeGetContent(node) else { return nil }
            defer { ikigai_xml_free(content) }
            return String(cString: content)
        }
    }
}
