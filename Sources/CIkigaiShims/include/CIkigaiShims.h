#ifndef CIKIGAI_SHIMS_H
#define CIKIGAI_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (EINVAL/ENOSYS where the
/// file system or kernel cannot exchange).
int ikigai_exchange_paths(const char *a, const char *b);

/// Flushes everything written to the file system that holds `path` to disk
/// (syncfs(2)): one call after all of a run's files are written, instead of
/// an fsync per file. Returns 0 on success, otherwise -1 with errno set.
int ikigai_sync_filesystem(const char *path);

/// Linux: gives the calling thread (only it) the lowest priority, nice 19, so
/// that it runs on a core the other threads leave idle and yields to them
/// otherwise. Returns 0 on success, otherwise -1 with errno set (ENOSYS
/// elsewhere, where the thread simply keeps its priority).
int ikigai_lower_thread_priority(void);

/// While armed, an abort (SIGABRT) prints `message` to stderr and ends the
/// process with exit status 2 instead of a core-dumping crash. Used around the
/// TOML library, which asserts on some malformed files: the run has written
/// nothing yet, so "bad settings, exit 2" is the truthful outcome. `message`
/// must stay valid until disarmed.
void ikigai_abort_guard_arm(const char *message);
void ikigai_abort_guard_disarm(void);

/// Linux/glibc: unless GLIBC_TUNABLES already says something about
/// glibc.malloc.hugetlb (or IKIGAI_NO_HUGE_PAGES is set), adds
/// glibc.malloc.hugetlb=1 to it and re-executes this program with the same
/// arguments, so that malloc asks for transparent huge pages. Returns only
/// when nothing was done or the exec failed (the program then simply goes on).
int ikigai_reexec_with_huge_pages(char *const argv[]);

#endif
