#ifndef CIKIGAI_SHIMS_H
#define CIKIGAI_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (EINVAL/ENOSYS where the
/// file system or kernel cannot exchange).
int ikigai_exchange_paths(const char *a, const char *b);

#endif
