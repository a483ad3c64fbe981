package work

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestPanicInAWorkerReachesTheCaller(t *testing.T) {
	var done atomic.Int32
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("recovered %v, want the worker's panic", r)
			}
		}()
		Each(50, func(i int) {
			if i == 2 {
				panic("boom")
			}
			done.Add(1)
		})
	}()
	if done.Load() != 49 {
		t.Errorf("%d other iterations ran, want all 49: a panic must not stop the rest half-way", done.Load())
	}
}
