/// How the renderer sees one value: sorted once when it is looked up or entered, so that
/// each later look-up is a switch, not a dynamic cast (the casts of the Mustache library
/// were most of rendering a 100× year).
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case fields(any TemplateFields)
    case list(any TemplateList)
    /// Anything else: numbers, and views read through `Mirror`.
    case other(Any)

    /// The common cases are tested by their concrete types first: those casts compare a
    /// type, while a cast to a protocol searches the runtime's table of conformances.
    init(_ value: Any) {
        if let s = value as? String {
            self = .text(s)
        } else if value is Int {
            // Counts are the other common value; as `.other`, without the two protocol casts
            // below, which fail for them only after searching the table.
            self = .other(value)
        } else if let b = value as? Bool {
            self = .flag(b)
        } else if let f = value as? any TemplateFields {
            self = .fields(f)
        } else if let l = value as? any TemplateList {
            self = .list(l)
        } else {
            self = .other(value)
        }
    }

    /// `value`, or what it holds when it is an optional; nil for an empty optional.
    static func unwrapped(_ value: Any) -> Any? {
        if value is String || value is Int { return value }
        if let o = value as? any TemplateOptional { return o.wrappedValue }
        return value
    }

    /// The property called `name`: from the value itself when it answers, otherwise by
    /// reflection (the first property of that label, an optional unwrapped).
    func field(_ name: String) -> Any? {
        switch self {
        case .fields(let f): return f.field(name)
        case .text, .flag, .list: return nil
        case .other(let v):
            guard let child = Mirror(reflecting: v).children.first(where: { $0.label == name }) else { return nil }
            return TemplateValue.unwrapped(child.value)
        }
    }

    /// The text `{{name}}` writes for `value`: `TemplateValue(value).text`, with text and counts
    /// told apart by their types alone.
    static func text(of value: Any) -> String {
        if let s = value as? String { return s }
        if let n = value as? Int { return String(n) }
        return TemplateValue(value).text
    }

    /// The text `{{name}}` writes for the value.
    var text: String {
        switch self {
        case .text(let s): return s
        case .flag(let b): return b ? "true" : "false"
        case .fields(let f): return String(describing: f)
        case .list(let l): return String(describing: l)
        case .other(let v): return String(describing: v)
        }
    }
}
