/*
 * The ceiling of the many-user mix (bench/mix.sh): a FastCGI responder that does no work. It
 * answers every request at once with the same page of SIZE bytes, through libfcgi like the
 * portal's handlers, in as many worker processes of as many connection threads. nginx, with
 * the portal's own configuration pointed at it, then costs what it costs for a FastCGI page,
 * and wrk what it costs for the mix's requests: what is left of the two cores is what any
 * handler could ever have.
 * usage: ceiling SOCKET SIZE WORKERS THREADS
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int listener;
static char *page;
static int page_size;
static char head[160];

static void *serve(void *unused) {
    (void)unused;
    FCGX_Request request;
    FCGX_InitRequest(&request, listener, 0);
    while (FCGX_Accept_r(&request) == 0) {
        FCGX_PutS(head, request.out);
        FCGX_PutStr(page, page_size, request.out);
        FCGX_Finish_r(&request);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SOCKET SIZE WORKERS THREADS\n", argv[0]);
        return 2;
    }
    page_size = atoi(argv[2]);
    int workers = atoi(argv[3]), threads = atoi(argv[4]);
    if (page_size <= 0 || workers <= 0 || threads <= 0 || threads > 64) return 2;
    page = malloc(page_size);
    memset(page, 'x', page_size);
    snprintf(head, sizeof head, "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n",
             page_size);
    FCGX_Init();
    unlink(argv[1]);
    listener = FCGX_OpenSocket(argv[1], 128);
    if (listener < 0) return 1;
    /* nginx's workers may run as another user. */
    chmod(argv[1], 0777);
    for (int w = 0; w < workers; w++) {
        if (fork() == 0) {
            /* A worker goes with the parent, whichever way the benchmark stops it. */
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            pthread_t ids[64];
            for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, serve, NULL);
            for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
            _exit(0);
        }
    }
    while (wait(NULL) > 0) {}
    return 0;
}
