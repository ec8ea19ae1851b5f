// The front page lists every sheet and every event of the year: its rows answer the template
// by name instead of through `Mirror`, which walked each row's properties for every name
// looked up. `TemplateFieldsTests` checks every answer against the reflected property of the
// same name.

extension IndexPage.Figure: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        case "note": return note
        default: return nil
        }
    }
}

extension IndexPage.SheetRow: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "path": return path
        case "kind": return kind
        case "encoding": return encoding
        case "read": return read
        case "accepted": return accepted
        case "rejected": return rejected
        case "held": return held
        case "deferred": return deferred
        default: return nil
        }
    }
}

extension IndexPage.EventRow: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "program": return program
        case "event": return event
        case "days": return days
        case "visits": return visits
        default: return nil
        }
    }
}

extension IndexPage.Notice: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "code": return code
        case "file": return file
        case "message": return message
        default: return nil
        }
    }
}

extension IndexPage.Link: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "href": return href
        case "audience": return audience
        case "what": return what
        default: return nil
        }
    }
}

extension IndexPage.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return title
        case "wardName": return wardName
        case "areaName": return areaName
        case "fiscalYearLabel": return fiscalYearLabel
        case "throughLabel": return throughLabel
        case "statusClass": return statusClass
        case "statusHeadline": return statusHeadline
        case "attention": return attention
        case "figures": return figures
        case "sheets": return sheets
        case "hasNotices": return hasNotices
        case "notices": return notices
        case "links": return links
        case "events": return events
        case "hasChanges": return hasChanges
        case "changes": return changes
        default: return nil
        }
    }
}
