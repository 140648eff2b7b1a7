package io.transfermonitor.producers.ais;

import java.time.Instant;
import net.sf.marineapi.nmea.sentence.AISSentence;

/**
 * One {@code !AIVDM}/{@code !AIVDO} sentence as read: a whole message or one part of a
 * multi-sentence one, with the time and source its line gave it.
 *
 * @param line line number, 1-based
 * @param text the line it came from, for the report
 * @param sentence the sentence as the Marine API parsed it
 * @param count number of sentences of the message
 * @param number this sentence's place among them, 1-based
 * @param group what joins the parts of one message: sequence id, channel and count
 * @param time its time, never null
 * @param timeSource where the time came from
 * @param source station or file
 */
record Fragment(
    long line,
    String text,
    AISSentence sentence,
    int count,
    int number,
    String group,
    Instant time,
    TimeSource timeSource,
    String source) {}
