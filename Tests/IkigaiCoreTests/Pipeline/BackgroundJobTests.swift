import Foundation
import Testing
@testable import IkigaiCore

/// Work started early and asked for later must give its result, and only once it is done.
@Suite("Background jobs")
struct BackgroundJobTests {
    @Test func theValueIsTheJobsResultHoweverOftenItIsAsked() {
        let job = BackgroundJob { () -> Int in
            usleep(100_000)  // still running when first asked
            return (1...100_000).reduce(0, +)
        }
        #expect(job.value() == 5_000_050_000)
        #expect(job.value() == 5_000_050_000)
    }
}
