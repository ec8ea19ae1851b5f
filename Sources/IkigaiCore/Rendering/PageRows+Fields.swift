// The rows that large pages repeat thousands of times answer the template's
// look-ups directly instead of through `Mirror`: reflection was the largest
// cost of rendering a 100× year's validation page, review list and rosters.
// `TemplateFieldsTests` checks every answer against the reflected property of
// the same name.

extension ValidationReport.Item: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "row": return row
        case "column": return column
        case "code": return code
        case "message": return message
        default: return nil
        }
    }
}

extension RosterPages.Person: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "no": return no
        case "name": return self.name
        case "phone": return phone
        default: return nil
        }
    }
}

extension RosterPages.IndexRow: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "href": return href
        case "western": return western
        case "era": return era
        case "title": return title
        case "count": return count
        default: return nil
        }
    }
}

extension ReviewPage.Side: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "file": return file
        case "row": return row
        case "name": return self.name
        case "kana": return kana
        case "phone": return phone
        case "date": return date
        case "detail": return detail
        default: return nil
        }
    }
}

extension ReviewPage.Pair: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "likelihood": return likelihood
        case "pair": return pair
        case "a": return a
        case "b": return b
        case "reasonsFor": return reasonsFor
        case "reasonsAgainst": return reasonsAgainst
        default: return nil
        }
    }
}

// The page views around those rows: a name a row does not answer ({{#ticks}}
// inside each roster line) is looked up here, once per row and tick.

extension RosterPages.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "kindLabel": return kindLabel
        case "title": return title
        case "lines": return lines
        case "ticks": return ticks
        case "people": return people
        case "blanks": return blanks
        case "countLine": return countLine
        default: return nil
        }
    }
}

extension RosterPages.Line: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        default: return nil
        }
    }
}

extension ValidationReport.FileGroup: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "file": return file
        case "items": return items
        default: return nil
        }
    }
}

extension ValidationReport.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "fiscalYearLabel": return fiscalYearLabel
        case "throughLabel": return throughLabel
        case "statusClass": return statusClass
        case "statusHeadline": return statusHeadline
        case "read": return read
        case "accepted": return accepted
        case "rejected": return rejected
        case "held": return held
        case "hasCounts": return hasCounts
        case "counts": return counts
        case "files": return files
        default: return nil
        }
    }
}

extension ReviewPage.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "fiscalYearLabel": return fiscalYearLabel
        case "count": return count
        case "hasPairs": return hasPairs
        case "pairs": return pairs
        default: return nil
        }
    }
}
