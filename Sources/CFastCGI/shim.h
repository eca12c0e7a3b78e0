// fcgiapp.h only: fcgi_stdio.h macros are invisible to Swift and would send output to libc stdout.
#include <fcgiapp.h>
// mallopt, which Swift's Glibc module leaves out: a worker keeps one malloc arena for its
// connection threads (see Worker.run).
#include <malloc.h>
