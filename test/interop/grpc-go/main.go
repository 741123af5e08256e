// grpc-go, the Pulumi engine's gRPC, against a policy pack: dialled and probed as the engine dials and
// probes a plugin, then sent the Analyzer calls the engine sends, a large AnalyzeStack and 64 Analyze
// calls in flight. It prints what it got (status, or size and SHA-256 of the answer); test/interop/grpcGo.ts
// runs it against tierguard's server and the SDK's and requires the same lines. Request files are
// read from the working directory.
package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/ioutil"
	"os"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type rawCodec struct{}

func (rawCodec) Marshal(v interface{}) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	return *(v.(*[]byte)), nil
}
func (rawCodec) Unmarshal(data []byte, v interface{}) error {
	if v == nil {
		return nil
	}
	b := make([]byte, len(data))
	copy(b, data)
	*(v.(*[]byte)) = b
	return nil
}
func (rawCodec) Name() string { return "proto" }

func call(conn *grpc.ClientConn, method string, req []byte) string {
	var resp []byte
	err := conn.Invoke(context.Background(), method, &req, &resp, grpc.ForceCodec(rawCodec{}), grpc.MaxCallRecvMsgSize(400<<20), grpc.MaxCallSendMsgSize(400<<20))
	if err != nil {
		s, _ := status.FromError(err)
		msg := s.Message()
		if len(msg) > 60 {
			msg = msg[:60]
		}
		return fmt.Sprintf("%s %s: %q", method, s.Code(), msg)
	}
	return fmt.Sprintf("%s OK %d bytes sha256 %x", method, len(resp), sha256.Sum256(resp))
}

func main() {
	addr := os.Args[1]
	conn, err := grpc.Dial(addr, grpc.WithInsecure())
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	// The engine's readiness probe (pkg/resource/plugin): invoke "" until the answer is not Unavailable.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		err = conn.Invoke(ctx, "", nil, nil)
		if s, ok := status.FromError(err); ok && s.Code() == codes.Unavailable {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		s, _ := status.FromError(err)
		fmt.Printf("probe: %s\n", s.Code())
		break
	}
	read := func(name string) []byte {
		b, err := ioutil.ReadFile(name)
		if err != nil {
			panic(err)
		}
		return b
	}
	fmt.Println(call(conn, "/pulumirpc.Analyzer/GetPluginInfo", []byte{}))
	fmt.Println(call(conn, "/pulumirpc.Analyzer/GetAnalyzerInfo", []byte{}))
	fmt.Println(call(conn, "/pulumirpc.Analyzer/Handshake", []byte{}))
	fmt.Println(call(conn, "/pulumirpc.Analyzer/ConfigureStack", read("configureStack.bin")))
	fmt.Println(call(conn, "/pulumirpc.Analyzer/Analyze", read("analyze.bin")))
	big := read("stack.bin")
	fmt.Printf("AnalyzeStack request %d bytes\n", len(big))
	fmt.Println(call(conn, "/pulumirpc.Analyzer/AnalyzeStack", big))
	// As the engine sends Analyze: many in flight on one connection.
	var wg sync.WaitGroup
	results := make([]string, 64)
	one := read("analyze.bin")
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = call(conn, "/pulumirpc.Analyzer/Analyze", one)
		}(i)
	}
	wg.Wait()
	same := 0
	for _, r := range results {
		if r == results[0] {
			same++
		}
	}
	fmt.Printf("64 concurrent Analyze: %d identical: %s\n", same, results[0])
}
