package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.Progress;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The CSV export behind the Recipients view's Export button, supplied by the composition root
 * (the export service). It checks the user's permission itself, runs on a worker thread, reports
 * through {@code progress} and stops at {@link Progress#checkCancelled()}.
 */
@FunctionalInterface
public interface RecipientsExporter {

    /**
     * Writes the recipients of {@code query}'s email to {@code file} as CSV: only the query's tab
     * (with its bounce type, search and sort) or, when {@code allTabs}, every recipient of the email.
     *
     * @return the number of recipients written
     */
    long export(User user, RecipientQuery query, boolean allTabs, Path file, Progress progress) throws IOException;
}
