import ArgumentParser
import Dispatch
import Foundation
import IkigaiCore

/// End-to-end and per-stage speed of `ikigai run` on generated years of
/// growing size, with the time Python's csv module takes merely to read the
/// same files beside it.
struct SpeedBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Per-stage wall time, rows per second and peak memory of a run at several sample sizes."
    )

    @Option(parsing: .upToNextOption, help: "sizes as multiples of the default 4,000 people")
    var scales: [Int] = [1, 10]
    @Option(help: "seed") var seed: UInt64 = 2018
    @Option(help: "scratch folder (removed afterwards)") var work = "/tmp/ikigai-bench-speed"
    @Flag(help: "skip the Python csv comparison") var noPython = false
    @Option(help: "measure this existing input folder instead of generating samples (scale is then only a label)")
    var input: String?
    @Option(help: "runs per scale; each stage's fastest run is reported (this machine is noisy)")
    var repeats = 1
    @Flag(help: "time only the intake step alone (read, decode, CSV) for each encoding, not a whole run")
    var readingOnly = false

    func run() throws {
        let fm = FileManager.default
        print("scale  people      rows      MB   stage                               seconds      rows/s   peak RSS by the end of the stage")
        for scale in scales {
            try? fm.removeItem(atPath: work)
            try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
            defer { try? fm.removeItem(atPath: work) }
            let input = self.input ?? work + "/Input", output = work + "/Output"
            if self.input == nil { _ = try SampleGenerator(people: 4000 * scale, seed: seed).write(to: input) }
            let mb = Double(folderBytes(input)) / 1_048_576
            if readingOnly {
                printReading(ReadingBench(input: input).measure(repeats: repeats), scale: scale, combined: nil)
                continue
            }
            var best: [(step: String, seconds: Double)] = []
            var bestTotal = Double.infinity
            var rows = 0
            // Peak RSS when each step starts, so the peak through each step can be shown beside it.
            final class Marks { var kib: [Int] = [] }
            let marks = Marks()
            for _ in 0..<max(1, repeats) {
                marks.kib = []
                try? fm.removeItem(atPath: output)
                let t0 = DispatchTime.now()
                let o = try RunPipeline(options: RunOptions(inputDir: input, outputDir: output, templatesDir: "Templates",
                                                            operatorName: "山田 花子")).run(progress: { _ in marks.kib.append(peakRSSKiB()) })
                let total = Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9
                rows = o.summary.rowsRead
                bestTotal = min(bestTotal, total)
                best = best.isEmpty ? o.stepSeconds : zip(best, o.stepSeconds).map { ($0.step, min($0.seconds, $1.seconds)) }
            }
            let through = Array(marks.kib.dropFirst()) + [peakRSSKiB()]
            func line(_ step: String, _ s: Double, extra: String = "") {
                print(String(format: "%4d× %7d %9d %7.1f   %-34@ %8.3f %11.0f", scale, 4000 * scale, rows, mb, step as NSString, s,
                             Double(rows) / s) + extra)
            }
            for (i, (step, s)) in best.enumerated() {
                let peak = i < through.count ? String(format: "   peak %4.0f MiB", Double(through[i]) / 1024) : ""
                line(step, s, extra: peak + (step.hasPrefix("読込") ? String(format: "   (%.1f MB/s)", mb / s) : ""))
            }
            line("end to end", bestTotal)
            // The run's first step reads and checks each record in one go; reading alone is timed here.
            printReading(ReadingBench(input: input).measure(repeats: repeats), scale: scale,
                         combined: best.first(where: { $0.step.hasPrefix("読込") })?.seconds)
            print(String(format: "%4d× peak memory (max RSS of this process so far): %.0f MiB", scale, Double(peakRSSKiB()) / 1024))
            if !noPython {
                let py = pythonRead(input)
                print(String(format: "%4d× python csv module, reading only: %.3f s (ikigai end to end / python read = %.2f)",
                             scale, py, bestTotal / py))
            }
        }
    }

    func printReading(_ figures: [ReadingBench.Figure], scale: Int, combined: Double?) {
        for f in figures {
            let mb = Double(f.bytes) / 1_048_576
            print(String(format: "%4d× intake alone (read, decode, CSV), %-5@ %2d sheets %7.1f MB %9d records %8.3f s  %6.1f MB/s",
                         scale, f.encoding as NSString, f.sheets, mb, f.records, f.seconds, mb / f.seconds))
        }
        if let all = figures.first(where: { $0.encoding == "all" }), let combined {
            print(String(format: "%4d× eligibility (intake+eligibility less intake alone): %.3f s", scale, combined - all.seconds))
        }
    }

    func folderBytes(_ dir: String) -> Int {
        let fm = FileManager.default
        return (fm.subpaths(atPath: dir) ?? []).reduce(0) { sum, p in
            sum + (((try? fm.attributesOfItem(atPath: dir + "/" + p))?[.size] as? Int) ?? 0)
        }
    }

    func peakRSSKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// `python3 -c` reading every CSV with the csv module, decoding as the files are saved.
    func pythonRead(_ dir: String) -> Double {
        let script = """
        import csv, glob, sys, time
        t = time.perf_counter(); n = 0
        for p in sorted(glob.glob(sys.argv[1] + '/**/*.csv', recursive=True)):
            raw = open(p, 'rb').read()
            try: text = raw.decode('utf-8-sig')
            except UnicodeDecodeError: text = raw.decode('cp932')
            for row in csv.reader(text.splitlines(True)): n += 1
        print(time.perf_counter() - t)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, dir]
        let pipe = Pipe()
        p.standardOutput = pipe
        try? p.run()
        p.waitUntilExit()
        return Double(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
    }
}
