package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;

import java.util.Map;

/** Contacts per status, the billable (Active) count and this month's unbounce quota. */
public record WorkspaceSummary(long contacts, Map<ContactStatus, Long> byStatus, long billable, UnbounceQuota quota) {
}
