/// "Same as above" written in a cell: `〃`, `同上`, `々`. Paper ledgers use it down a column, and
/// clerks carry the habit into Excel; a CSV keeps the mark, not the value above it.
///
/// Read as a value it did harm in both directions: a group called `〃` got its own roster and
/// its members, and a 交流 event called `同上` was counted as an event of its own, silently; in
/// other columns it was told as an unreadable date, phone or ID check. It is never filled from
/// the row above (a row may have been sorted or moved since it was written): the row is
/// rejected (R222) with what to do, like a merged cell that left its rows blank.
public enum DittoMark {
    /// The marks, as written once white space is removed.
    static let words: Set<String> = ["〃", "〃〃", "″", "々", "仝", "\"", "同上", "同", "同じ", "上に同じ", "上と同じ", "同右"]

    /// The mark a cell holds, or nil for any value.
    public static func mark(in cell: String) -> String? {
        guard mayBeMark(cell) else { return nil }
        let bare = Text.removingWhitespace(cell)
        return words.contains(bare) ? bare : nil
    }

    /// Whether the first character after white space can begin a mark, read from the UTF-8
    /// bytes: the free-text cells of every row are asked (`RowContext.reportDittoMarks`), and
    /// nearly all answer no at their first character. (Asked through `unicodeScalars` and a
    /// `Set` of every cell, this cost some 2,000 instructions a row.)
    static func mayBeMark(_ cell: String) -> Bool {
        var bytes = cell.utf8.makeIterator()
        while let b = bytes.next() {
            switch b {
            case 0x20, 0x09: continue
            case 0x22: return true  // "
            case 0xE2, 0xE3, 0xE4, 0xE5:
                guard let b1 = bytes.next(), let b2 = bytes.next() else { return false }
                switch UInt32(b) << 16 | UInt32(b1) << 8 | UInt32(b2) {
                case 0xE3_8080: continue  // ideographic space
                case 0xE3_8083, 0xE3_8085, 0xE2_80B3, 0xE4_BB9D, 0xE5_908C, 0xE4_B88A: return true  // 〃 々 ″ 仝 同 上
                default: return false
                }
            default: return false
            }
        }
        return false
    }

    /// The row's one finding for all its marked cells: the columns, the marks (never a value of
    /// the row), what to do.
    static func finding(file: String, row: Int, _ marked: [(column: Column, mark: String)], in header: HeaderMap) -> Finding {
        // In the sheet's order, however the row's readers came upon them.
        let marked = marked.sorted { (header.index[$0.column] ?? 0) < (header.index[$1.column] ?? 0) }
        var marks: [String] = []
        for m in marked where !marks.contains(m.mark) { marks.append(m.mark) }
        return Finding(file: file, row: row, column: marked.map { header.shown($0.column) }.joined(separator: "、"), code: .dittoMark,
                       message: "\(marked.map { "「\($0.column.japanese)」" }.joined())の\(marks.map { "「\($0)」" }.joined())（上と同じ）は、"
                           + "CSV では上の行の値として読めません。上の行と同じ値を、この行にも書いてください"
                           + "（Excel では、そのセルを選んで Ctrl+D を押すと上のセルの値が入ります）。")
    }
}
