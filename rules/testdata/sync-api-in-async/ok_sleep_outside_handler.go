package worker

import (
	"log"
	"net/http"
	"time"
)

// Poll runs in a background goroutine, not on a request path.
func Poll(url string, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		resp, err := http.Get(url)
		if err != nil {
			log.Print(err)
		} else {
			resp.Body.Close()
		}
		time.Sleep(30 * time.Second)
	}
}

func main() {
	time.Sleep(time.Second)
	http.ListenAndServe(":8080", nil)
}
