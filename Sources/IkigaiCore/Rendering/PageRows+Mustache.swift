import Mustache

// The rows that large pages repeat thousands of times answer Mustache's
// look-ups directly instead of through `Mirror`, which swift-mustache uses
// otherwise: reflection was the largest cost of rendering a 100× year's
// validation page, review list and rosters. A test checks every answer
// against the reflected property of the same name.

extension ValidationReport.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "row": return row
        case "column": return column
        case "code": return code
        case "message": return message
        default: return nil
        }
    }
}

extension RosterPages.Person: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "no": return no
        case "name": return self.name
        case "phone": return phone
        default: return nil
        }
    }
}

extension RosterPages.IndexRow: MustacheParent {
    func child(named name: String) -> Any? {
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

extension ReviewPage.Side: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "where": return `where`
        case "name": return self.name
        case "kana": return kana
        case "phone": return phone
        case "detail": return detail
        default: return nil
        }
    }
}

extension ReviewPage.Pair: MustacheParent {
    func child(named name: String) -> Any? {
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
