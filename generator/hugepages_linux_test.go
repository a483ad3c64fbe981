package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"testing"
	"unsafe"
)

func TestPreferHugePagesMarksTheHeapTheBuildGrows(t *testing.T) {
	if hugePageSize() == 0 || !mayMapUnused() {
		t.Skip("the kernel gives huge pages unasked or never, GODEBUG turns them off, or the address space is limited: nothing is marked")
	}
	preferHugePages(128 << 20)
	// What the build allocates next comes from the addresses that were handed back.
	page := make([]byte, 8<<20)
	for i := range page {
		page[i] = 1
	}
	eligible, err := hugePageEligible(uintptr(unsafe.Pointer(&page[0])))
	if err != nil {
		t.Fatal(err)
	}
	if !eligible {
		t.Error("the heap the build allocates from is not marked for huge pages")
	}
}

func TestPreferHugePagesLeavesNoHeapBehind(t *testing.T) {
	retained := func() int64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapSys - m.HeapReleased)
	}
	before := retained()
	preferHugePages(128 << 20)
	if grown := retained() - before; grown > 16<<20 {
		t.Errorf("the heap kept %d MB it does not use; a memory limit would count them", grown>>20)
	}
}

// hugePageEligible reads /proc/self/smaps for the mapping that holds addr.
func hugePageEligible(addr uintptr) (bool, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return false, err
	}
	defer f.Close()
	inside := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Bytes()
		var lo, hi uintptr
		// A mapping's first line is its address range; the lines after it are "Key: value".
		if n, _ := fmt.Sscanf(string(line), "%x-%x", &lo, &hi); n == 2 {
			inside = lo <= addr && addr < hi
			continue
		}
		if inside && bytes.HasPrefix(line, []byte("THPeligible:")) {
			return bytes.HasSuffix(bytes.TrimSpace(line), []byte("1")), nil
		}
	}
	return false, fmt.Errorf("no mapping holds %#x (%v)", addr, s.Err())
}
