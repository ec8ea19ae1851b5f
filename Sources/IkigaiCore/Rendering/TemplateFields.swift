/// A value a page template reads by name (`{{title}}`, `{{#people}}`), answered by the value
/// itself rather than found by reflection.
///
/// The views of the large pages (validation rows, review pairs, roster lines, the year's
/// calendar) conform: `Mirror` walks every property of a value for each name looked up, and
/// those pages look up millions of names at 100×. Views that do not conform are read through
/// `Mirror`, as small pages are. `TemplateFieldsTests` checks every answer against the
/// reflected property of the same name.
protocol TemplateFields {
    /// The property called `name`, or nil when there is none or it is nil.
    func field(_ name: String) -> Any?
}

extension Dictionary: TemplateFields where Key == String {
    func field(_ name: String) -> Any? { self[name].flatMap(TemplateValue.unwrapped) }
}

/// A list a section repeats its content for, once per element.
protocol TemplateList {
    var isEmpty: Bool { get }
    func forEachElement(_ body: (Any) -> Void)
}

extension Array: TemplateList {
    func forEachElement(_ body: (Any) -> Void) {
        for e in self { body(e) }
    }
}

/// An optional seen through `Any`, so that a nil stored in a dictionary or a property reads
/// as missing rather than as the text "nil".
protocol TemplateOptional {
    var wrappedValue: Any? { get }
}

extension Optional: TemplateOptional {
    var wrappedValue: Any? {
        switch self {
        case .some(let v): return TemplateValue.unwrapped(v)
        case .none: return nil
        }
    }
}
