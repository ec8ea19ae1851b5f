/// The encodings an intake sheet may be saved in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM付き)"
    case cp932 = "Shift_JIS (CP932)"
}
