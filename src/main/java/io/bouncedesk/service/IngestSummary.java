package io.bouncedesk.service;

import java.util.List;

/**
 * What an import of events or bounce messages did.
 *
 * @param imported   new observations recorded
 * @param updated    of those, how many were matched to a recipient of a marketing email
 * @param duplicates observations imported before, recorded once
 * @param rejected   malformed events or broken messages, each named in {@code problems}
 * @param skipped    well-formed input with nothing to record (a message that is not a bounce)
 * @param problems   "position: reason" for each rejected item (the first thousand)
 * @param cancelled  the user stopped the import; what was imported stays and a rerun continues
 */
public record IngestSummary(long imported, long updated, long duplicates, long rejected, long skipped,
                            List<String> problems, boolean cancelled) {
}
