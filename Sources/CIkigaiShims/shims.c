#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CIkigaiShims.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int ikigai_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int ikigai_lower_thread_priority(void) {
#if defined(__linux__) && defined(SYS_gettid)
    // On Linux a nice value belongs to the thread named, not the whole process.
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int ikigai_sync_filesystem(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int r = syncfs(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return r;
}

#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char *guard_message = 0;
static struct sigaction guard_previous;

/* Async-signal-safe: only write(2) and _exit(2). */
static void ikigai_abort_guard_handler(int sig) {
    (void)sig;
    if (guard_message) {
        ssize_t ignored = write(2, guard_message, strlen(guard_message));
        (void)ignored;
    }
    _exit(2);
}

void ikigai_abort_guard_arm(const char *message) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ikigai_abort_guard_handler;
    sigemptyset(&action.sa_mask);
    guard_message = message;
    sigaction(SIGABRT, &action, &guard_previous);
}

void ikigai_abort_guard_disarm(void) {
    sigaction(SIGABRT, &guard_previous, 0);
    guard_message = 0;
}

int ikigai_reexec_with_huge_pages(char *const argv[]) {
#if defined(__linux__) && defined(__GLIBC__)
    static const char setting[] = "glibc.malloc.hugetlb=1";
    const char *current = getenv("GLIBC_TUNABLES");
    if (getenv("IKIGAI_NO_HUGE_PAGES") != NULL) return 0;
    if (current != NULL && strstr(current, "glibc.malloc.hugetlb") != NULL) return 0;
    char value[4096];
    int n = (current != NULL && current[0] != '\0')
        ? snprintf(value, sizeof value, "%s:%s", current, setting)
        : snprintf(value, sizeof value, "%s", setting);
    if (n < 0 || (size_t)n >= sizeof value) return -1;
    if (setenv("GLIBC_TUNABLES", value, 1) != 0) return -1;
    execv("/proc/self/exe", argv);
    return -1;
#else
    (void)argv;
    return 0;
#endif
}
