/// Number formats of the documents, independent of the machine's locale.
enum Format {
    /// `10,204`.
    static func number(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `2.5`: a ratio with one decimal, rounded half up.
    static func ratio(_ a: Int, _ b: Int) -> String {
        guard b > 0 else { return "-" }
        let tenths = (a * 10 * 2 + b) / (2 * b)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `39.2%`, one decimal, rounded half up.
    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
