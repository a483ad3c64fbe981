package build

import (
	"sync"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/layout"
)

// DefaultTimeout is how long one drawing of a layout may take, as Hugo's timeout: every page
// of the 10,000-page corpus, its 9 MB toolkit among them, is drawn in under 0.1 s here (the
// build passes with --timeout 100ms).
const DefaultTimeout = time.Minute

// building is a build under way, as its time limit sees it: the output folder it writes,
// and whether it has begun the swap or been given up on. The one excludes the other.
type building struct {
	mu        sync.Mutex
	out       *output
	swapping  bool
	givenUp   bool
	abandoned chan struct{} // closed when the build is given up on
}

// writing records the build's output folder; false when the build was given up on already.
func (b *building) writing(out *output) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.out = out
	return !b.givenUp
}

// committing reports whether the build may swap its folder in: not once given up on, and
// after this, it never is.
func (b *building) committing() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.swapping = !b.givenUp
	return b.swapping
}

// giveUp ends the build from outside, unless it is swapping already; it reports whether it
// did. The folder the build writes goes (the target and the spare stay as they were).
func (b *building) giveUp() bool {
	b.mu.Lock()
	if b.swapping {
		b.mu.Unlock()
		return false
	}
	b.givenUp = true
	out := b.out
	b.mu.Unlock()
	close(b.abandoned) // the other workers stop, and the writers drop what is queued
	if out != nil {
		out.abort()
	}
	return true
}

// withTimeout runs build in a goroutine of its own and waits for it, unless a drawing of a
// layout goes on for longer than opts.Timeout. html/template cannot be stopped, so that
// build is given up on: its folder is removed, and the error names the layout and the
// page. The drawing goes on in the background until it ends or the program does; the
// build command ends the program.
func withTimeout(opts Options, build func(Options, *building) (*Model, *Result, error)) (*Model, *Result, error) {
	limit := opts.limit()
	watch := &layout.Watch{}
	b := &building{abandoned: make(chan struct{})}
	inner := opts
	inner.watch = watch
	finished := make(chan struct{})
	defer close(finished)
	inner.Stop = eitherClosed(opts.Stop, b.abandoned, finished)
	type outcome struct {
		m   *Model
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		m, res, err := build(inner, b)
		done <- outcome{m, res, err}
	}()
	o, d, late := waitWatched(done, watch, limit, b.giveUp)
	if late {
		res := &Result{Diags: &diag.List{}}
		reportOverdue(res.Diags, d, limit)
		return nil, res, res.Diags.Err()
	}
	return o.m, o.res, o.err
}

// waitWatched waits for the value on done, unless a drawing in watch goes on for longer than
// limit and stop agrees to stop waiting for it (it may refuse: a build that is swapping
// already); then it returns that drawing and late.
func waitWatched[T any](done <-chan T, watch *layout.Watch, limit time.Duration, stop func() bool) (v T, d layout.Drawing, late bool) {
	tick := time.NewTicker(min(max(limit/4, 10*time.Millisecond), time.Second))
	defer tick.Stop()
	for {
		select {
		case v := <-done:
			return v, layout.Drawing{}, false
		case <-tick.C:
			d, ok := watch.Oldest()
			if ok && time.Since(d.Began) >= limit && stop() {
				return v, d, true
			}
		}
	}
}

// limit is the time limit of one drawing.
func (o Options) limit() time.Duration {
	if o.Timeout <= 0 { // not set: a build without a limit could hang for good
		return DefaultTimeout
	}
	return o.Timeout
}

// reportOverdue says which drawing did not end, and where to look.
func reportOverdue(diags *diag.List, d layout.Drawing, limit time.Duration) {
	what := d.What
	if what == "" {
		what = "a page"
	}
	diags.Errorf(d.File, 0,
		"look in this layout and the partials it draws for a {{range}} over far more than it should (a number, or ranges nested over every page); --timeout changes the limit (build, check, pdf)",
		"drawing %s has taken more than %s", what, limit)
}

// eitherClosed is a channel closed when a or b is (a may be nil); it is left open, and
// forgotten, once finished is closed.
func eitherClosed(a <-chan struct{}, b, finished chan struct{}) <-chan struct{} {
	if a == nil {
		return b
	}
	both := make(chan struct{})
	go func() {
		select {
		case <-a:
			close(both)
		case <-b:
			close(both)
		case <-finished:
			select { // given up on as it finished: the build must still see it
			case <-b:
				close(both)
			default:
			}
		}
	}()
	return both
}
