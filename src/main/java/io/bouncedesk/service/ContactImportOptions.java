package io.bouncedesk.service;

/**
 * Choices of a contacts import beyond the file and its columns.
 *
 * @param source        the source label given to created contacts; blank means "CSV import FILE NAME"
 * @param purchasedList marks created contacts as from a purchased or third-party list (never sent to)
 * @param dryRun        validate and count everything, write nothing
 */
public record ContactImportOptions(String source, boolean purchasedList, boolean dryRun) {

    public static final ContactImportOptions DEFAULT = new ContactImportOptions(null, false, false);

    public ContactImportOptions {
        if (source != null && source.strip().length() > ContactImportService.MAX_TEXT) {
            throw new IllegalArgumentException("The source label is longer than " + ContactImportService.MAX_TEXT
                    + " characters.");
        }
    }

    public ContactImportOptions asDryRun() {
        return new ContactImportOptions(source, purchasedList, true);
    }
}
