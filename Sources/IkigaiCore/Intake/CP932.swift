import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CP932 → UTF-8 with glibc's mapping: by `CP932Table` (filled from iconv), else iconv itself,
/// else Foundation where the iconv module is missing. iconv measured ≈ 5× faster than
/// Foundation's Shift_JIS decoder on this machine kind, and it reports where the first bad
/// byte is, which the refusal message needs.
enum CP932 {
    struct Failure: Error, Equatable { let offset: Int }

    static func toUTF8(_ input: [UInt8]) -> Result<[UInt8], Failure> {
        guard let table = CP932Table.shared else { return iconvToUTF8(input) }
        var result: Result<Int, Failure> = .success(0)
        let output = [UInt8](unsafeUninitializedCapacity: input.count * 3 + 16) { outBuf, written in
            written = 0
            guard let outBase = outBuf.baseAddress else { return }
            result = input.withUnsafeBufferPointer { table.decode($0, into: outBase) }
            if case .success(let n) = result { written = n }
        }
        switch result {
        case .success: return .success(output)
        case .failure(let f): return .failure(f)
        }
    }

    /// iconv's conversion of the whole input: the reference `CP932Table` is held to.
    static func iconvToUTF8(_ input: [UInt8]) -> Result<[UInt8], Failure> {
        let cd = iconv_open("UTF-8", "CP932")
        if cd == iconv_t(bitPattern: -1) { return foundationFallback(input) }
        defer { iconv_close(cd) }
        // Uninitialised output, and the input read in place (iconv does not write through its
        // input pointer): zeroing three times the sheet and copying the input showed at 100×.
        var failure: Failure?
        let output = [UInt8](unsafeUninitializedCapacity: input.count * 3 + 16) { outBuf, written in  // half-width kana: 1 byte → 3
            written = 0
            input.withUnsafeBufferPointer { inBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { failure = Failure(offset: inBuf.count - inLeft) }
                written = outBuf.count - outLeft
            }
        }
        if let failure { return .failure(failure) }
        return .success(output)
    }

    private static func foundationFallback(_ input: [UInt8]) -> Result<[UInt8], Failure> {
        guard let s = String(data: Data(input), encoding: .shiftJIS) else { return .failure(Failure(offset: 0)) }
        return .success(Array(s.utf8))
    }
}

extension CP932 {
    /// UTF-8 → CP932, for writing sheets as Japanese Excel saves them (the
    /// sample and the blank templates). Nil when a character has no CP932 form.
    static func fromUTF8(_ text: String) -> [UInt8]? {
        let cd = iconv_open("CP932", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return text.data(using: .shiftJIS).map { Array($0) } }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let n: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let ib = inBuf.baseAddress, let ob = outBuf.baseAddress else { return 0 }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let n else { return nil }
        return Array(output[..<n])
    }
}
