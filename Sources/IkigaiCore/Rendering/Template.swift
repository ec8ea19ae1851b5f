/// One page template of `Templates/`, read once per run: the Mustache tags the pages use
/// (`{{name}}`, `{{{name}}}`, `{{#section}}`, `{{^inverted}}`, `{{> partial}}`,
/// `{{! comment}}`, `{{=<% %>=}}`), with the standard's rules for lines that hold only a tag.
///
/// Written here instead of rendering with swift-mustache, which the project used until the
/// 100× benchmark showed its cost: it splits every name on `.` and casts each value it
/// meets to several protocols, for every tag of every row. At 100× that was 3.2 CPU
/// seconds of the 5.8 that rendering took (perf), for 68 MB of pages. Here names are split
/// once when the template is read, each value is sorted once (`TemplateValue`) and the page
/// is written into one byte buffer. The tests render every template with both engines and
/// compare them byte for byte, and keep swift-mustache as the reference for the syntax.
///
/// What the Mustache standard has and the pages do not use is refused with the line it is
/// on, not rendered differently: lambdas, template inheritance (`{{<parent}}`, `{{$block}}`),
/// pragmas (`{{%…}}`), dynamic partials (`{{>*name}}`) and swift-mustache's transforms
/// (`{{uppercased(name)}}`).
public struct Template: Sendable {
    /// A dotted name (`a.b.c`) split into its parts; no parts for `.`, the current value.
    struct Name: Sendable, Equatable {
        let parts: [String]
        /// As written, for messages.
        let written: String
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, body: [Node])
        /// A partial on a line of its own is indented as its tag was.
        case partial(String, indentation: [UInt8], line: Int)
    }

    /// Why a template cannot be read, and on which line (from 1).
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "\(line)行目: \(reason)" }
    }

    let nodes: [Node]

    public init(_ text: String) throws(SyntaxError) {
        nodes = try TemplateParser(Array(text.utf8)).parse()
    }

    /// The partials the template names, with the line of each, nested sections included.
    var partials: [(name: String, line: Int)] {
        var out: [(String, Int)] = []
        func walk(_ nodes: [Node]) {
            for n in nodes {
                switch n {
                case .partial(let name, _, let line): out.append((name, line))
                case .section(_, _, let body): walk(body)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return out
    }
}
