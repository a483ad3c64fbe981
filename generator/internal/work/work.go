// Package work spreads a loop over all cores. A panic in one iteration is raised again in the
// caller's goroutine once the others have stopped, so the build's recover turns a bug into an
// error message (a panic in a goroutine of its own would end the program at once, before
// any cleanup, with a stack trace instead of a message).
package work

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for every i in [0, n), on as many goroutines as there are cores, and
// returns when all calls have.
func Each(n int, fn func(i int)) {
	var failure atomic.Value
	safe := func(i int) {
		defer func() {
			if r := recover(); r != nil {
				failure.CompareAndSwap(nil, fmt.Sprint(r))
			}
		}()
		fn(i)
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	// Each worker takes the next index from a counter, in order. (Handed out through a
	// channel by the caller's goroutine, they left a worker waiting whenever every core was
	// busy and the caller could not run to refill it: 37 ms of waiting in a 1,000-page build.)
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				safe(i)
				// A worker that never waits keeps other goroutines (the writers that hand
				// page buffers back, the collector's workers) off its core until the
				// scheduler preempts it, 10 ms later: offer the core between items.
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	if r := failure.Load(); r != nil {
		panic(r)
	}
}
