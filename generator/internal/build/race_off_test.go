//go:build !race

package build

// slowRange is a {{range}} count that runs a second or two (32 ns a step here).
const slowRange = "50000000"
