//go:build ignore

// Package accounts manages users and groups with ent.
package accounts

import (
	"context"
	"fmt"
	"strings"

	"example.com/identity/ent"
	"example.com/identity/ent/group"
	"example.com/identity/ent/loginevent"
	"example.com/identity/ent/user"
)

// Service is the account service.
type Service struct {
	client *ent.Client
}

// NewService returns a Service.
func NewService(client *ent.Client) *Service { return &Service{client: client} }

// ByEmail returns the active user with the given email.
func (s *Service) ByEmail(ctx context.Context, email string) (*ent.User, error) {
	return s.client.User.Query().
		Where(user.EmailEQ(strings.ToLower(email)), user.DisabledAtIsNil()).
		Only(ctx)
}

// WithGroups returns users and their groups, eager-loaded in two queries.
func (s *Service) WithGroups(ctx context.Context, ids []int) ([]*ent.User, error) {
	return s.client.User.Query().
		Where(user.IDIn(ids...)).
		WithGroups().
		All(ctx)
}

// GroupNames returns the names of the given groups, in order.
func (s *Service) GroupNames(ctx context.Context, groupIDs []int) ([]string, error) {
	names := make([]string, 0, len(groupIDs))
	for _, id := range groupIDs {
		g, err := s.client.Group.Get(ctx, id) // expect: query-in-loop
		if err != nil {
			return nil, fmt.Errorf("group %d: %w", id, err)
		}
		names = append(names, g.Name)
	}
	return names, nil
}

// Invite creates pending users for every email not yet registered.
func (s *Service) Invite(ctx context.Context, emails []string, groupID int) ([]*ent.User, error) {
	existing, err := s.client.User.Query().Where(user.EmailIn(emails...)).Select(user.FieldEmail).Strings(ctx)
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(existing))
	for _, e := range existing {
		known[e] = true
	}
	var builders []*ent.UserCreate
	for _, e := range emails {
		if known[e] {
			continue
		}
		builders = append(builders, s.client.User.Create().SetEmail(e).SetStatus(user.StatusInvited).AddGroupIDs(groupID))
	}
	return s.client.User.CreateBulk(builders...).Save(ctx)
}

// SyncGroupMembers makes the group's membership match memberIDs.
func (s *Service) SyncGroupMembers(ctx context.Context, groupID int, memberIDs []int) error {
	current, err := s.client.Group.Query().Where(group.ID(groupID)).QueryUsers().IDs(ctx)
	if err != nil {
		return err
	}
	want := make(map[int]bool, len(memberIDs))
	for _, id := range memberIDs {
		want[id] = true
	}
	for _, id := range current {
		if !want[id] {
			if err := s.client.User.UpdateOneID(id).RemoveGroupIDs(groupID).Exec(ctx); err != nil { // expect: query-in-loop
				return err
			}
		}
	}
	return s.client.Group.UpdateOneID(groupID).AddUserIDs(memberIDs...).Exec(ctx)
}

// LastLogins returns the last login time of each user.
func (s *Service) LastLogins(ctx context.Context, userIDs []int) (map[int]string, error) {
	out := make(map[int]string, len(userIDs))
	for _, id := range userIDs {
		ev, err := s.client.LoginEvent.Query().Where(loginevent.UserID(id)).Order(ent.Desc(loginevent.FieldCreatedAt)).First(ctx) // expect: query-in-loop
		if ent.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = ev.CreatedAt.Format("2006-01-02T15:04:05Z07:00")
	}
	return out, nil
}
