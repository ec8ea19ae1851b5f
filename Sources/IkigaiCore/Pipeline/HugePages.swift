import CIkigaiShims

/// Asks glibc's malloc for transparent huge pages, for the whole process.
///
/// A run at 100× touches about 2 GB of fresh memory. On this machine kind
/// (a VM, THP in `madvise` mode) each 4 KiB page fault was expensive enough
/// that the kernel's page clearing and fault handling took a third as much
/// time as the program itself, and varied with the host's load: the same
/// 100× run took 30–33 s, and 24–25 s with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`
/// (`/usr/bin/time`, one session). The setting can only be given when a
/// process starts, so the executables call this first thing: it re-executes
/// the program once with the setting added. `IKIGAI_NO_HUGE_PAGES=1`, or any
/// hugetlb setting of one's own in GLIBC_TUNABLES, leaves the process alone.
public enum HugePages {
    public static func enable() {
        _ = ikigai_reexec_with_huge_pages(CommandLine.unsafeArgv)
    }
}
