extension HTMLGuard {
    /// Attributes whose value a browser loads or follows as an address. Compared ignoring ASCII
    /// case, as a browser reads them (`HREF` is `href`).
    static let addressAttributes = ["src", "href", "srcset", "imagesrcset", "action", "formaction", "poster", "background",
                                    "data", "cite", "longdesc", "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc"]
    private static let addressAttributeNames = ASCIINameSet(addressAttributes)
    private static let addressListNames = ASCIINameSet(["srcset", "imagesrcset"])
    private static let styleName = ASCIINameSet(["style"])
    private static let httpEquivName = ASCIINameSet(["http-equiv"])

    static func isAddressAttribute(_ name: UnsafePointer<UInt8>) -> Bool { addressAttributeNames.contains(name) }
    /// `srcset` and `imagesrcset`: a list of addresses, each with its size.
    static func isAddressList(_ name: UnsafePointer<UInt8>) -> Bool { addressListNames.contains(name) }
    static func isStyle(_ name: UnsafePointer<UInt8>) -> Bool { styleName.contains(name) }
    static func isHTTPEquiv(_ name: UnsafePointer<UInt8>) -> Bool { httpEquivName.contains(name) }

    /// Whether an address attribute's value leaves the page, read as a browser reads a URL:
    /// spaces and control characters around it dropped, tabs and line breaks inside removed, a
    /// backslash taken for a slash. Then `//host/…` (and `\\host\…`, a Windows share) leaves
    /// it, and so does any scheme but `data:` (`https:`, `https:host` without slashes,
    /// `javascript:`, `file:`); a relative path or `#id` stays. A `srcset` is a list of
    /// addresses, each followed by its size.
    static func leavesPage(_ value: String, list: Bool = false) -> Bool {
        if list { return value.split(separator: ",").contains { leavesPage(String($0.split(separator: " ").first ?? "")) } }
        var bytes = Array(value.utf8).filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        while let f = bytes.first, f <= 0x20 { bytes.removeFirst() }
        bytes = bytes.map { $0 == 0x5C ? 0x2F : $0 }
        if bytes.starts(with: [0x2F, 0x2F]) { return true }
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0,
              bytes[0].isASCIILetter, bytes[..<colon].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return false }
        return bytes[..<colon].map { $0 | 0x20 } != Array("data".utf8)
    }

    /// Whether a style sheet or `style` attribute can load anything: `@import`, or `url(…)`
    /// other than `data:` or `#id`, or another function that takes an address (`image-set(`,
    /// `src(`…). A backslash is refused outright, since CSS escapes can spell any of these.
    ///
    /// One pass over the bytes, looking back from each `(` at the function's name: Foundation's
    /// `contains`, asked of every `style` attribute of every table cell and of each page's
    /// style sheet, multiplied the cost of the whole check by eight.
    static func cssLoads(_ css: String) -> Bool {
        // Most styles (a cell's `text-align:right`) have none of the three bytes anything starts with.
        guard css.utf8.contains(where: { $0 == 0x28 || $0 == 0x40 || $0 == 0x5C }) else { return false }
        let bytes = Array(css.utf8)
        func lower(_ i: Int) -> UInt8 { (0x41...0x5A).contains(bytes[i]) ? bytes[i] | 0x20 : bytes[i] }
        func follows(_ word: [UInt8], at i: Int) -> Bool {
            i + word.count <= bytes.count && word.indices.allSatisfy { lower(i + $0) == word[$0] }
        }
        for i in bytes.indices {
            switch bytes[i] {
            case 0x5C:
                return true
            case 0x40 where follows(importWord, at: i + 1):
                return true
            case 0x28:
                var start = i
                while start > 0, case let c = lower(start - 1), c.isASCIILetter || c.isASCIIDigit || c == 0x2D { start -= 1 }
                let name = (start..<i).map(lower)
                guard name == urlWord else {
                    if loadingFunctions.contains(name) { return true }
                    continue
                }
                var a = i + 1
                // Spaces and an opening quote before the address.
                while a < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x22, 0x27].contains(bytes[a]) { a += 1 }
                if !(follows(dataWord, at: a) || a < bytes.count && bytes[a] == 0x23) { return true }
            default:
                continue
            }
        }
        return false
    }

    private static let importWord = Array("import".utf8), urlWord = Array("url".utf8), dataWord = Array("data:".utf8)
    private static let loadingFunctions = Set(["image-set", "image", "src", "cross-fade", "element", "-webkit-image-set"].map { Array($0.utf8) })
}

private extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
