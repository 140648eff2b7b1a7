package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.screen.ScreeningHit;

/**
 * A screening hit that a SCREEN rule covers: the alert stage turns it into the alert ops see.
 *
 * @param rule the SCREEN rule
 * @param hit the party, the designation it matched, how, and whether found by rescreening
 */
public record ScreenMatch(Rule rule, ScreeningHit hit) {}
