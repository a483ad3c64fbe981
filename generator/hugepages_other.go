//go:build !linux

package main

// preferHugePages does nothing where the heap's page size is not ours to ask for.
func preferHugePages(heap int) {}
