import CLibXML2

extension HTMLGuard {
    /// libxml2 must set up its global tables once, on one thread, before
    /// pages are parsed on several.
    static func prepare() { _ = initialised }
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()
}
