// Tries every kind of write under a preopened folder and prints each result:
// `name = ok` or `name = <errno name>`. Usage: readonly_dir DIR (DIR holds a file `existing`
// and a folder `folder`; run with --dir DIR:HOST[:readonly]).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static const char *errno_name(int e) {
  switch (e) {
  case EROFS: return "EROFS";
  case ENOTCAPABLE: return "ENOTCAPABLE";
  case EACCES: return "EACCES";
  case EPERM: return "EPERM";
  case EBADF: return "EBADF";
  case ENOENT: return "ENOENT";
  case EEXIST: return "EEXIST";
  case EINVAL: return "EINVAL";
  case ENOTSUP: return "ENOTSUP";
  case EISDIR: return "EISDIR";
  case ENOSYS: return "ENOSYS";
  default: return strerror(e);
  }
}

static void report(const char *name, int result) {
  if (result >= 0) printf("%s = ok\n", name);
  else printf("%s = %s\n", name, errno_name(errno));
}

static char path_buffer[512];
static const char *at(const char *dir, const char *name) {
  snprintf(path_buffer, sizeof path_buffer, "%s/%s", dir, name);
  return path_buffer;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: readonly_dir DIR\n");
    return 2;
  }
  const char *dir = argv[1];
  char buffer[64];
  int fd = open(at(dir, "existing"), O_RDONLY);
  report("open read", fd);
  if (fd >= 0) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    report("read", (int)n);
    report("write on a read fd", (int)write(fd, "x", 1));
    report("ftruncate on a read fd", ftruncate(fd, 0));
    close(fd);
  }
  fd = open(at(dir, "existing"), O_WRONLY);
  report("open write", fd);
  if (fd >= 0) {
    report("write", (int)write(fd, "x", 1));
    close(fd);
  }
  fd = open(at(dir, "existing"), O_RDWR);
  report("open read-write", fd);
  if (fd >= 0) close(fd);
  fd = open(at(dir, "existing"), O_RDONLY | O_TRUNC);
  report("open truncate", fd);
  if (fd >= 0) close(fd);
  fd = open(at(dir, "existing"), O_WRONLY | O_APPEND);
  report("open append", fd);
  if (fd >= 0) close(fd);
  fd = open(at(dir, "created"), O_WRONLY | O_CREAT, 0644);
  report("open create", fd);
  if (fd >= 0) close(fd);
  report("mkdir", mkdir(at(dir, "made"), 0755));
  report("rmdir", rmdir(at(dir, "folder")));
  char to[512];
  snprintf(to, sizeof to, "%s/renamed", dir);
  report("rename", rename(at(dir, "existing"), to));
  report("unlink", unlink(at(dir, "existing")));
  report("symlink", symlink("existing", at(dir, "symlinked")));
  snprintf(to, sizeof to, "%s/linked", dir);
  report("link", link(at(dir, "existing"), to));
  struct timeval times[2] = {{1, 0}, {2, 0}};
  report("utimes", utimes(at(dir, "existing"), times));
  struct stat st;
  report("stat", stat(at(dir, "existing"), &st));
  fd = open(dir, O_RDONLY | O_DIRECTORY);
  report("open folder", fd);
  if (fd >= 0) close(fd);
  return 0;
}
