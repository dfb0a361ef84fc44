package tokens

import (
	"net/http"
	"sync"
	"time"
)

type Source struct {
	sync.Mutex
	client *http.Client
	token  string
	exp    time.Time
}

func (s *Source) Token(req *http.Request) (string, error) {
	s.Lock()
	defer s.Unlock()
	if time.Now().Before(s.exp) {
		return s.token, nil
	}
	resp, err := s.client.Do(req) // want "sync-api-in-async: `s.client.Do` makes an HTTP request while `s` is held"
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	s.exp = time.Now().Add(time.Hour)
	return s.token, nil
}
