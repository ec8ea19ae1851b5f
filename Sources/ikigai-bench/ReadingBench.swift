import Dispatch
import Foundation
import IkigaiCore
import Synchronization

/// The intake step alone — reading, decoding and splitting the people sheets into cells,
/// as a run does it on all cores — apart from the eligibility checks that a run makes of
/// each record as it is read. A run interleaves the two, so the run's own clock can only
/// give their sum; this pass gives the first part, once for each encoding.
struct ReadingBench {
    struct Figure {
        let encoding: String
        let sheets: Int
        let bytes: Int
        let records: Int
        let seconds: Double
    }

    let input: String

    /// The fastest of `repeats` passes for the UTF-8 sheets (with or without BOM), the CP932
    /// sheets, and all of them together.
    func measure(repeats: Int) -> [Figure] {
        let folder = InputFolder(root: input)
        let people = folder.sheets.filter { $0.kind.countsRows }
        var byEncoding: [String: [(path: String, kind: SheetKind)]] = [:]
        for sheet in people {
            let encoding: String
            if case .success(let head) = SheetReader.stream(absolutePath: input + "/" + sheet.path, path: sheet.path,
                                                             kind: sheet.kind, extraProhibited: [], { _, _ in }) {
                encoding = head.encoding == .cp932 ? "CP932" : "UTF-8"
            } else {
                encoding = "refused"
            }
            byEncoding[encoding, default: []].append(sheet)
        }
        var figures: [Figure] = []
        for (label, sheets) in [("UTF-8", byEncoding["UTF-8"] ?? []), ("CP932", byEncoding["CP932"] ?? []),
                                ("all", people)] where !sheets.isEmpty {
            var best: (seconds: Double, records: Int) = (.infinity, 0)
            for _ in 0..<max(1, repeats) {
                let r = pass(sheets)
                if r.seconds < best.seconds { best = r }
            }
            let bytes = sheets.reduce(0) { $0 + fileSize(input + "/" + $1.path) }
            figures.append(Figure(encoding: label, sheets: sheets.count, bytes: bytes, records: best.records,
                                  seconds: best.seconds))
        }
        return figures
    }

    /// One pass over `sheets` on all cores, biggest first, as `IntakeStage` takes them.
    private func pass(_ sheets: [(path: String, kind: SheetKind)]) -> (seconds: Double, records: Int) {
        let order = sheets.indices.sorted { fileSize(input + "/" + sheets[$0].path) > fileSize(input + "/" + sheets[$1].path) }
        let next = Atomic<Int>(0)
        let records = Atomic<Int>(0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, sheets.count))
        let t0 = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let taken = next.add(1, ordering: .relaxed).oldValue
                guard taken < order.count else { return }
                let sheet = sheets[order[taken]]
                // The reader makes every cell's String before it hands the record over, as in a run.
                var count = 0
                _ = SheetReader.stream(absolutePath: input + "/" + sheet.path, path: sheet.path, kind: sheet.kind,
                                       extraProhibited: []) { _, _ in count += 1 }
                records.add(count, ordering: .relaxed)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9
        return (seconds, records.load(ordering: .relaxed))
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
