package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientDao;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;

/** Read-only figures: the workspace summary and each email's counts and health. */
public final class ReportService {

    private final Jdbi jdbi;
    private final ContactDao contacts;
    private final EmailDao emails;
    private final RecipientDao recipients;
    private final UnbounceService unbounces;

    public ReportService(Jdbi jdbi, ContactDao contacts, EmailDao emails, RecipientDao recipients,
                         UnbounceService unbounces) {
        this.jdbi = jdbi;
        this.contacts = contacts;
        this.emails = emails;
        this.recipients = recipients;
        this.unbounces = unbounces;
    }

    public WorkspaceSummary summary() {
        return jdbi.withHandle(h -> {
            Map<ContactStatus, Long> byStatus = contacts.countByStatus(h);
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long billable = byStatus.entrySet().stream().filter(e -> e.getKey().isBillable())
                    .mapToLong(Map.Entry::getValue).sum();
            return new WorkspaceSummary(total, byStatus, billable, unbounces.quota(h));
        });
    }

    public List<EmailSummary> emails(String search) {
        return jdbi.withHandle(h -> emails.list(h, search).stream().map(e -> summarise(h, e)).toList());
    }

    public EmailSummary email(long emailId) {
        return jdbi.withHandle(h -> summarise(h, emails.find(h, emailId)
                .orElseThrow(() -> new NotFoundException("No marketing email with id " + emailId + "."))));
    }

    private EmailSummary summarise(org.jdbi.v3.core.Handle h, EmailRow e) {
        var counts = recipients.counts(h, e.id());
        return new EmailSummary(e, counts, EmailHealth.of(counts));
    }
}
