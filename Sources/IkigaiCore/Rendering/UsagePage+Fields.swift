// The usage page prints every cell of every statistics table (the same number of cells at
// any size of year): answered directly instead of through `Mirror`, which walked each cell's
// properties for every name looked up, some 40 M instructions of a run at 1×.
// `TemplateFieldsTests` checks every answer against the reflected property of the same name.

extension UsagePage.Cell: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "text": return text
        case "css": return css
        default: return nil
        }
    }
}

extension UsagePage.Row: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "label": return label
        case "cells": return cells
        default: return nil
        }
    }
}

extension UsagePage.Table: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return title
        case "unit": return unit
        case "file": return file
        case "headers": return headers
        case "rows": return rows
        default: return nil
        }
    }
}

extension UsagePage.Rate: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "label": return label
        case "capacity": return capacity
        case "sessions": return sessions
        case "average": return average
        case "fill": return fill
        case "ratio": return ratio
        default: return nil
        }
    }
}

extension UsagePage.View: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "rates": return rates
        case "title": return title
        case "ward": return ward
        case "through": return through
        case "minCell": return minCell
        case "minCellMinus1": return minCellMinus1
        case "coverage": return coverage
        case "progress": return progress
        case "coverageNote": return coverageNote
        case "progressNote": return progressNote
        case "chartPeople": return chartPeople
        case "chartPrograms": return chartPrograms
        case "chartAges": return chartAges
        case "tables": return tables
        default: return nil
        }
    }
}
