import Crypto

/// SHA-256 for recomputing the documented lottery construction in tests.
enum SHA256Ref {
    static func hash(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
