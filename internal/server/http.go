package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Paths of the operational endpoints.
const (
	PathHealth  = "/healthz"
	PathReady   = "/readyz"
	PathMetrics = "/metrics"
)

// newEcho builds the echo app: routes, middleware and the http.Server with
// its timeouts, serving s.listener.
func (s *Server) newEcho() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.Listener = s.listener
	e.StdLogger = slog.NewLogLogger(s.log.With("component", "http").Handler(), slog.LevelWarn)
	e.Server.ReadHeaderTimeout = s.opts.ReadHeaderTimeout
	e.Server.ReadTimeout = s.opts.ReadTimeout
	e.Server.WriteTimeout = s.opts.WriteTimeout
	e.Server.IdleTimeout = s.opts.IdleTimeout
	e.Server.MaxHeaderBytes = 64 << 10
	e.HTTPErrorHandler = s.httpError
	e.Use(s.recoverMiddleware, s.logMiddleware)

	if s.hook != nil {
		s.hook.Register(e) // POST /webhook
	}
	e.GET(PathHealth, func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	})
	e.GET(PathReady, func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 3*time.Second)
		defer cancel()
		if err := s.Ready(ctx); err != nil {
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": err.Error()})
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	})
	metrics := promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{
		Registry:          s.registry,
		ErrorLog:          slogPrinter{s.log},
		Timeout:           10 * time.Second,
		EnableOpenMetrics: true,
	})
	e.GET(PathMetrics, echo.WrapHandler(metrics))
	return e
}

// httpError answers echo's own errors (404, 405, a panic) with a short JSON
// body and never the error's internals for 5xx.
func (s *Server) httpError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code, msg := http.StatusInternalServerError, http.StatusText(http.StatusInternalServerError)
	if he, ok := err.(*echo.HTTPError); ok {
		code = he.Code
		if code < 500 {
			msg = fmt.Sprint(he.Message)
		} else {
			msg = http.StatusText(code)
		}
	}
	if code >= 500 {
		s.log.Error("http request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "error", err)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(code)
		return
	}
	_ = c.JSON(code, map[string]string{"error": msg})
}

// recoverMiddleware turns a handler panic into a 500 and a log line.
func (s *Server) recoverMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("http handler panic", "method", c.Request().Method, "path", c.Request().URL.Path, "panic", fmt.Sprint(r))
				err = echo.NewHTTPError(http.StatusInternalServerError)
			}
		}()
		return next(c)
	}
}

// logMiddleware logs each request at debug level (the webhook handler logs
// deliveries itself at info). It logs the path, never the query or body.
func (s *Server) logMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		s.log.LogAttrs(c.Request().Context(), slog.LevelDebug, "http request",
			slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path),
			slog.Int("status", c.Response().Status),
			slog.Duration("duration", time.Since(start)))
		return nil
	}
}

// slogPrinter adapts slog to promhttp's error logger.
type slogPrinter struct{ l *slog.Logger }

func (p slogPrinter) Println(v ...any) { p.l.Error("metrics: " + fmt.Sprint(v...)) }
