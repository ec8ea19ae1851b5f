// libFuzzer target: the CSV reader on arbitrary bytes. Built by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let records) = CSVParser.parse(bytes) {
        var row = 0
        for r in records { precondition(r.row == row + 1); row = r.row }
    }
    return 0
}
