#include "process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wasmedge/ws_extensions.h"

/* How often the wait checks the guest's time limit (ws_interrupt_requested). */
#define WS_INTERRUPT_CHECK_MS 10

enum { READ_END = 0, WRITE_END = 1, CHUNK = 65536 };

static int64_t monotonic_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void close_fd(int *Fd) {
  if (*Fd >= 0) close(*Fd);
  *Fd = -1;
}

static void close_pipe(int Fds[2]) {
  close_fd(&Fds[0]);
  close_fd(&Fds[1]);
}

static void close_pipes(int In[2], int Out[2], int Err[2]) {
  close_pipe(In);
  close_pipe(Out);
  close_pipe(Err);
}

/* A close-on-exec pipe whose ends are both above 2, so that the dup2 file
 * actions onto 0/1/2 can never overwrite one another. */
static int make_pipe(int Fds[2]) {
  if (pipe2(Fds, O_CLOEXEC) != 0) {
    Fds[0] = Fds[1] = -1;
    return -1;
  }
  for (int i = 0; i < 2; ++i) {
    if (Fds[i] > 2) continue;
    int moved = fcntl(Fds[i], F_DUPFD_CLOEXEC, 3);
    if (moved < 0) {
      int saved = errno;
      close_pipe(Fds);
      errno = saved;
      return -1;
    }
    close(Fds[i]);
    Fds[i] = moved;
  }
  return 0;
}

static void set_nonblocking(int Fd) {
  int flags = fcntl(Fd, F_GETFL);
  if (flags >= 0) fcntl(Fd, F_SETFL, flags | O_NONBLOCK);
}

static int open_pidfd(pid_t Pid) {
#ifdef SYS_pidfd_open
  return (int)syscall(SYS_pidfd_open, Pid, 0);
#else
  (void)Pid;
  return -1;
#endif
}

typedef struct output_stream {
  int fd;
  ws_byte_buffer *captured;
  uint64_t limit;
  uint64_t *discarded;
} output_stream;

/* Reads what is available; closes the stream at end of file. */
static void drain_available(output_stream *Stream) {
  uint8_t chunk[CHUNK];
  while (Stream->fd >= 0) {
    ssize_t got = read(Stream->fd, chunk, sizeof(chunk));
    if (got > 0) {
      size_t room = Stream->captured->length < Stream->limit
                        ? (size_t)(Stream->limit - Stream->captured->length)
                        : 0;
      size_t keep = (size_t)got < room ? (size_t)got : room;
      /* Out of host memory counts as discarded output, never as a crash. */
      if (keep > 0 && !ws_byte_buffer_append(Stream->captured, chunk, keep)) keep = 0;
      *Stream->discarded += (uint64_t)got - keep;
      continue;
    }
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    close_fd(&Stream->fd); /* EOF or error */
  }
}

/* Writes what the pipe takes now. A child that exits or closes its stdin
 * yields EPIPE: the rest of the input is dropped. SIGPIPE is blocked for the
 * write and a pending one consumed, so hosts that do not ignore SIGPIPE
 * (Node does) are not killed either. */
static void write_available(int *Fd, const uint8_t *Data, size_t Length, size_t *Written) {
  sigset_t pipe_only, previous;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, &previous);
  bool broken = false;
  while (*Written < Length) {
    size_t left = Length - *Written;
    ssize_t put = write(*Fd, Data + *Written, left < CHUNK ? left : CHUNK);
    if (put > 0) {
      *Written += (size_t)put;
      continue;
    }
    if (put < 0 && errno == EINTR) continue;
    if (put < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    broken = true;
    break;
  }
  if (broken) {
    struct timespec zero = {0, 0};
    while (sigtimedwait(&pipe_only, NULL, &zero) == SIGPIPE) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  if (broken || *Written == Length) close_fd(Fd);
}

static pid_t spawn_child(const ws_spawn_request *Request, int StdinRead, int StdoutWrite,
                         int StderrWrite, int *Error) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  pid_t pid = -1;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  posix_spawn_file_actions_adddup2(&actions, StdinRead, 0);
  posix_spawn_file_actions_adddup2(&actions, StdoutWrite, 1);
  posix_spawn_file_actions_adddup2(&actions, StderrWrite, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  /* Descriptors the host opened without O_CLOEXEC do not leak to the child. */
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
  /* Own process group (so the whole tree can be killed), default signal
   * dispositions (Node ignores SIGPIPE, children must not inherit that) and
   * an empty signal mask. */
  sigset_t defaults, empty;
  sigfillset(&defaults);
  sigdelset(&defaults, SIGKILL);
  sigdelset(&defaults, SIGSTOP);
  sigemptyset(&empty);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &empty);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                            POSIX_SPAWN_SETSIGMASK);
  *Error = posix_spawn(&pid, Request->path, &actions, &attributes, Request->argv, Request->envp);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return *Error == 0 ? pid : -1;
}

/* Records the child's status without reaping it: the zombie keeps its pid,
 * and so the process-group id, reserved until the group is killed. */
static bool peek_exit(pid_t Pid, siginfo_t *Info) {
  memset(Info, 0, sizeof(*Info));
  for (;;) {
    if (waitid(P_PID, (id_t)Pid, Info, WEXITED | WNOHANG | WNOWAIT) == 0) return Info->si_pid == Pid;
    if (errno != EINTR) return false;
  }
}

void ws_spawn_run(const ws_spawn_request *Request, ws_byte_buffer *Stdout, ws_byte_buffer *Stderr,
                  ws_spawn_outcome *Outcome) {
  memset(Outcome, 0, sizeof(*Outcome));
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (make_pipe(in) != 0 || make_pipe(out) != 0 || make_pipe(err) != 0) {
    Outcome->status = WS_SPAWN_SETUP_FAILED;
    Outcome->value = errno;
    close_pipes(in, out, err);
    return;
  }
  const int64_t deadline = monotonic_ms() + Request->timeout_ms;
  int spawn_error = 0;
  pid_t pid = spawn_child(Request, in[READ_END], out[WRITE_END], err[WRITE_END], &spawn_error);
  close_fd(&in[READ_END]);
  close_fd(&out[WRITE_END]);
  close_fd(&err[WRITE_END]);
  if (pid < 0) {
    /* glibc's posix_spawn reports exec failures (ENOENT, EACCES, ENOEXEC). */
    Outcome->status = WS_SPAWN_EXEC_FAILED;
    Outcome->value = spawn_error;
    close_pipes(in, out, err);
    return;
  }

  int stdin_fd = in[WRITE_END];
  size_t stdin_written = 0;
  if (Request->stdin_length == 0) close_fd(&stdin_fd);
  else set_nonblocking(stdin_fd);
  output_stream streams[2] = {
      {out[READ_END], Stdout, Request->output_limit, &Outcome->stdout_discarded},
      {err[READ_END], Stderr, Request->output_limit, &Outcome->stderr_discarded},
  };
  set_nonblocking(streams[0].fd);
  set_nonblocking(streams[1].fd);
  int pidfd = open_pidfd(pid);
  bool exited = false, timed_out = false;
  siginfo_t exit_info;

  while (!exited || streams[0].fd >= 0 || streams[1].fd >= 0) {
    int64_t remaining = deadline - monotonic_ms();
    /* The guest's time limit fired (ws run --time-limit): it is being
     * stopped, so the command is, as at its own deadline. */
    if (remaining <= 0 || ws_current_interrupt_requested()) {
      /* An exit that raced with the deadline still counts as an exit. */
      if (!exited) exited = peek_exit(pid, &exit_info);
      timed_out = !exited;
      break;
    }
    struct pollfd fds[4];
    int count = 0, stdin_slot = -1, pid_slot = -1, stream_slot[2] = {-1, -1};
    if (stdin_fd >= 0) {
      stdin_slot = count;
      fds[count++] = (struct pollfd){.fd = stdin_fd, .events = POLLOUT};
    }
    for (int i = 0; i < 2; ++i) {
      if (streams[i].fd < 0) continue;
      stream_slot[i] = count;
      fds[count++] = (struct pollfd){.fd = streams[i].fd, .events = POLLIN};
    }
    if (!exited && pidfd >= 0) {
      pid_slot = count;
      fds[count++] = (struct pollfd){.fd = pidfd, .events = POLLIN};
    }
    /* Without a pidfd (kernels before 5.3) the exit is polled every ms. */
    int wait_ms = remaining > WS_INTERRUPT_CHECK_MS ? WS_INTERRUPT_CHECK_MS : (int)remaining;
    if (!exited && pidfd < 0 && wait_ms > 1) wait_ms = 1;
    int ready = poll(fds, (nfds_t)count, wait_ms);
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0 && stdin_slot >= 0 && fds[stdin_slot].revents) {
      if (fds[stdin_slot].revents & (POLLERR | POLLHUP | POLLNVAL)) close_fd(&stdin_fd);
      else write_available(&stdin_fd, Request->stdin_data, Request->stdin_length, &stdin_written);
    }
    for (int i = 0; i < 2; ++i) {
      if (ready > 0 && stream_slot[i] >= 0 && fds[stream_slot[i]].revents) drain_available(&streams[i]);
    }
    if (!exited && (pidfd < 0 || (ready > 0 && fds[pid_slot].revents))) {
      exited = peek_exit(pid, &exit_info);
      if (exited) close_fd(&stdin_fd);
    }
  }

  /* Nothing of the command's process group outlives the run. The leader is
   * not reaped yet, so its id cannot have been reused by another group. */
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  /* Output already in the pipes; never blocks (a writer outside the group
   * may still hold them open). */
  drain_available(&streams[0]);
  drain_available(&streams[1]);
  close_fd(&streams[0].fd);
  close_fd(&streams[1].fd);
  close_fd(&stdin_fd);
  close_fd(&pidfd);

  if (timed_out) {
    Outcome->status = WS_SPAWN_TIMED_OUT;
  } else if (exited && exit_info.si_code == CLD_EXITED) {
    Outcome->status = WS_SPAWN_EXITED;
    Outcome->value = exit_info.si_status;
  } else if (exited) {
    Outcome->status = WS_SPAWN_SIGNALED;
    Outcome->value = exit_info.si_status;
  } else if (WIFEXITED(status)) { /* poll failed: fall back to the reaped status */
    Outcome->status = WS_SPAWN_EXITED;
    Outcome->value = WEXITSTATUS(status);
  } else {
    Outcome->status = WS_SPAWN_SIGNALED;
    Outcome->value = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
  }
}
