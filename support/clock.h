/* Seconds as doubles: monotonic for timers and durations, wall for what a
 * status shows. */
#ifndef WFC_CLOCK_H
#define WFC_CLOCK_H
#include <time.h>

static inline double wfc_now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline double wfc_now_wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
