package io.bouncedesk.service;

import io.bouncedesk.persistence.EmailRow;

import java.util.List;

/**
 * The View details panel of an email (domain rules, section 9): the email, the domain of its From
 * address and whether that domain is covered by a connected sending domain.
 *
 * @param fromDomain          the domain of the From address
 * @param connectedDomains    the workspace's connected sending domains
 * @param fromDomainConnected the From domain is a connected domain or a subdomain of one
 */
public record EmailDetails(EmailRow email, String fromDomain, List<String> connectedDomains,
                           boolean fromDomainConnected) {
}
