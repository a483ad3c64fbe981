package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/educare-handbook/handbook/generator/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	port := fs.Int("port", 1313, "port on 127.0.0.1 (this computer only)")
	drafts := fs.Bool("drafts", true, "show pages with draft: true")
	gitDates := fs.Bool("git-dates", true, "show each page's last update date from git log")
	if !parseFlags(fs, args) {
		return 2
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v (is another preview running? try --port %d)\n", err, *port+1)
		return 1
	}
	opts := serve.Options{Root: ".", Drafts: *drafts, Log: stdout}
	if *gitDates {
		opts.Updated = lastUpdates(".", stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := serve.New(opts, ln)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop); pages reload when you save\n", s.URL())
	if err := s.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
