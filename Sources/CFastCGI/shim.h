// fcgiapp.h only: fcgi_stdio.h macros are invisible to Swift and would send output to libc stdout.
#include <fcgiapp.h>
