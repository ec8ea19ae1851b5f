/// Writes one page from a `Template` and the value it shows, into one byte buffer.
///
/// Names are found as Mustache finds them: the first part in the innermost section's value
/// that has it, then outwards to the page's own value; the other parts of a dotted name only
/// inside what the first part found. A section repeats for each element of a list, shows
/// once for `true` or for any other value it then enters, and not at all for `false`, nil or
/// an empty list; an inverted section the other way round. Every `{{name}}` is escaped for
/// HTML (`HTMLEscape`); `{{{name}}}` and `{{& name}}` are written as they are.
struct TemplateRenderer {
    /// The templates partials are taken from, by name.
    let library: [String: Template]
    private(set) var out: [UInt8] = []
    private var stack: [TemplateValue] = []
    private var partialDepth = 0
    private let largestPage: Int
    /// List elements rendered so far: a list inside itself that writes a byte or none per
    /// element reaches `largestPage` only after billions of them.
    private var repeats = 0

    /// Deeper than any page nests its partials: a partial that includes itself stops here
    /// with a message instead of exhausting the stack.
    static let partialDepthLimit = 16

    /// Bytes past any page a year makes (the largest, the review list of a 100× year, is some
    /// megabytes): a list put inside itself in an edited template (`{{#items}}{{#items}}…`)
    /// grew a page without end, and the run with it, until memory ran out.
    static let largestPage = 256 << 20
    /// List elements one page may repeat its content for: past every list of a year's pages
    /// multiplied together (the review list of a 100× year repeats for some thousands of pairs).
    static let mostRepeats = 1 << 22

    struct Failure: Error { let reason: String }

    init(library: [String: Template], largestPage: Int = TemplateRenderer.largestPage) {
        self.library = library
        self.largestPage = largestPage
    }

    /// The page `template` makes of `value`.
    static func render(_ template: Template, _ value: Any, library: [String: Template],
                       largestPage: Int = TemplateRenderer.largestPage) throws(Failure) -> String {
        var r = TemplateRenderer(library: library, largestPage: largestPage)
        r.stack.append(TemplateValue(value))
        try r.render(template.nodes)
        return String(decoding: r.out, as: UTF8.self)
    }

    private mutating func render(_ nodes: [Template.Node]) throws(Failure) {
        for node in nodes {
            guard out.count <= largestPage, repeats <= TemplateRenderer.mostRepeats else {
                throw Failure(reason: "ページが大きくなりすぎました（\(largestPage >> 20) MB または一覧の \(Format.number(TemplateRenderer.mostRepeats)) 回の繰り返しを超えました）。"
                                  + "テンプレートで一覧の中に同じ一覧を入れていないか確かめてください")
            }
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let v = lookup(name) else { continue }
                let text = TemplateValue.text(of: v)
                if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .section(let name, let inverted, let body):
                let v = lookup(name).map(TemplateValue.init)
                if inverted {
                    if isFalsy(v) { try render(body) }
                    continue
                }
                switch v {
                case nil, .flag(false): break
                case .flag(true): try render(body)
                case .list(let list):
                    var failure: Failure?
                    list.forEachValue { e in
                        guard failure == nil else { return }
                        repeats += 1
                        stack.append(e)
                        do throws(Failure) { try render(body) } catch { failure = error }
                        stack.removeLast()
                    }
                    if let failure { throw failure }
                case .some(let value):
                    stack.append(value)
                    defer { stack.removeLast() }
                    try render(body)
                }
            case .partial(let name, let indentation, let line):
                guard let partial = library[name] else {
                    throw Failure(reason: "\(line)行目: 部品テンプレート \(name) がありません")
                }
                guard partialDepth < TemplateRenderer.partialDepthLimit else {
                    throw Failure(reason: "\(line)行目: 部品テンプレート \(name) が \(TemplateRenderer.partialDepthLimit) 段より深く重なっています（自分自身を読み込んでいませんか）")
                }
                partialDepth += 1
                defer { partialDepth -= 1 }
                if indentation.isEmpty {
                    try render(partial.nodes)
                } else {
                    let start = out.count
                    try render(partial.nodes)
                    indent(from: start, by: indentation)
                }
            }
        }
    }

    private func isFalsy(_ v: TemplateValue?) -> Bool {
        switch v {
        case nil, .flag(false): return true
        case .list(let l): return l.isEmpty
        default: return false
        }
    }

    /// The value `name` stands for here, or nil.
    private func lookup(_ name: Template.Name) -> Any? {
        guard let first = name.parts.first else { return stack.last.map(TemplateRenderer.raw) }
        var found: Any?
        for frame in stack.reversed() {
            if let v = frame.field(first) { found = v; break }
        }
        for part in name.parts.dropFirst() {
            guard let f = found else { return nil }
            found = TemplateValue(f).field(part)
        }
        return found
    }

    private static func raw(_ v: TemplateValue) -> Any {
        switch v {
        case .text(let s): return s
        case .flag(let b): return b
        case .fields(let f): return f
        case .list(let l): return l
        case .other(let o): return o
        }
    }

    /// Puts `indentation` before each line a partial on a line of its own wrote.
    private mutating func indent(from start: Int, by indentation: [UInt8]) {
        guard start < out.count else { return }
        var written: [UInt8] = []
        written.reserveCapacity(out.count - start + indentation.count)
        var atLineStart = true
        for b in out[start...] {
            if atLineStart { written += indentation }
            written.append(b)
            atLineStart = b == 0x0A
        }
        out.replaceSubrange(start..., with: written)
    }
}
