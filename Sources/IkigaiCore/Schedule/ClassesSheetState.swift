/// What became of classes.csv, for the message of a visit or application whose class ID
/// matches no class: "この講座IDは classes.csv にありません" sent the clerk to look for an ID
/// that was there, on a row refused for an empty 祝日, or in a sheet refused whole.
public enum ClassesSheetState: Sendable, Equatable {
    /// Read; the IDs of its rows that were refused, by `ClassSeries.key`, with the ID as written
    /// and the row.
    case read(unread: [String: UnreadClass])
    /// Refused whole (an unknown column, bytes that are not text …).
    case refused(path: String)
    /// No classes.csv in the input folder (W904).
    case missing

    /// A row of classes.csv that names a class ID but was not read as a class.
    public struct UnreadClass: Sendable, Equatable {
        public let id: String
        public let row: Int
    }
}
