package rates

import (
	"net/http"
	"sync"
	"time"
)

type Cache struct {
	mu     sync.Mutex
	url    string
	values map[string]string
}

func (c *Cache) Refresh() error {
	c.mu.Lock()
	url := c.url
	c.mu.Unlock()

	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()

	c.mu.Lock()
	c.values = map[string]string{"at": time.Now().String()}
	c.mu.Unlock()
	return nil
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.Lock()
	if v, ok := c.values[k]; ok {
		c.mu.Unlock()
		return v, true
	}
	c.mu.Unlock()
	resp, err := http.Get(c.url + "/" + k)
	if err != nil {
		return "", false
	}
	resp.Body.Close()
	return "", false
}
