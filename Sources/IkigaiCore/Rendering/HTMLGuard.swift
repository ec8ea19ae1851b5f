import CLibXML2
import Foundation

/// Parses every page back with libxml2 before it is written: a page that is
/// not well-formed, runs script, or reaches the network fails the run instead
/// of being written. The check is structural, so no name, however written,
/// can turn into markup.
public enum HTMLGuard {
    /// A page that did not parse as the self-contained HTML the contract asks for.
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        public let page: String
        public let reason: String
        public var description: String { "\(page): \(reason)" }
    }

    /// Elements a self-contained, script-free page never has, in any case (a browser opening
    /// the file reads `<SCRIPT>` as `<script>`); nor any attribute whose name starts with "on"
    /// in any case (an event handler).
    /// SVG's animation elements are among them: `<set attributeName="href" to="javascript:…">`
    /// gives a link an address no attribute of the page holds.
    static let forbidden = ["script", "iframe", "object", "embed", "link", "base", "set", "animate", "animatemotion", "animatetransform"]
    private static let forbiddenNames = ASCIINameSet(forbidden)

    /// Whether the NUL-terminated element name is one of `forbidden`, ignoring ASCII case. On the
    /// bytes libxml2 hands over: a String made of every element's name and looked up in a set
    /// was a quarter of this check's instructions.
    static func isForbidden(_ name: UnsafePointer<UInt8>) -> Bool { forbiddenNames.contains(name) }

    public static func check(_ html: String, page: String) -> Rejection? {
        let scan = Scan()
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = Scan.startElement
        handler.endElementNs = Scan.endElement
        handler.characters = Scan.characters
        // What XML reads one way and a browser another: markup a browser would run can hide in
        // each (`<!-->` is a whole comment to a browser, `<?x >` ends at its first `>`, a DOCTYPE's
        // quoted identifier ends at a `>` too). No template needs any of them.
        handler.comment = { ctx, _ in Scan.refuse(ctx, .comment) }
        handler.processingInstruction = { ctx, _, _ in Scan.refuse(ctx, .instruction) }
        handler.cdataBlock = { ctx, _, _ in Scan.refuse(ctx, .cdata) }
        handler.internalSubset = { ctx, _, publicID, systemID in
            if publicID != nil || systemID != nil { Scan.refuse(ctx, .doctypeIdentifier) }
        }
        handler.entityDecl = { ctx, _, _, _, _, _ in Scan.refuse(ctx, .declarations) }
        handler.elementDecl = { ctx, _, _, _ in Scan.refuse(ctx, .declarations) }
        handler.attributeDecl = { ctx, _, _, _, _, _, tree in
            xmlFreeEnumeration(tree)
            Scan.refuse(ctx, .declarations)
        }
        handler.notationDecl = { ctx, _, _, _ in Scan.refuse(ctx, .declarations) }
        handler.unparsedEntityDecl = { ctx, _, _, _, _ in Scan.refuse(ctx, .declarations) }
        // Errors are kept by libxml2 as the last error (read below), not printed.
        handler.serror = { _, _ in }
        xmlResetLastError()
        let bytes = Array(html.utf8)
        let status = bytes.withUnsafeBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return withExtendedLifetime(scan) {
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlSAXUserParseMemory(&handler, Unmanaged.passUnretained(scan).toOpaque(), $0, Int32(buf.count))
                }
            }
        }
        // Japanese for the manager who edited the template, the English after it for the rest.
        func reject(_ japanese: String, _ english: String) -> Rejection {
            Rejection(page: page, reason: "\(japanese) (\(english))")
        }
        guard status == 0 else {
            guard let e = xmlGetLastError(), let msg = e.pointee.message else { return reject("XHTML として正しくありません", "not well-formed XHTML") }
            let said = Text.trimmed(String(cString: msg))
            return reject("XHTML として正しくありません（\(e.pointee.line) 行目）", "not well-formed XHTML (line \(e.pointee.line)): \(said)")
        }
        guard scan.root == "html" else {
            return reject("いちばん外側の要素が <html> ではありません", "the root element is not <html>")
        }
        guard scan.rootLang == "ja" else {
            return reject("<html> に lang=\"ja\" がありません", "<html> lacks lang=\"ja\"")
        }
        if let construct = scan.construct {
            return reject("\(construct.japanese) があります。ブラウザーは XML と違う読み方をするため使えません（DOCTYPE は <!DOCTYPE html> だけ、テンプレートの注記は {{! … }} で書けます）",
                          "contains \(construct.english), which a browser reads otherwise than XML (use {{! … }} for a note in a template)")
        }
        if let hit = scan.forbidden {
            return reject("<\(hit)> があります（スクリプト・フレーム・イベント処理・ほかのファイルへのリンクは使えません）",
                          "contains <\(hit)> (scripts, frames, event handlers and links to other files are not allowed)")
        }
        if let url = scan.external {
            return reject("外のアドレス \(url.prefix(60)) を参照しています（ページはそれだけで開けるようにしてください）",
                          "refers to an outside address \(url.prefix(60)) (pages must be self-contained)")
        }
        return nil
    }

    /// Markup that XML reads one way and a browser another.
    enum Construct {
        case comment, instruction, cdata, doctypeIdentifier, declarations, emptyStyle

        var japanese: String {
            switch self {
            case .comment: return "コメント <!-- -->"
            case .instruction: return "処理命令 <? ?>"
            case .cdata: return "CDATA セクション <![CDATA[ ]]>"
            case .doctypeIdentifier: return "識別子付きの DOCTYPE"
            case .declarations: return "宣言付きの DOCTYPE"
            case .emptyStyle: return "空の <style/>"
            }
        }

        var english: String {
            switch self {
            case .comment: return "a comment <!-- -->"
            case .instruction: return "a processing instruction <? ?>"
            case .cdata: return "a CDATA section <![CDATA[ ]]>"
            case .doctypeIdentifier: return "a DOCTYPE with an identifier (only <!DOCTYPE html>)"
            case .declarations: return "a DOCTYPE with declarations (only <!DOCTYPE html>)"
            case .emptyStyle: return "an empty <style/>"
            }
        }
    }

    /// What the parse saw, element by element in document order: the root and its `lang`,
    /// the first forbidden element (or element with a handler), the first address that
    /// leaves the page (in an address attribute, a `style` attribute or a `<style>` sheet).
    /// Names are compared without their namespace prefix, so a namespaced `<script>` is
    /// caught too.
    ///
    /// Gathered from libxml2's SAX events rather than from a tree: building the tree of each
    /// of some 3,000 pages, only to walk it once and free it, was most of this check (a
    /// second of rendering a 100× year, in malloc and free).
    private final class Scan {
        var root: String?
        var rootLang: String?
        var forbidden: String?
        var external: String?
        /// The first comment, processing instruction, CDATA section or DOCTYPE beyond `<!DOCTYPE html>`.
        var construct: Construct?
        /// How many `<style>` elements the parse is inside, and their text so far.
        var styleDepth = 0
        var styleText: [UInt8] = []

        static let startElement: startElementNsSAX2Func = { ctx, localname, _, _, _, _, count, _, attributes in
            guard let ctx, let localname else { return }
            let scan = Unmanaged<Scan>.fromOpaque(ctx).takeUnretainedValue()
            let isRoot = scan.root == nil
            if isRoot { scan.root = String(cString: localname) }
            if scan.forbidden == nil, HTMLGuard.isForbidden(localname) { scan.forbidden = String(cString: localname).lowercased() }
            if HTMLGuard.isStyle(localname) { scan.styleDepth += 1 }
            guard let attributes else { return }
            // Five pointers per attribute: local name, prefix, namespace, value start, value end.
            for i in 0..<Int(count) {
                guard let an = attributes[5 * i], let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                let b0 = an[0] | 0x20, b1 = an[0] == 0 ? 0 : an[1] | 0x20
                if b0 == 0x6F && b1 == 0x6E, scan.forbidden == nil { scan.forbidden = String(cString: localname) }  // "on…", any case
                let isLang = isRoot && scan.rootLang == nil && strcmp(an, "lang") == 0
                // `<meta http-equiv="refresh" content="0;url=…">` sends the reader to another address.
                if scan.forbidden == nil, HTMLGuard.isHTTPEquiv(an),
                   Text.trimmed(String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)).lowercased() == "refresh" {
                    scan.forbidden = "meta http-equiv=\"refresh\""
                }
                let isLink = scan.external == nil && HTMLGuard.isAddressAttribute(an)
                let isStyle = scan.external == nil && HTMLGuard.isStyle(an)
                guard isLang || isLink || isStyle else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                if isLang { scan.rootLang = value }
                if isLink, HTMLGuard.leavesPage(value, list: HTMLGuard.isAddressList(an)) { scan.external = value }
                if isStyle, HTMLGuard.cssLoads(value) { scan.external = value }
            }
        }

        static let endElement: endElementNsSAX2Func = { ctx, localname, _, _ in
            guard let ctx, let localname, HTMLGuard.isStyle(localname) else { return }
            let scan = Unmanaged<Scan>.fromOpaque(ctx).takeUnretainedValue()
            scan.styleDepth -= 1
            guard scan.styleDepth == 0 else { return }
            // `<style/>` is empty to XML; a browser takes it for a start tag and reads all that
            // follows, up to the next `</style>`, as a style sheet (`url()` and all). An empty
            // `<style></style>` cannot be told from it here, and holds nothing.
            if scan.styleText.isEmpty, scan.construct == nil { scan.construct = .emptyStyle }
            let css = String(decoding: scan.styleText, as: UTF8.self)
            scan.styleText = []
            if scan.external == nil, HTMLGuard.cssLoads(css) { scan.external = "<style> " + css }
        }

        static func refuse(_ ctx: UnsafeMutableRawPointer?, _ construct: Construct) {
            guard let ctx else { return }
            let scan = Unmanaged<Scan>.fromOpaque(ctx).takeUnretainedValue()
            if scan.construct == nil { scan.construct = construct }
        }

        /// Text is kept only inside `<style>`: every other text node is a reader's, not a loader's.
        static let characters: charactersSAXFunc = { ctx, text, length in
            guard let ctx, let text else { return }
            let scan = Unmanaged<Scan>.fromOpaque(ctx).takeUnretainedValue()
            guard scan.styleDepth > 0 else { return }
            scan.styleText.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(length)))
        }
    }

    /// The text of every text node, in document order: what a reader sees.
    /// Used to scan public pages for personal data.
    public static func textNodes(_ html: String) -> [String] {
        guard let doc = document(html) else { return [] }
        defer { xmlFreeDoc(doc) }
        return textsInDocumentOrder(doc)
    }

    /// The page parsed into a tree, without network access or messages; nil when libxml2 makes
    /// nothing of it. The caller frees it (`xmlFreeDoc`).
    static func document(_ html: String) -> xmlDocPtr? {
        let bytes = Array(html.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlReadMemory($0, Int32(buf.count), "page", "UTF-8", options)
                }
            } ?? nil
        }
    }

    /// What XPath's `//text() | //@*` selects, each node's content, in document order: an
    /// element's attributes, then its children. Walked rather than asked of XPath, whose union
    /// of the two node sets merged them by comparing every node with every other (quadratic in
    /// the nodes of a page; 2% of a run's instructions at 1×, for the usage page alone).
    private static func textsInDocumentOrder(_ doc: xmlDocPtr) -> [String] {
        var out: [String] = []
        func content(_ node: xmlNodePtr) {
            guard let c = xmlNodeGetContent(node) else { return }
            defer { ikigai_xml_free(c) }
            out.append(String(cString: c))
        }
        // Siblings still to visit, innermost last: a loop, not recursion, however deep a page nests.
        var pending: [xmlNodePtr] = []
        if let first = doc.pointee.children { pending.append(first) }
        while let node = pending.popLast() {
            if let next = node.pointee.next { pending.append(next) }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                content(node)
            case XML_ELEMENT_NODE:
                var attribute = node.pointee.properties
                while let a = attribute {
                    a.withMemoryRebound(to: xmlNode.self, capacity: 1) { content($0) }
                    attribute = a.pointee.next
                }
                if let child = node.pointee.children { pending.append(child) }
            default:
                continue
            }
        }
        return out
    }
}
