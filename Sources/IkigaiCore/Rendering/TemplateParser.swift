/// Reads a template's bytes into `Template.Node`s in three passes: the tags and the text
/// between them, then the lines that hold only a section, comment, partial or delimiter tag
/// (removed with their white space and line break, as the Mustache standard says), then the
/// nesting of sections.
struct TemplateParser {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A tag as written: its sigil (`#`, `^`, `/`, `!`, `>`, `=`, `{`, `&`, or 0 for a variable)
    /// and its content without the white space around it.
    private struct Tag {
        let sigil: UInt8
        let content: String
        let line: Int
    }

    private enum Piece {
        case text(Range<Int>)
        case newline(Range<Int>)
        case tag(Tag)
        /// A partial on a line of its own, with the white space before it.
        case standalonePartial(Tag, indentation: [UInt8])
    }

    /// Sections inside sections, at most (the pages nest three).
    static let deepestNesting = 64

    func parse() throws(Template.SyntaxError) -> [Template.Node] {
        try nest(standalone(pieces()))
    }

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    private func pieces() throws(Template.SyntaxError) -> [Piece] {
        var open: [UInt8] = [0x7B, 0x7B], close: [UInt8] = [0x7D, 0x7D]
        var out: [Piece] = []
        var line = 1, pos = 0, textStart = 0
        func flushText(to end: Int) {
            if end > textStart { out.append(.text(textStart..<end)) }
        }
        while pos < bytes.count {
            let b = bytes[pos]
            if b == TemplateParser.lf {
                let start = pos > textStart && bytes[pos - 1] == TemplateParser.cr ? pos - 1 : pos
                flushText(to: start)
                out.append(.newline(start..<(pos + 1)))
                line += 1
                pos += 1
                textStart = pos
                continue
            }
            guard b == open[0], matches(open, at: pos) else {
                pos += 1
                continue
            }
            flushText(to: pos)
            let tagLine = line
            var inner = pos + open.count
            var sigil: UInt8 = 0
            if inner < bytes.count, [0x23, 0x5E, 0x2F, 0x21, 0x3E, 0x3D, 0x7B, 0x26, 0x3C, 0x24, 0x25].contains(bytes[inner]) {
                sigil = bytes[inner]
                inner += 1
            }
            // `{{{name}}}` ends with a brace before the closing delimiter, `{{=<% %>=}}` with `=`.
            let end: [UInt8] = sigil == 0x7B ? [0x7D] + close : sigil == 0x3D ? [0x3D] + close : close
            guard let endAt = find(end, from: inner) else {
                throw Template.SyntaxError(line: tagLine, reason: "「\(String(decoding: open, as: UTF8.self))」で始まったタグが「\(String(decoding: end, as: UTF8.self))」で閉じられていません")
            }
            line += bytes[inner..<endAt].lazy.filter { $0 == TemplateParser.lf }.count
            let content = String(decoding: bytes[inner..<endAt], as: UTF8.self).trimmingSpaces
            pos = endAt + end.count
            textStart = pos
            switch sigil {
            case 0x3C, 0x24:
                throw Template.SyntaxError(line: tagLine, reason: "テンプレートの継承（{{<…}} や {{$…}}）は使えません")
            case 0x25:
                throw Template.SyntaxError(line: tagLine, reason: "{{%…}} の指定は使えません")
            case 0x3D:
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw Template.SyntaxError(line: tagLine, reason: "区切りの変更は {{=<% %>=}} のように、始めと終わりの記号を空白で分けて書いてください")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            default: break
            }
            out.append(.tag(Tag(sigil: sigil, content: content, line: tagLine)))
        }
        flushText(to: bytes.count)
        return out
    }

    private func matches(_ needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in needle.indices where bytes[i + k] != needle[k] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && matches(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Drops each line that holds one section, comment, partial or delimiter tag and only
    /// spaces or tabs besides: the line's white space and its line break go with it.
    private func standalone(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        var lineStart = 0
        while lineStart < pieces.count {
            var lineEnd = lineStart
            while lineEnd < pieces.count {
                if case .newline = pieces[lineEnd] { lineEnd += 1; break }
                lineEnd += 1
            }
            let line = pieces[lineStart..<lineEnd]
            var tags: [Tag] = [], blank = true, indentation: [UInt8] = []
            var seenTag = false
            for p in line {
                switch p {
                case .tag(let t): tags.append(t); seenTag = true
                case .text(let r):
                    if bytes[r].contains(where: { $0 != TemplateParser.space && $0 != TemplateParser.tab }) { blank = false }
                    if !seenTag { indentation += bytes[r] }
                case .newline, .standalonePartial: break
                }
            }
            if blank, tags.count == 1, let t = tags.first, [0x23, 0x5E, 0x2F, 0x21, 0x3E, 0x3D].contains(t.sigil) {
                if t.sigil == 0x3E {
                    out.append(.standalonePartial(t, indentation: indentation))
                } else {
                    out.append(.tag(t))
                }
            } else {
                out.append(contentsOf: line)
            }
            lineStart = lineEnd
        }
        return out
    }

    /// Sections nested as their tags open and close them.
    private func nest(_ pieces: [Piece]) throws(Template.SyntaxError) -> [Template.Node] {
        var stack: [(tag: Tag, name: Template.Name, inverted: Bool, nodes: [Template.Node])] = []
        var nodes: [Template.Node] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = [] }
        }
        for p in pieces {
            switch p {
            case .text(let r), .newline(let r):
                text += bytes[r]
            case .standalonePartial(let t, let indentation):
                flush()
                nodes.append(.partial(try TemplateParser.partialName(t), indentation: indentation, line: t.line))
            case .tag(let t):
                switch t.sigil {
                case 0x21, 0x3D: continue
                case 0x3E:
                    flush()
                    nodes.append(.partial(try TemplateParser.partialName(t), indentation: [], line: t.line))
                case 0x23, 0x5E:
                    flush()
                    // Rendering goes one level down the stack for each section inside another: a
                    // nesting no page needs is refused rather than let run the stack out.
                    guard stack.count < TemplateParser.deepestNesting else {
                        throw Template.SyntaxError(line: t.line, reason: "区間（{{#…}} や {{^…}}）の入れ子が \(TemplateParser.deepestNesting) 段を超えています")
                    }
                    stack.append((t, try TemplateParser.name(t), t.sigil == 0x5E, nodes))
                    nodes = []
                case 0x2F:
                    flush()
                    let closing = try TemplateParser.name(t)
                    guard let open = stack.popLast() else {
                        throw Template.SyntaxError(line: t.line, reason: "{{/\(closing.written)}} に対応する {{#\(closing.written)}} がありません")
                    }
                    guard open.name == closing else {
                        throw Template.SyntaxError(line: t.line, reason: "{{/\(closing.written)}} は \(open.tag.line)行目の {{\(open.inverted ? "^" : "#")\(open.name.written)}} を閉じられません。{{/\(open.name.written)}} と書いてください")
                    }
                    let body = nodes
                    nodes = open.nodes
                    nodes.append(.section(open.name, inverted: open.inverted, body: body))
                default:
                    flush()
                    nodes.append(.variable(try TemplateParser.name(t), escaped: t.sigil == 0))
                }
            }
        }
        flush()
        if let open = stack.last {
            throw Template.SyntaxError(line: open.tag.line, reason: "{{\(open.inverted ? "^" : "#")\(open.name.written)}} が閉じられていません。{{/\(open.name.written)}} を書いてください")
        }
        return nodes
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x3F: return true
        default: return false
        }
    }

    /// `name`, `a.b` or `.`: ASCII letters, digits, `_`, `-` and `?`, parts joined by dots.
    private static func name(_ t: Tag) throws(Template.SyntaxError) -> Template.Name {
        if t.content == "." { return Template.Name(parts: [], written: ".") }
        if t.content.contains("(") {
            throw Template.SyntaxError(line: t.line, reason: "{{\(t.content)}}: 関数の形（transform）の書き方は使えません")
        }
        let parts = t.content.split(separator: ".", omittingEmptySubsequences: false)
        guard !t.content.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isNameByte) }) else {
            throw Template.SyntaxError(line: t.line, reason: "{{\(t.content)}}: 名前は半角英数字と _ - ? で書き、. で区切ってください")
        }
        return Template.Name(parts: parts.map(String.init), written: t.content)
    }

    private static func partialName(_ t: Tag) throws(Template.SyntaxError) -> String {
        guard !t.content.isEmpty, t.content.utf8.allSatisfy({ isNameByte($0) || $0 == 0x2E || $0 == 0x2F }) else {
            throw Template.SyntaxError(line: t.line, reason: "{{> \(t.content)}}: 部品テンプレートの名前は半角英数字と _ - . / で書いてください")
        }
        return t.content
    }
}

private extension String {
    /// Without the spaces, tabs and line breaks around it.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
