package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.RecipientDetail;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.PagedList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Recipients view of one sent email (domain rules, section 3): the tab counts, and the rows of
 * the selected tab as a {@link PagedList} that the database searches, sorts and pages. The view
 * model never holds the whole list: a new tab, bounce type, search or sort makes a new paged list
 * from an indexed count plus its first page. Bounced and Not sent rows expand to their detail
 * (attempts, replies, cause), read when expanded.
 */
public final class RecipientsViewModel {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 30;

    private final long emailId;
    private final RecipientService service;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<RecipientItem> contactOpener;

    private final ReadOnlyObjectWrapper<RecipientTab> tab = new ReadOnlyObjectWrapper<>(this, "tab", RecipientTab.SENT);
    private final ReadOnlyObjectWrapper<BounceType> bounceType = new ReadOnlyObjectWrapper<>(this, "bounceType");
    private final ReadOnlyStringWrapper search = new ReadOnlyStringWrapper(this, "search", "");
    private final ReadOnlyStringWrapper shownSearch = new ReadOnlyStringWrapper(this, "shownSearch", "");
    private final ReadOnlyObjectWrapper<RecipientQuery.Sort> sort =
            new ReadOnlyObjectWrapper<>(this, "sort", RecipientQuery.Sort.ID);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper(this, "descending");
    private final ReadOnlyObjectWrapper<RecipientCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyObjectWrapper<ObservableList<RecipientItem>> items = new ReadOnlyObjectWrapper<>(this,
            "items", FXCollections.emptyObservableList());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<RecipientItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableSet<Long> expanded = FXCollections.observableSet();
    private final ObservableMap<Long, RecipientDetail> details = FXCollections.observableHashMap();
    private final ObservableSet<Long> expandedView = FXCollections.unmodifiableObservableSet(expanded);
    private final ObservableMap<Long, RecipientDetail> detailsView = FXCollections.unmodifiableObservableMap(details);

    private PagedList<RecipientItem> list;
    private BackgroundTasks.Job listJob;
    private long generation;
    private boolean keepPosition;

    public RecipientsViewModel(long emailId, RecipientService service, BackgroundTasks tasks, Messages messages,
                               Consumer<RecipientItem> contactOpener) {
        this.emailId = emailId;
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.contactOpener = contactOpener;
    }

    /** Reads the counts and the first page of the Sent tab. */
    public void load() {
        refreshCounts();
        reload();
    }

    /**
     * Reads the counts and the list again with the same tab, search and sort (another console
     * changed the workspace); the view keeps its scroll position ({@link #keepsPosition()}).
     */
    public void refresh() {
        refreshCounts();
        reload(true);
    }

    /** True while the list shown is a refresh of the one before: the view stays where it was. */
    public boolean keepsPosition() {
        return keepPosition;
    }

    public void refreshCounts() {
        tasks.run(() -> service.counts(emailId), counts::set, this::failed);
    }

    public void selectTab(RecipientTab newTab) {
        if (newTab == null || newTab == RecipientTab.ALL || newTab == tab.get()) {
            return;
        }
        tab.set(newTab);
        bounceType.set(null);
        sort.set(RecipientQuery.Sort.ID);
        descending.set(false);
        reload();
    }

    /** Hard, Soft, or null for both; only the Bounced tab filters by it. */
    public void selectBounceType(BounceType type) {
        if (type == bounceType.get()) {
            return;
        }
        bounceType.set(type);
        if (tab.get() == RecipientTab.BOUNCED) {
            reload();
        }
    }

    /** Lists only recipients whose address or name starts with {@code text}. */
    public void search(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals(search.get())) {
            return;
        }
        search.set(t);
        reload();
    }

    /** Sorts by a column in the database; {@link RecipientQuery.Sort#ID} is the send order. */
    public void sortBy(RecipientQuery.Sort by, boolean desc) {
        RecipientQuery.Sort s = by == null ? RecipientQuery.Sort.ID : by;
        if (s == sort.get() && desc == descending.get()) {
            return;
        }
        sort.set(s);
        descending.set(desc);
        reload();
    }

    /** The query the current list shows (also what Export writes). */
    public RecipientQuery query() {
        RecipientQuery q = RecipientQuery.of(emailId, tab.get()).withSearch(search.get().isEmpty() ? null : search.get())
                .sortedBy(sort.get(), descending.get());
        return tab.get() == RecipientTab.BOUNCED ? q.withBounceType(bounceType.get()) : q;
    }

    private void reload() {
        reload(false);
    }

    private void reload(boolean refresh) {
        RecipientQuery q = query();
        long gen = ++generation;
        if (listJob != null) {
            listJob.cancel();
        }
        busy.set(true);
        error.set("");
        listJob = tasks.run(() -> service.firstPage(q, PAGE_SIZE), first -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            keepPosition = refresh;
            try {
                showList(q, first);
            } finally {
                keepPosition = false;
            }
        }, t -> {
            if (gen == generation) {
                failed(t);
            }
        });
    }

    private void showList(RecipientQuery q, RecipientService.FirstPage first) {
        if (list != null) {
            list.dispose();
        }
        int size = (int) Math.min(Integer.MAX_VALUE, first.count());
        RecipientService.Pages pages = service.pages(q);
        list = new PagedList<>(size, PAGE_SIZE, MAX_PAGES, (offset, limit) -> wrap(offset,
                pages.page(offset, limit)), RecipientItem::placeholder, tasks, this::failed);
        // a long list in address or name order: where its rows are, read before the user jumps deep
        // (a failure here only means the first deep page reads them, and reports it, itself)
        tasks.run(() -> {
            pages.prepare(size);
            return null;
        }, done -> { }, notReadAhead -> { });
        list.preload(0, wrap(0, first.rows()));
        shownSearch.set(q.search() == null ? "" : q.search());
        items.set(list);
    }

    private static List<RecipientItem> wrap(long offset, List<RecipientListDao.Item> rows) {
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new RecipientItem((int) offset + i, rows.get(i))).toList();
    }

    private void failed(Throwable t) {
        busy.set(false);
        error.set(messages.format("error.load", String.valueOf(t.getMessage())));
    }

    /** Whether rows of the current tab expand to their diagnostic detail (Bounced, Pending, Not sent). */
    public boolean expandable() {
        RecipientTab t = tab.get();
        return t == RecipientTab.BOUNCED || t == RecipientTab.PENDING || t == RecipientTab.NOT_SENT;
    }

    /** Whether this row expands: a loaded Bounced, Pending or Not sent recipient. */
    public boolean expandable(RecipientItem item) {
        if (item == null || item.isPlaceholder()) {
            return false;
        }
        RecipientOutcome o = item.recipient().outcome();
        return o == RecipientOutcome.BOUNCED || o == RecipientOutcome.NOT_SENT || o == RecipientOutcome.PENDING;
    }

    /** Opens or closes a row's detail; opening reads its attempts and cause. */
    public void toggleExpanded(RecipientItem item) {
        if (!expandable(item)) {
            return;
        }
        long id = item.recipient().id();
        if (expanded.remove(id)) {
            details.remove(id);
            return;
        }
        expanded.add(id);
        tasks.run(() -> service.detail(id), d -> {
            if (expanded.contains(id)) {
                details.put(id, d);
            }
        }, this::failed);
    }

    public boolean isExpanded(RecipientItem item) {
        return item != null && !item.isPlaceholder() && expanded.contains(item.recipient().id());
    }

    /** Goes to the contact record of a row's contact. */
    public void openContact(RecipientItem item) {
        if (item != null && !item.isPlaceholder()) {
            contactOpener.accept(item);
        }
    }

    public long emailId() {
        return emailId;
    }

    public ReadOnlyObjectProperty<RecipientTab> tabProperty() {
        return tab.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BounceType> bounceTypeProperty() {
        return bounceType.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty searchProperty() {
        return search.getReadOnlyProperty();
    }

    /** The search the rows on show were read with (the typed one may still be loading). */
    public ReadOnlyStringProperty shownSearchProperty() {
        return shownSearch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecipientQuery.Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty descendingProperty() {
        return descending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecipientCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The rows of the current list: a paged list, its rows read as the table shows them. */
    public ReadOnlyObjectProperty<ObservableList<RecipientItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The row selected in the table (set by the view). */
    public ObjectProperty<RecipientItem> selectedProperty() {
        return selected;
    }

    /** Ids of the expanded rows. */
    public ObservableSet<Long> expandedIds() {
        return expandedView;
    }

    /** The detail read for each expanded row, by recipient id. */
    public ObservableMap<Long, RecipientDetail> details() {
        return detailsView;
    }
}
