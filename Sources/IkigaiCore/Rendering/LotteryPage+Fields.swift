// A lottery page lists every applicant of its class, and a 100× year has thousands a class:
// its lines answer the template by name instead of through `Mirror`, which walked each line's
// properties for every name looked up. `TemplateFieldsTests` checks every answer against the
// reflected property of the same name.

extension LotteryPage.Line: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "rank": return rank
        case "number": return number
        case "name": return self.name
        case "phone": return phone
        case "applied": return applied
        case "note": return note
        default: return nil
        }
    }
}

extension LotteryPage.Excluded: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "file": return file
        case "row": return row
        case "reason": return reason
        default: return nil
        }
    }
}

extension LotteryPage.Outsider: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "file": return file
        case "row": return row
        case "date": return date
        case "who": return who
        default: return nil
        }
    }
}
