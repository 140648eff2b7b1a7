package io.transfermonitor.streams.reference;

/**
 * A component's HS code on the priority list, as loaded when the finding was read.
 *
 * @param tier its tier, {@code 1}, {@code 2}, {@code 3.A}, ...
 * @param list the list and its date: {@code Common High Priority List (...) of 2024-02-23}
 */
public record Listing(String tier, String list) {}
