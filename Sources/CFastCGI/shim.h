// fcgiapp.h only: fcgi_stdio.h macros are invisible to Swift and would send output to libc stdout.
#include <fcgiapp.h>
// mallopt, which Swift's Glibc module leaves out: a worker keeps one malloc arena for its
// connection threads (see Worker.run).
#include <malloc.h>
#include <sys/prctl.h>

// prctl is variadic, which Swift cannot call: a worker asks for `signal` when the process
// that started it dies (see Worker.watchSupervisor). Returns 0, or -1 with errno set.
static inline int portal_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
