package io.bouncedesk.service;

import io.bouncedesk.persistence.RecipientCounts;

/** The outcome of a send right after its first attempts. */
public record SendReport(long emailId, RecipientCounts counts) {
}
