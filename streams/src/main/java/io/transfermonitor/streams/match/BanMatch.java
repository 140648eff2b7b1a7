package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.fact.Fact;

/**
 * One event that one BAN rule forbids: the alert stage turns it into the alert ops see.
 *
 * @param rule the BAN rule the fact matched
 * @param fact the banned event
 * @param processedAt wall-clock time of the match, epoch millis
 */
public record BanMatch(Rule rule, Fact fact, long processedAt) {}
