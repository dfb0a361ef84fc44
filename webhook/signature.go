package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// signaturePrefix starts every X-Hub-Signature-256 value. The legacy SHA-1
// X-Hub-Signature header is never consulted.
const signaturePrefix = "sha256="

// Signature returns the X-Hub-Signature-256 value GitHub sends for body
// signed with secret: "sha256=" and the hex HMAC-SHA256 of the raw bytes.
// Tests and load generators use it to sign deliveries.
func Signature(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return signaturePrefix + hex.EncodeToString(m.Sum(nil))
}

// verify reports whether header is a valid sha256= signature of body under
// any accepted secret. The comparison is constant-time (hmac.Equal).
func (h *Handler) verify(header string, body []byte) bool {
	hexSig, ok := strings.CutPrefix(header, signaturePrefix)
	if !ok || len(hexSig) != 2*sha256.Size {
		return false
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return false
	}
	match := false
	for _, secret := range h.secrets {
		m := hmac.New(sha256.New, secret)
		m.Write(body)
		if hmac.Equal(m.Sum(nil), got) {
			match = true // keep going: same work whichever secret matches
		}
	}
	return match
}
