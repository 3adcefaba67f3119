package io.bouncedesk.service;

import java.util.List;

/** Who a send goes to: every contact of the workspace, or an explicit list (a segment). */
public record Audience(List<Long> contactIds) {

    public static Audience all() {
        return new Audience(null);
    }

    public static Audience of(List<Long> contactIds) {
        return new Audience(contactIds.stream().sorted().distinct().toList());
    }

    public boolean isAll() {
        return contactIds == null;
    }
}
