#if canImport(Glibc)
import Glibc
#endif

/// A few lowercase ASCII names (elements, attributes), matched against the NUL-terminated
/// names libxml2 hands over, ignoring ASCII case as a browser does, without making a String
/// of each. Only names of the same length are compared: most names a page uses (`class`,
/// `td`) have no candidate at all.
struct ASCIINameSet: Sendable {
    private let byLength: [[[UInt8]]]

    init(_ names: [String]) {
        let bytes = names.map { Array($0.utf8) }
        var byLength = Array(repeating: [[UInt8]](), count: (bytes.map(\.count).max() ?? 0) + 1)
        for b in bytes { byLength[b.count].append(b) }
        self.byLength = byLength
    }

    func contains(_ name: UnsafePointer<UInt8>) -> Bool {
        let n = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        guard n < byLength.count else { return false }
        return byLength[n].contains { candidate in
            candidate.indices.allSatisfy { i in
                let c = name[i]
                return ((0x41...0x5A).contains(c) ? c | 0x20 : c) == candidate[i]
            }
        }
    }
}
