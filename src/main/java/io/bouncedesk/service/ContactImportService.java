package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactImportDao;
import io.bouncedesk.persistence.NewContact;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports contacts from a CSV file, all rows or none (see {@link CsvImport}).
 *
 * <p>A row whose address the workspace does not know as any contact's current address creates a
 * contact (with the source label and purchased-list flag of the import, confirmed, its status
 * derived at once: an address hard-bounced here or on the global list makes it BOUNCED). A row
 * whose address is a contact's current address updates that contact's names and company (the
 * oldest contact when several share it); empty or unmapped cells keep what the contact has, and a
 * row that would change nothing counts as a duplicate. Source and purchased flag of existing
 * contacts are never changed by an import.
 */
public final class ContactImportService {

    static final int MAX_TEXT = 255;
    private static final int PREVIEW_ROWS = 5;

    private final Jdbi jdbi;
    private final ContactImportDao dao;
    private final AddressDao addresses;
    private final ContactDao contacts;
    private final AuditLogger audit;
    private final Clock clock;

    public ContactImportService(Jdbi jdbi, ContactImportDao dao, AddressDao addresses, ContactDao contacts,
                                AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.addresses = addresses;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first step of the import dialog: format, header, first rows and the suggested mapping. */
    public CsvPreview preview(User user, Path file, CsvReadOptions read) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        return CsvSource.preview(file, read, PREVIEW_ROWS);
    }

    /**
     * Imports (or with {@code options.dryRun()} only checks) the file. {@code mapping} null means
     * the suggested one; a mapping must have been made for this file's header (preview again when
     * the encoding or delimiter changes). Throws {@link ImportFileException} when the file cannot
     * be read at all and {@link CancelledException} (after rolling back) when cancelled.
     */
    public ImportReport importContacts(User user, Path file, CsvReadOptions read, ColumnMapping mapping,
                                       ContactImportOptions options, Progress progress) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        try (CsvSource source = CsvSource.open(file, read)) {
            ColumnMapping m = mapping != null ? mapping : ColumnMapping.suggest(source.header());
            if (!m.header().equals(source.header())) {
                throw new IllegalArgumentException("The column mapping was made for other columns than "
                        + source.fileName() + " has; preview the file again.");
            }
            if (m.column(ColumnMapping.Field.EMAIL).isEmpty()) {
                return CsvImport.headerRejected(source, options.dryRun(), m.describe(), missingEmailColumn(source));
            }
            String label = options.source() == null || options.source().isBlank()
                    ? "CSV import " + source.fileName() : options.source().strip();
            return CsvImport.run(jdbi, source, options.dryRun(), progress, m.describe(),
                    new ContactRows(user, source, m, label, options));
        }
    }

    private static String missingEmailColumn(CsvSource source) {
        for (String name : source.header()) {
            if (EmailAddress.of(name).valid()) {
                return "no column is mapped to email; the first line must name the columns, but it holds data ("
                        + name + ")";
            }
        }
        return "no column is mapped to email (columns: " + String.join(", ", source.header()) + ")";
    }

    /** One valid row: the address and the texts given (null where the file gives none). */
    private record ContactLine(EmailAddress address, String firstName, String lastName, String company) {
    }

    private final class ContactRows implements CsvImport.Rows<ContactLine> {

        private final User user;
        private final CsvSource source;
        private final ColumnMapping mapping;
        private final String label;
        private final ContactImportOptions options;
        private final int email;
        private final int first;
        private final int last;
        private final int company;

        ContactRows(User user, CsvSource source, ColumnMapping mapping, String label, ContactImportOptions options) {
            this.user = user;
            this.source = source;
            this.mapping = mapping;
            this.label = label;
            this.options = options;
            this.email = mapping.column(ColumnMapping.Field.EMAIL).orElseThrow();
            this.first = mapping.column(ColumnMapping.Field.FIRST_NAME).orElse(-1);
            this.last = mapping.column(ColumnMapping.Field.LAST_NAME).orElse(-1);
            this.company = mapping.column(ColumnMapping.Field.COMPANY).orElse(-1);
        }

        @Override
        public ContactLine read(CsvRow row) throws RowRejectedException {
            String raw = row.cell(email);
            if (raw.isEmpty()) {
                throw new RowRejectedException("the email is missing");
            }
            EmailAddress address = EmailAddress.of(raw);
            if (!address.valid()) {
                throw new RowRejectedException("'" + raw + "' is not a valid email address");
            }
            return new ContactLine(address, text(row, first, "first name"), text(row, last, "last name"),
                    text(row, company, "company"));
        }

        @Override
        public String key(ContactLine item) {
            return item.address().key();
        }

        @Override
        public String describe(ContactLine item) {
            return item.address().value();
        }

        @Override
        public void write(Handle h, List<ContactLine> chunk, CsvImport.Counts counts) {
            // Reserve the addresses first: a console importing the same addresses at the same time
            // waits, then finds them instead of creating them twice.
            long nextId = addresses.nextId(h);
            List<String> keys = chunk.stream().map(l -> l.address().key()).toList();
            Map<String, ContactImportDao.KnownAddress> known = dao.findByKeys(h, keys);
            List<String> unknown = keys.stream().filter(k -> !known.containsKey(k)).toList();
            Set<String> global = dao.globallyBounced(h, unknown);
            Instant now = clock.instant();
            List<ContactImportDao.NewAddress> newAddresses = new ArrayList<>();
            List<NewContact> created = new ArrayList<>();
            List<ContactImportDao.NameChange> changed = new ArrayList<>();
            for (ContactLine line : chunk) {
                ContactImportDao.KnownAddress k = known.get(line.address().key());
                if (k == null) {
                    boolean globallyBounced = global.contains(line.address().key());
                    newAddresses.add(new ContactImportDao.NewAddress(nextId, line.address(), globallyBounced));
                    created.add(newContact(line, nextId++, globallyBounced, now));
                    counts.imported++;
                } else if (k.contactId() == null) {
                    created.add(newContact(line, k.addressId(), k.hardBounced() || k.globalBounced(), now));
                    counts.imported++;
                } else {
                    var change = new ContactImportDao.NameChange(k.contactId(), keep(line.firstName(), k.firstName()),
                            keep(line.lastName(), k.lastName()), keep(line.company(), k.company()));
                    if (change.firstName().equals(k.firstName()) && change.lastName().equals(k.lastName())
                            && change.company().equals(k.company())) {
                        counts.duplicates++;
                    } else {
                        changed.add(change);
                        counts.updated++;
                    }
                }
            }
            dao.insertAddresses(h, newAddresses);
            contacts.insertBatch(h, created);
            dao.updateNames(h, changed, now);
        }

        private NewContact newContact(ContactLine line, long addressId, boolean bounced, Instant now) {
            // Imported contacts count as confirmed: a CSV carries no double opt-in state.
            return new NewContact(Objects.requireNonNullElse(line.firstName(), ""),
                    Objects.requireNonNullElse(line.lastName(), ""), Objects.requireNonNullElse(line.company(), ""),
                    label, options.purchasedList(), addressId, true, null, null,
                    ContactStatus.derive(false, false, bounced, true), now);
        }

        @Override
        public void audit(Handle h, CsvImport.Counts counts) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", source.fileName());
            after.put("encoding", source.encoding().name());
            after.put("columns", mapping.describe());
            after.put("source", label);
            after.put("purchasedList", options.purchasedList());
            after.put("imported", counts.imported);
            after.put("updated", counts.updated);
            after.put("duplicates", counts.duplicates);
            after.put("rejected", 0);
            audit.record(h, user.username(), "IMPORT_CONTACTS", AuditSubject.file(source.fileName()), null, after);
        }
    }

    private static String keep(String fromFile, String current) {
        return fromFile != null ? fromFile : Objects.requireNonNullElse(current, "");
    }

    /** The cell's text, or null when the column is unmapped or the cell empty (keep what the contact has). */
    private static String text(CsvRow row, int column, String what) throws RowRejectedException {
        String value = row.cell(column);
        if (value.isEmpty()) {
            return null;
        }
        // Our own exports prefix formula-like cells with an apostrophe (CsvExportFile); take it off again.
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        if (value.length() > MAX_TEXT) {
            // A quote opened and never closed swallows the following lines into one cell.
            throw new RowRejectedException("the " + what + " is longer than " + MAX_TEXT + " characters"
                    + (value.indexOf('\n') >= 0 ? " (does a quote in it lack its closing quote?)" : ""));
        }
        return value;
    }
}
