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
    /// Each element, sorted as `TemplateValue(element)` sorts it.
    func forEachValue(_ body: (TemplateValue) -> Void)
}

extension Array: TemplateList {
    func forEachValue(_ body: (TemplateValue) -> Void) {
        // The rows of a page are all of one view type: asked once of the type whether it answers
        // by name, then each row taken as that type. Cast one by one to `any TemplateFields`,
        // each row searched the runtime's table of conformances after failing as text, a count
        // and a flag: 3% of a run's instructions at 1×, most of them for roster and report rows.
        if let fields = Element.self as? any TemplateFields.Type {
            func each<F: TemplateFields>(_: F.Type) {
                for e in self {
                    if let f = e as? F { body(.fields(f)) } else { body(TemplateValue(e)) }
                }
            }
            each(fields)
        } else {
            for e in self { body(TemplateValue(e)) }
        }
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
