import CLibXML2
import Dispatch
import Synchronization

extension PageTemplates {
    /// Renders many pages of one template on all cores, in the order given.
    /// A 100× year has thousands of rosters, each rendered and parsed back
    /// on its own, so they split across cores like the sheets of intake do.
    /// The first problem in page order is thrown, as the sequential loop did.
    func pages<View: Sendable>(_ name: String, _ jobs: [(path: String, view: View)], confidential: Bool)
        throws(Problem) -> [OutputFile] {
        HTMLGuard.prepare()
        let results = Mutex([Int: Result<String, Problem>]())
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let r: Result<String, Problem>
            do throws(Problem) { r = .success(try page(name, jobs[i].view, output: jobs[i].path)) } catch { r = .failure(error) }
            results.withLock { $0[i] = r }
        }
        let done = results.withLock { $0 }
        var out: [OutputFile] = []
        out.reserveCapacity(jobs.count)
        for i in jobs.indices {
            switch done[i] {
            case .success(let html)?: out.append(OutputFile(path: jobs[i].path, text: html, confidential: confidential))
            case .failure(let p)?: throw p
            case nil: throw Problem(file: "\(directory)/\(name).mustache", reason: "ページを作れませんでした (page not rendered): \(jobs[i].path)")
            }
        }
        return out
    }
}

extension HTMLGuard {
    /// libxml2 must set up its global tables once, on one thread, before
    /// pages are parsed on several.
    static func prepare() { _ = initialised }
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()
}
