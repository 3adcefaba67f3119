package io.bouncedesk.service;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a delivered recipient's IT team needs to find the message in spam or quarantine and to
 * allowlist the sender (domain rules, section 9). The console puts it on the clipboard as text.
 *
 * @param deliveredAt when the receiving server accepted the message, in the workspace's time zone
 * @param sendingIps  the workspace's sending IP addresses to allowlist
 */
public record ItTeamDetails(String recipientAddress, String subject, String fromName, String fromAddress,
                            ZonedDateTime deliveredAt, String messageId, List<String> sendingIps) {
}
