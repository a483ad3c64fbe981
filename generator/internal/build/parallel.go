package build

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls fn(i) for i in [0, n) on all cores. A panic in fn is raised again in the
// caller's goroutine, where the build recovers from it (a panic in a worker goroutine would
// end the program before any deferred cleanup).
func parallel(n int, fn func(i int)) {
	var failure atomic.Value
	safe := func(i int) {
		defer func() {
			if r := recover(); r != nil {
				failure.CompareAndSwap(nil, fmt.Sprint(r))
			}
		}()
		fn(i)
	}
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
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
