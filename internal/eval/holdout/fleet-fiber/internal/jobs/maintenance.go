//go:build ignore

package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"gorm.io/gorm"

	"example.com/fleet/internal/models"
)

var workshopWebhook = os.Getenv("WORKSHOP_WEBHOOK_URL")

// Maintenance opens service tickets for vehicles close to their service interval.
type Maintenance struct {
	db     *gorm.DB
	log    *slog.Logger
	client *http.Client
}

// NewMaintenance returns the job.
func NewMaintenance(db *gorm.DB, log *slog.Logger) *Maintenance {
	return &Maintenance{db: db, log: log, client: &http.Client{Timeout: 10 * time.Second}}
}

// Run is called nightly by the scheduler.
func (m *Maintenance) Run(ctx context.Context) error {
	db := m.db.WithContext(ctx)
	var due []models.Vehicle
	err := db.Where("status = ? AND next_service_km - odometer_km < ?", "active", 500).
		Where("NOT EXISTS (SELECT 1 FROM service_tickets st WHERE st.vehicle_id = vehicles.id AND st.created_at > now() - interval '30 days')").
		Find(&due).Error
	if err != nil {
		return err
	}

	tickets := make([]models.ServiceTicket, 0, len(due))
	for _, v := range due {
		t := models.ServiceTicket{
			VehicleID: v.ID,
			Reason:    fmt.Sprintf("service due at %d km (now %d km)", v.NextServiceKm, v.OdometerKm),
			DueBy:     time.Now().AddDate(0, 0, 14),
		}
		if err := db.Create(&t).Error; err != nil { // expect: query-in-loop
			return fmt.Errorf("ticket for vehicle %d: %w", v.ID, err)
		}
		tickets = append(tickets, t)
	}
	if len(tickets) == 0 {
		return nil
	}
	return m.notifyWorkshop(ctx, tickets)
}

// notifyWorkshop posts the new tickets, retrying transient failures with backoff.
func (m *Maintenance) notifyWorkshop(ctx context.Context, tickets []models.ServiceTicket) error {
	body, _ := json.Marshal(tickets)
	var lastErr error
	for attempt := 1; attempt <= 4; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, workshopWebhook, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := m.client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
			lastErr = fmt.Errorf("workshop webhook: status %d", resp.StatusCode)
		} else {
			lastErr = err
		}
		m.log.WarnContext(ctx, "workshop webhook failed", "attempt", attempt, "err", lastErr)
		time.Sleep(time.Duration(attempt*attempt) * time.Second)
	}
	return lastErr
}
