/// A cell that holds more than one phone (`03-1111-2222 / 090-1234-5678`): reception writes the
/// landline and the mobile together. Named in the row's message, because the fix is choosing
/// one, which only staff can do: the tool never picks one, since one person's rows must carry
/// the same number to be found as one person.
extension PhoneNumber {
    /// Two or more parts, each a phone on its own, split at the marks that list things.
    static func holdsSeveral(_ raw: String) -> Bool {
        let t = Text.nfkc(raw).replacingOccurrences(of: "または", with: "/").replacingOccurrences(of: " or ", with: "/")
        let parts = t.split { "/,、;・&\n".contains($0) || $0.isWhitespace }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return false }
        if parts.allSatisfy({ (try? PhoneNumber.parse(String($0)).get()) != nil }) { return true }
        // Split only at the listing marks, a part may itself be spaced (`090 1234 5678`).
        let listed = t.split { "/,、;・&\n".contains($0) }.map { Text.trimmed(String($0)) }.filter { !$0.isEmpty }
        return listed.count >= 2 && listed.allSatisfy { (try? PhoneNumber.parse($0).get()) != nil }
    }
}
