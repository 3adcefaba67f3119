package io.bouncedesk.ui.segments;

import io.bouncedesk.persistence.SegmentFilter;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;

/** A segment's filter in the user's words, for the list and the members header. */
final class SegmentFilterText {

    private SegmentFilterText() {
    }

    static String describe(SegmentService.Segment s, Messages m) {
        if (!s.dynamic()) {
            return m.get("segments.staticNote");
        }
        SegmentFilter f = s.filter() == null ? SegmentFilter.none() : s.filter();
        List<String> parts = new ArrayList<>();
        if (f.status() != null) {
            parts.add(m.format("segments.f.status", m.of("status", f.status())));
        }
        if (f.bounceReasonKnown()) {
            parts.add(m.get("segments.f.reasonKnown"));
        }
        if (f.category() != null) {
            parts.add(m.format("segments.f.category", m.of("category", f.category())));
        }
        if (f.receivingDomain() != null) {
            parts.add(m.format("segments.f.domain", f.receivingDomain()));
        }
        if (f.globalOnly()) {
            parts.add(m.get("segments.f.global"));
        }
        if (f.bouncedOnEmailId() != null) {
            parts.add(m.format("segments.f.email", String.valueOf(f.bouncedOnEmailId())));
        }
        if (f.source() != null) {
            parts.add(m.format("segments.f.source", f.source()));
        }
        return parts.isEmpty() ? m.get("segments.f.all") : String.join("  ·  ", parts);
    }
}
