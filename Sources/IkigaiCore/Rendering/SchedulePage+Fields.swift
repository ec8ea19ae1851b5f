// The year's calendar repeats its days and sessions hundreds of times: answered directly
// instead of through `Mirror`, which was a fifth of a run on an input without rows (the
// schedule page is the same size whatever the rows). `TemplateFieldsTests` checks every answer
// against the reflected property of the same name.

extension SchedulePage.Day: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "day": return day
        case "css": return css
        case "label": return label
        case "items": return items
        default: return nil
        }
    }
}

extension SchedulePage.Item: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "text": return text
        case "css": return css
        default: return nil
        }
    }
}

extension SchedulePage.Week: TemplateFields {
    func field(_ name: String) -> Any? { name == "days" ? days : nil }
}

extension SchedulePage.ListRow: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "western": return western
        case "era": return era
        case "time": return time
        case "id": return id
        case "title": return title
        case "room": return room
        case "note": return note
        default: return nil
        }
    }
}

extension SchedulePage.Month: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return title
        case "eraTitle": return eraTitle
        case "weeks": return weeks
        case "rows": return rows
        case "hasRows": return hasRows
        default: return nil
        }
    }
}

extension SchedulePage.ClassRow: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "kind": return kind
        case "when": return when
        case "room": return room
        case "held": return held
        case "notHeld": return notHeld
        case "deadline": return deadline
        default: return nil
        }
    }
}

extension SchedulePage.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return title
        case "planned": return planned
        case "target": return target
        case "difference": return difference
        case "classes": return classes
        case "months": return months
        case "generatedFor": return generatedFor
        default: return nil
        }
    }
}
