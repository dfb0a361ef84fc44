//go:build ignore

// Package money formats and rounds monetary amounts held in minor units.
package money

import (
	"fmt"
	"math"
	"strings"
)

// Amount is a value in minor units of Currency.
type Amount struct {
	Minor    int64
	Currency string
}

var minorDigits = map[string]int{"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3}

// Digits returns the number of minor digits of a currency.
func Digits(currency string) int {
	if d, ok := minorDigits[strings.ToUpper(currency)]; ok {
		return d
	}
	return 2
}

// String formats an amount like "12.34 EUR".
func (a Amount) String() string {
	d := Digits(a.Currency)
	if d == 0 {
		return fmt.Sprintf("%d %s", a.Minor, a.Currency)
	}
	div := int64(math.Pow10(d))
	sign := ""
	m := a.Minor
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%0*d %s", sign, m/div, d, m%div, a.Currency)
}

// Allocate splits an amount into parts proportional to weights without losing minor units.
func Allocate(total int64, weights []int64) []int64 {
	var sum int64
	for _, w := range weights {
		sum += w
	}
	out := make([]int64, len(weights))
	if sum == 0 {
		return out
	}
	var allocated int64
	for i, w := range weights {
		out[i] = total * w / sum
		allocated += out[i]
	}
	for i := 0; allocated < total; i = (i + 1) % len(out) {
		out[i]++
		allocated++
	}
	return out
}
