//go:build race

package build

// slowRange is a {{range}} count that runs a second or two: the race detector makes each
// step of a range about eight times slower.
const slowRange = "6000000"
