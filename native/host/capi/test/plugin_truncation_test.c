/* A plug-in cut short (an interrupted copy) and files that are not plug-in
 * files at all are refused before dlopen with a status of their own: mapping
 * a truncated ELF would kill the process with SIGBUS, opening a FIFO would
 * block it (issue 15). */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "wasmedge/wasmedge.h"
#include "ws_host.h"

#define SOURCE_PLUGIN WS_CAPI_TEST_PLUGIN_DIR "/libwsCapiTest.so"

/* Copies the first Size bytes of From to To; false on any error. */
static bool copy_prefix(const char *From, const char *To, long Size) {
  FILE *In = fopen(From, "rb");
  FILE *Out = fopen(To, "wb");
  bool Ok = In != NULL && Out != NULL;
  char Buffer[4096];
  long Left = Size;
  while (Ok && Left > 0) {
    size_t Want = Left < (long)sizeof(Buffer) ? (size_t)Left : sizeof(Buffer);
    size_t Got = fread(Buffer, 1, Want, In);
    Ok = Got == Want && fwrite(Buffer, 1, Got, Out) == Got;
    Left -= (long)Got;
  }
  if (In != NULL) fclose(In);
  if (Out != NULL) fclose(Out);
  return Ok;
}

void test_plugin_truncation(void) {
  struct stat St;
  CHECK("truncated: the source plug-in exists", stat(SOURCE_PLUGIN, &St) == 0 && St.st_size > 8192);
  char Dir[] = "/tmp/ws-capi-truncated-XXXXXX";
  CHECK("truncated: temp dir", mkdtemp(Dir) != NULL);
  const long Sizes[] = {64, 4096, (long)St.st_size / 2, (long)St.st_size - 1};
  const char *Labels[] = {"64 bytes", "4 KiB", "half", "size - 1"};
  for (int I = 0; I < 4; ++I) {
    char Path[512], Name[160];
    snprintf(Path, sizeof(Path), "%s/libcut%d.so", Dir, I);
    snprintf(Name, sizeof(Name), "truncated: copy of %s", Labels[I]);
    CHECK(Name, copy_prefix(SOURCE_PLUGIN, Path, Sizes[I]));
    ws_load_result R;
    snprintf(Name, sizeof(Name), "truncated: %s is refused as truncated", Labels[I]);
    CHECK_EQ_U(Name, ws_host_plugin_load_file(Path, &R), WS_LOAD_TRUNCATED);
    snprintf(Name, sizeof(Name), "truncated: %s message names the file, the size and the fix", Labels[I]);
    char Size[64];
    snprintf(Size, sizeof(Size), "(%ld bytes", Sizes[I]);
    CHECK(Name, strstr(R.Message, Path) != NULL && strstr(R.Message, "is a truncated ELF file") != NULL &&
                    strstr(R.Message, Size) != NULL && strstr(R.Message, "copy the plug-in again") != NULL);
    unlink(Path);
  }
  /* The whole file still loads: the check does not refuse good plug-ins. */
  char Whole[512];
  snprintf(Whole, sizeof(Whole), "%s/libwhole.so", Dir);
  CHECK("truncated: whole copy", copy_prefix(SOURCE_PLUGIN, Whole, (long)St.st_size));
  ws_load_result R;
  enum ws_load_status Status = ws_host_plugin_load_file(Whole, &R);
  CHECK("truncated: the whole file passes the checks", Status == WS_LOAD_OK || Status == WS_LOAD_ALREADY_LOADED ||
                                                             Status == WS_LOAD_DUPLICATE_NAME);
  unlink(Whole);

  /* A FIFO named like a plug-in: refused without being opened (no writer
   * ever comes, so opening it for reading would block this test forever). */
  char Fifo[512];
  snprintf(Fifo, sizeof(Fifo), "%s/libfifo.so", Dir);
  CHECK("not a file: mkfifo", mkfifo(Fifo, 0600) == 0);
  CHECK_EQ_U("not a file: a FIFO is refused", ws_host_plugin_load_file(Fifo, &R), WS_LOAD_NOT_A_FILE);
  CHECK("not a file: the FIFO message", strstr(R.Message, "is a FIFO, not a plug-in file") != NULL);
  unlink(Fifo);

  char Folder[512];
  snprintf(Folder, sizeof(Folder), "%s/libfolder.so", Dir);
  CHECK("not a file: mkdir x.so", mkdir(Folder, 0700) == 0);
  CHECK_EQ_U("not a file: a folder named *.so is refused", ws_host_plugin_load_file(Folder, &R), WS_LOAD_NOT_A_FILE);
  CHECK("not a file: the folder message", strstr(R.Message, "is a folder, not a plug-in file") != NULL);
  rmdir(Folder);

  char Socket[100]; /* sun_path holds 108 bytes */
  snprintf(Socket, sizeof(Socket), "%s/libsock.so", Dir);
  int Fd = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un Address = {.sun_family = AF_UNIX};
  snprintf(Address.sun_path, sizeof(Address.sun_path), "%s", Socket);
  CHECK("not a file: bind a socket", Fd >= 0 && bind(Fd, (struct sockaddr *)&Address, sizeof(Address)) == 0);
  CHECK_EQ_U("not a file: a socket is refused", ws_host_plugin_load_file(Socket, &R), WS_LOAD_NOT_A_FILE);
  CHECK("not a file: the socket message", strstr(R.Message, "is a socket, not a plug-in file") != NULL);
  if (Fd >= 0) close(Fd);
  unlink(Socket);
  rmdir(Dir);
}
