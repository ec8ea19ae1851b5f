import Mustache

extension HTMLEscape {
    /// What the templates are read with (`PageTemplates` puts the pragma before each).
    public static let contentTypeName = "IKIGAI_XHTML"

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escaped(text) }
    }
}
