/// What Excel leaves of a phone number typed into a cell formatted as a number: named in
/// the row's message, because the fix is the column's format, not the number.
extension PhoneNumber {
    /// `311112222`, `9012345678`: the digits of a number whose leading 0 Excel dropped.
    /// Every Japanese number dialled at home starts with 0, so nine or ten other digits
    /// are such a number; the row is still refused, since the 0 is not put back by guess.
    static func lostItsLeadingZero(_ raw: String) -> Bool {
        let t = Text.trimmed(Text.nfkc(raw))
        return (9...10).contains(t.utf8.count) && t.utf8.first != 0x30 && t.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `3.11E+08`: a long number shown in Excel's scientific notation and saved so.
    static func isExcelNumber(_ raw: String) -> Bool {
        let t = Text.trimmed(Text.nfkc(raw)).uppercased()
        let parts = t.split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, let exponent = parts.last, exponent.hasPrefix("+"), exponent.count > 1,
              exponent.dropFirst().allSatisfy(\.isASCIIDigit) else { return false }
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(mantissa.count) && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}
