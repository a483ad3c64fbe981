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
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				safe(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if r := failure.Load(); r != nil {
		panic(r)
	}
}
